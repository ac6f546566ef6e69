// FacebookPublisher: posts a case to a Facebook Page as one thread the way a Page can: the
// case's first post is a Page post (POST /{version}/{page_id}/feed), every later one the
// Page's own comment on it (POST /{version}/{post_id}/comments). Graph has no idempotency
// keys, so any retry first looks for the earlier attempt (the Page's feed, or the root post's
// newest comments) and only posts when it is not there; 506 "duplicate" is looked up the same
// way. Withdrawal deletes (DELETE /{version}/{id}). Token errors (190) put the account into
// "needs re-authorisation"; rate limits (4, 17, 32, 613) pause it as the usage headers say.
// Followers' replies are the comments on the case's Page post that are not the Page's own
// (GET /{version}/{post_id}/comments?filter=stream, every page); an answer is a reply to the
// follower's comment (POST /{version}/{comment_id}/comments), or, when the follower's comment is
// itself a reply, to the top-level comment it sits under: Facebook nests comments one level.
// Threading: one thread, like its HttpClient.
#pragma once

#include <optional>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/publisher.h"
#include "core/compose/length_limits.h"

namespace orlive {

class FacebookPublisher final : public Publisher {
public:
    FacebookPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts = {});

    PublishOutcome check(TimeMs now) override;
    PublishOutcome publish(const OutgoingPost& post, TimeMs now) override;
    PublishOutcome remove(const RemoteRef& remote, TimeMs now) override;
    std::string replies_platform() const override { return "facebook"; }
    RepliesOutcome fetch_replies(const RemoteRef& root, TimeMs now) override;

private:
    HttpRequest request(const std::string& method, const std::string& path) const;
    // The earlier attempt of `post` if it is on the Page; an outcome when the look-up failed.
    Result<std::optional<RemoteRef>> find_earlier_attempt(const OutgoingPost& post, TimeMs now,
                                                          std::optional<PublishOutcome>& failed);
    RemoteRef ref_for(const std::string& id) const;

    std::string graph_base_;
    std::string version_;
    std::string page_id_;
    std::string token_;
    HttpClient& http_;
    HttpTimeouts timeouts_;
};

}  // namespace orlive
