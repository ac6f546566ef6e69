#include "sync/mastodon_publisher.h"

#include <nlohmann/json.hpp>

#include "sync/platform_answers.h"
#include "sync/platform_error.h"
#include "sync/retry_policy.h"
#include "core/compose/text_length.h"

namespace orlive {

using nlohmann::json;

namespace {

// Mastodon forgets an Idempotency-Key after an hour; search well before that, allowing for an
// attempt's own duration (updated_at may be its end, not its start).
constexpr TimeMs kTrustKeyForMs = 45 * 60 * 1000;

}  // namespace

MastodonPublisher::MastodonPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts)
    : base_url_(account.base_url), access_token_(account.access_token), http_(http), timeouts_(timeouts) {
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

HttpRequest MastodonPublisher::request(const std::string& method, const std::string& path) const {
    HttpRequest request;
    request.method = method;
    request.url = base_url_ + path;
    request.headers = {{"Authorization", "Bearer " + access_token_}, {"Accept", "application/json"}};
    request.connect_timeout_ms = timeouts_.connect_ms;
    request.total_timeout_ms = timeouts_.total_ms;
    return request;
}

std::optional<TimeMs> MastodonPublisher::rate_limit_pause(const HttpResponse& response) const {
    // Mastodon: X-RateLimit-Remaining, and X-RateLimit-Reset as an ISO-8601 time.
    if (response.header("x-ratelimit-remaining") != "0") return std::nullopt;
    return parse_iso8601(response.header("x-ratelimit-reset"));
}

PublishOutcome MastodonPublisher::failure(const HttpResponse& response, TimeMs now) const {
    std::optional<TimeMs> reset = parse_iso8601(response.header("x-ratelimit-reset"));
    return failure_outcome(response, "Mastodon", platform_error_text(response.body), reset, now);
}

const MastodonLimits& MastodonPublisher::limits() {
    if (limits_) return *limits_;
    auto response = http_.perform(request("GET", "/api/v2/instance"));
    if (!response) return fallback_;  // no answer: Mastodon's defaults now, ask again next time
    limits_ = response->status == 200 ? parse_mastodon_limits(response->body, fallback_) : fallback_;
    return *limits_;
}

PublishOutcome MastodonPublisher::check(TimeMs now) {
    auto response = http_.perform(request("GET", "/api/v1/accounts/verify_credentials"));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return failure(*response, now);
    account_id_ = parse_mastodon_account_id(response->body);
    return PublishOutcome::sent({});
}

Result<std::optional<RemoteRef>> MastodonPublisher::find_earlier_attempt(const OutgoingPost& post, TimeMs now,
                                                                         std::optional<PublishOutcome>& failed) {
    if (account_id_.empty()) {
        PublishOutcome checked = check(now);
        if (checked.kind != PublishOutcome::Kind::Sent || account_id_.empty()) {
            failed = checked.kind == PublishOutcome::Kind::Sent
                         ? PublishOutcome::transient("Mastodon did not say which account this token is")
                         : checked;
            return make_error(failed->error);
        }
    }
    auto response = http_.perform(request("GET", "/api/v1/accounts/" + account_id_ + "/statuses?limit=40"));
    if (!response) {
        failed = transport_outcome(response.error());
        return make_error(failed->error);
    }
    if (response->status != 200) {
        failed = failure(*response, now);
        return make_error(failed->error);
    }
    auto found = find_mastodon_status(response->body, post.parent.id, post.text);
    if (!found) failed = PublishOutcome::transient(found.error().message);
    return found;
}

PublishOutcome MastodonPublisher::publish(const OutgoingPost& post, TimeMs now) {
    const MastodonLimits& limit = limits();
    const std::size_t length = mastodon_length(post.text, limit.characters_reserved_per_url);
    if (length > limit.max_characters) {
        return PublishOutcome::permanent("the post is " + std::to_string(length) + " characters; this instance allows " +
                                         std::to_string(limit.max_characters));
    }
    if (post.previous_attempt_at > 0 && now - post.previous_attempt_at > kTrustKeyForMs) {
        std::optional<PublishOutcome> failed;
        auto earlier = find_earlier_attempt(post, now, failed);
        if (!earlier) return *failed;
        if (*earlier) return PublishOutcome::sent(**earlier);
    }
    HttpRequest req = request("POST", "/api/v1/statuses");
    req.headers.emplace_back("Content-Type", "application/json");
    req.headers.emplace_back("Idempotency-Key", post.idempotency_key);
    json body = {{"status", post.text}, {"visibility", "public"}, {"language", "en"}};
    if (!post.parent.id.empty()) body["in_reply_to_id"] = post.parent.id;
    req.body = body.dump();

    auto response = http_.perform(req);
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return failure(*response, now);
    std::optional<RemoteRef> remote = parse_mastodon_status(response->body);
    if (!remote) {
        // It probably arrived; the retry carries the same Idempotency-Key and gets the same status.
        return PublishOutcome::transient("Mastodon answered 200 with an unreadable reply; retrying safely");
    }
    PublishOutcome outcome = PublishOutcome::sent(*remote);
    outcome.pause_until = rate_limit_pause(*response);
    return outcome;
}

PublishOutcome MastodonPublisher::remove(const RemoteRef& remote, TimeMs now) {
    auto response = http_.perform(request("DELETE", "/api/v1/statuses/" + remote.id));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200 || response->status == 404) return PublishOutcome::sent(remote);
    return failure(*response, now);
}

RepliesOutcome MastodonPublisher::fetch_replies(const RemoteRef& root, TimeMs now) {
    if (account_id_.empty()) {
        PublishOutcome checked = check(now);
        if (checked.kind != PublishOutcome::Kind::Sent) return {checked, {}};
        if (account_id_.empty())
            return {PublishOutcome::transient("Mastodon did not say which account this token is"), {}};
    }
    HttpRequest context = request("GET", "/api/v1/statuses/" + root.id + "/context");
    context.max_response_bytes = kMaxThreadResponseBytes;
    auto response = http_.perform(context);
    if (!response) return {transport_outcome(response.error()), {}};
    if (response->status == 404) return {PublishOutcome::permanent("the thread's first post is gone"), {}};
    if (response->status != 200) return {failure(*response, now), {}};
    auto replies = parse_mastodon_context(response->body, account_id_);
    if (!replies) return {PublishOutcome::transient(replies.error().message), {}};
    RepliesOutcome outcome;
    outcome.status = PublishOutcome::sent(root);
    outcome.status.pause_until = rate_limit_pause(*response);
    outcome.replies = std::move(replies.value());
    return outcome;
}

}  // namespace orlive
