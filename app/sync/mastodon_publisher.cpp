#include "sync/mastodon_publisher.h"

#include <cstring>

#include <nlohmann/json.hpp>

#include "sync/platform_error.h"
#include "sync/retry_policy.h"
#include "sync/text_length.h"

namespace orlive {

using nlohmann::json;

namespace {

// Mastodon forgets an Idempotency-Key after an hour; search well before that, allowing for an
// attempt's own duration (updated_at may be its end, not its start).
constexpr TimeMs kTrustKeyForMs = 45 * 60 * 1000;

// Status HTML (<p>, <br>, links around hashtags and URLs) back to the text we sent.
std::string plain_text(const std::string& html) {
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string::npos) break;
            const std::string tag = html.substr(i, close - i + 1);
            if (tag.rfind("<br", 0) == 0) out += '\n';
            if (tag == "</p>" && close + 1 < html.size()) out += "\n\n";
            i = close;
            continue;
        }
        static const std::pair<const char*, char> entities[] = {
            {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
        bool replaced = false;
        for (const auto& [entity, ch] : entities) {
            if (html.compare(i, std::strlen(entity), entity) == 0) {
                out += ch;
                i += std::strlen(entity) - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += html[i];
    }
    return out;
}

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
    MastodonLimits limits;
    auto response = http_.perform(request("GET", "/api/v2/instance"));
    if (!response) return fallback_;  // no answer: Mastodon's defaults now, ask again next time
    auto body = json::parse(response->body, nullptr, false);
    if (response->status == 200 && body.is_object()) {
        const json statuses = body.value("/configuration/statuses"_json_pointer, json::object());
        if (statuses.is_object()) {
            limits.max_characters = statuses.value("max_characters", limits.max_characters);
            limits.characters_reserved_per_url =
                statuses.value("characters_reserved_per_url", limits.characters_reserved_per_url);
        }
    }
    limits_ = limits;
    return *limits_;
}

PublishOutcome MastodonPublisher::check(TimeMs now) {
    auto response = http_.perform(request("GET", "/api/v1/accounts/verify_credentials"));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return failure(*response, now);
    auto account = json::parse(response->body, nullptr, false);
    if (account.is_object() && account.contains("id") && account["id"].is_string()) account_id_ = account["id"];
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
    auto statuses = json::parse(response->body, nullptr, false);
    if (!statuses.is_array()) {
        failed = PublishOutcome::transient("Mastodon listed the account's statuses unreadably");
        return make_error(failed->error);
    }
    for (const json& status : statuses) {
        if (!status.is_object()) continue;
        const json reply = status.value("in_reply_to_id", json());
        const std::string reply_to = reply.is_string() ? reply.get<std::string>() : std::string();
        if (reply_to != post.parent.id || plain_text(status.value("content", "")) != post.text) continue;
        RemoteRef found;
        found.id = status["id"].is_string() ? status["id"].get<std::string>() : status["id"].dump();
        found.uri = status.value("url", status.value("uri", std::string()));
        return std::optional<RemoteRef>(found);
    }
    return std::optional<RemoteRef>();
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
    auto status = json::parse(response->body, nullptr, false);
    if (!status.is_object() || !status.contains("id")) {
        // It probably arrived; the retry carries the same Idempotency-Key and gets the same status.
        return PublishOutcome::transient("Mastodon answered 200 with an unreadable reply; retrying safely");
    }
    RemoteRef remote;
    remote.id = status["id"].is_string() ? status["id"].get<std::string>() : status["id"].dump();
    remote.uri = status.value("url", status.value("uri", std::string()));
    PublishOutcome outcome = PublishOutcome::sent(remote);
    outcome.pause_until = rate_limit_pause(*response);
    return outcome;
}

PublishOutcome MastodonPublisher::remove(const RemoteRef& remote, TimeMs now) {
    auto response = http_.perform(request("DELETE", "/api/v1/statuses/" + remote.id));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200 || response->status == 404) return PublishOutcome::sent(remote);
    return failure(*response, now);
}

}  // namespace orlive
