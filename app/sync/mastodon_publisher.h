// MastodonPublisher: posts to a Mastodon account's thread (POST /api/v1/statuses with
// in_reply_to_id), deletes (DELETE /api/v1/statuses/:id), checks credentials and reads
// followers' replies (GET /api/v1/statuses/:id/context). Every post
// carries an Idempotency-Key derived from its delivery row, so a retry after an unknown outcome
// cannot double-post (Mastodon keeps keys for an hour per account). Length is checked before
// sending against the instance's own limits (GET /api/v2/instance, read once).
// Threading: one thread, like its HttpClient.
#pragma once

#include <optional>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/platform_answers.h"
#include "sync/publisher.h"

namespace orlive {

class MastodonPublisher final : public Publisher {
public:
    MastodonPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts = {});

    PublishOutcome check(TimeMs now) override;
    PublishOutcome publish(const OutgoingPost& post, TimeMs now) override;
    PublishOutcome remove(const RemoteRef& remote, TimeMs now) override;
    // GET /api/v1/statuses/:root/context: every descendant not written by this account.
    std::string replies_platform() const override { return "mastodon"; }
    RepliesOutcome fetch_replies(const RemoteRef& root, TimeMs now) override;

    // The instance's limits, fetched on first use (defaults when the instance will not say).
    const MastodonLimits& limits();

private:
    HttpRequest request(const std::string& method, const std::string& path) const;
    PublishOutcome failure(const HttpResponse& response, TimeMs now) const;
    std::optional<TimeMs> rate_limit_pause(const HttpResponse& response) const;
    // After Mastodon has forgotten the Idempotency-Key (an hour), an earlier attempt that may
    // have arrived is looked for among the account's latest statuses: same reply target, same
    // text. Nothing when it is not there (post it); an outcome when the search itself failed.
    Result<std::optional<RemoteRef>> find_earlier_attempt(const OutgoingPost& post, TimeMs now,
                                                          std::optional<PublishOutcome>& failed);

    std::string base_url_;
    std::string access_token_;
    HttpClient& http_;
    HttpTimeouts timeouts_;
    std::optional<MastodonLimits> limits_;
    MastodonLimits fallback_;
    std::string account_id_;  // from verify_credentials, for the account's statuses
};

}  // namespace orlive
