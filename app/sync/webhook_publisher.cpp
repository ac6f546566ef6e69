#include "sync/webhook_publisher.h"

#include <nlohmann/json.hpp>

#include "core/base/time_format.h"
#include "sync/platform_answers.h"
#include "sync/platform_error.h"
#include "sync/retry_policy.h"
#include "core/compose/text_length.h"

namespace orlive {

using nlohmann::json;

namespace {
constexpr std::size_t kDiscordMaxCharacters = 2000;
}

WebhookPublisher::WebhookPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts)
    : url_(account.url), format_(account.format), http_(http), timeouts_(timeouts) {
    if (format_ == "discord") url_ += (url_.find('?') == std::string::npos ? "?" : "&") + std::string("wait=true");
}

std::string WebhookPublisher::payload(const OutgoingPost& post) const {
    if (format_ == "slack") return json{{"text", post.text}}.dump();
    if (format_ == "discord") return json{{"content", post.text}}.dump();
    if (format_ == "teams") {
        json card = {{"$schema", "http://adaptivecards.io/schemas/adaptive-card.json"},
                     {"type", "AdaptiveCard"},
                     {"version", "1.4"},
                     {"body", json::array({{{"type", "TextBlock"}, {"text", post.text}, {"wrap", true}}})}};
        return json{{"type", "message"},
                    {"attachments", json::array({{{"contentType", "application/vnd.microsoft.card.adaptive"},
                                                  {"contentUrl", nullptr},
                                                  {"content", card}}})}}
            .dump();
    }
    return json{{"event", "orlive.post"},
                {"post_id", post.post_id},
                {"case_id", post.case_id ? json(*post.case_id) : json(nullptr)},
                {"kind", post_kind_name(post.kind)},
                {"milestone", post.milestone_id},
                {"text", post.text},
                {"created_at", format_iso8601_utc(post.created_at)},
                {"delivery_key", post.idempotency_key}}
        .dump();
}

PublishOutcome WebhookPublisher::check(TimeMs) {
    // A webhook cannot be asked anything without posting to it.
    return PublishOutcome::sent({});
}

PublishOutcome WebhookPublisher::publish(const OutgoingPost& post, TimeMs now) {
    if (format_ == "discord" && count_graphemes(post.text) > kDiscordMaxCharacters)
        return PublishOutcome::permanent("the post is longer than Discord's 2000 characters");
    HttpRequest request;
    request.method = "POST";
    request.url = url_;
    request.headers = {{"Content-Type", "application/json"}, {"Idempotency-Key", post.idempotency_key}};
    request.body = payload(post);
    request.connect_timeout_ms = timeouts_.connect_ms;
    request.total_timeout_ms = timeouts_.total_ms;
    auto response = http_.perform(request);
    if (!response) return transport_outcome(response.error());
    if (response->status < 200 || response->status >= 300) {
        return failure_outcome(*response, "The webhook", platform_error_text(response->body),
                               parse_unix_seconds(response->header("x-ratelimit-reset")), now);
    }
    RemoteRef remote;
    if (format_ == "discord") {
        remote.id = parse_discord_message_id(response->body);
    }
    return PublishOutcome::sent(remote);
}

PublishOutcome WebhookPublisher::remove(const RemoteRef& remote, TimeMs) {
    // Nothing to call: a webhook message cannot be recalled (README says so).
    return PublishOutcome::sent(remote);
}

}  // namespace orlive
