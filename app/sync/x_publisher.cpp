#include "sync/x_publisher.h"

#include <nlohmann/json.hpp>

#include "sync/graph_api.h"
#include "sync/platform_error.h"
#include "sync/retry_policy.h"
#include "sync/text_length.h"

namespace orlive {

using nlohmann::json;

namespace {

constexpr TimeMs kClockSlackMs = 10 * 60 * 1000;  // see FacebookPublisher
constexpr TimeMs kReauthorisationRecheckMs = 15 * 60 * 1000;

// X returns tweet text with &, < and > escaped, and URLs rewritten to t.co links: compare
// with the entities undone and every URL as one token.
std::string comparable(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const bool url_start = (text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0) &&
                               (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '(');
        if (url_start) {
            while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
            out += "<url>";
            continue;
        }
        bool replaced = false;
        for (const auto& [entity, ch] : {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}}) {
            const std::string e = entity;
            if (text.compare(i, e.size(), e) == 0) {
                out += ch;
                i += e.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

// The tweet this one replies to, from referenced_tweets; empty when it stands alone.
std::string replied_to(const json& tweet) {
    auto refs = tweet.find("referenced_tweets");
    if (refs == tweet.end() || !refs->is_array()) return "";
    for (const json& ref : *refs) {
        if (json_string_member(ref, "type").value_or("") == "replied_to") return json_string_member(ref, "id").value_or("");
    }
    return "";
}

RemoteRef tweet_ref(const std::string& id) {
    RemoteRef ref;
    ref.id = id;
    ref.uri = "https://x.com/i/web/status/" + id;
    return ref;
}

}  // namespace

std::string x_error_text(const std::string& body) {
    const json root = json::parse(body, nullptr, false);
    std::string text;
    if (root.is_object()) {
        text = json_string_member(root, "detail").value_or(json_string_member(root, "title").value_or(""));
        auto errors = root.find("errors");
        if (text.empty() && errors != root.end() && errors->is_array() && !errors->empty())
            text = json_string_member(errors->front(), "message").value_or("");
    }
    if (text.empty()) return platform_error_text(body);
    return platform_error_text(json{{"error", text}}.dump());
}

XPublisher::XPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts)
    : api_base_(account.api_base),
      keys_{account.consumer_key, account.consumer_secret, account.access_token, account.access_token_secret},
      http_(http),
      timeouts_(timeouts) {
    while (!api_base_.empty() && api_base_.back() == '/') api_base_.pop_back();
}

HttpRequest XPublisher::request(const std::string& method, const std::string& path, TimeMs now) const {
    HttpRequest request;
    request.method = method;
    request.url = api_base_ + path;
    request.headers = {{"Authorization", oauth1_authorization(method, request.url, keys_, {}, oauth1_nonce(), now / 1000)},
                       {"Accept", "application/json"}};
    request.connect_timeout_ms = timeouts_.connect_ms;
    request.total_timeout_ms = timeouts_.total_ms;
    return request;
}

PublishOutcome XPublisher::failure(const HttpResponse& response, TimeMs now) const {
    const std::string words = x_error_text(response.body);
    if (response.status == 401) {
        PublishOutcome outcome =
            PublishOutcome::transient("X answered 401: " + words + "; the account needs re-authorisation");
        outcome.needs_reauthorisation = true;
        outcome.account_wide = true;
        outcome.retry_at = now + kReauthorisationRecheckMs;
        return outcome;
    }
    return failure_outcome(response, "X", words, parse_unix_seconds(response.header("x-rate-limit-reset")), now);
}

PublishOutcome XPublisher::check(TimeMs now) {
    auto response = http_.perform(request("GET", "/2/users/me", now));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return failure(*response, now);
    const json body = json::parse(response->body, nullptr, false);
    const auto data = body.is_object() ? body.find("data") : body.end();
    const std::optional<std::string> id =
        body.is_object() && data != body.end() ? json_string_member(*data, "id") : std::nullopt;
    if (!id || id->empty()) return PublishOutcome::transient("X did not say which account these keys are");
    user_id_ = *id;
    return PublishOutcome::sent({});
}

Result<std::optional<RemoteRef>> XPublisher::find_earlier_attempt(const OutgoingPost& post, TimeMs now,
                                                                  std::optional<PublishOutcome>& failed) {
    if (user_id_.empty()) {
        PublishOutcome checked = check(now);
        if (checked.kind != PublishOutcome::Kind::Sent) failed = checked;
        if (failed) return make_error(failed->error);
    }
    auto response = http_.perform(request(
        "GET", "/2/users/" + user_id_ + "/tweets?max_results=20&tweet.fields=created_at,referenced_tweets", now));
    if (!response) failed = transport_outcome(response.error());
    else if (response->status != 200) failed = failure(*response, now);
    if (failed) return make_error(failed->error);
    const json body = json::parse(response->body, nullptr, false);
    if (!body.is_object()) failed = PublishOutcome::transient("X listed the account's tweets unreadably");
    if (failed) return make_error(failed->error);
    auto data = body.find("data");  // absent when the account has no tweets
    if (data == body.end()) return std::optional<RemoteRef>();
    if (!data->is_array()) {
        failed = PublishOutcome::transient("X listed the account's tweets unreadably");
        return make_error(failed->error);
    }
    const std::string wanted = comparable(post.text);
    for (const json& tweet : *data) {
        const std::string id = json_string_member(tweet, "id").value_or("");
        if (id.empty() || replied_to(tweet) != post.parent.id) continue;
        if (comparable(json_string_member(tweet, "text").value_or("")) != wanted) continue;
        const std::optional<std::string> created = json_string_member(tweet, "created_at");
        const std::optional<TimeMs> at = created ? parse_iso8601(*created) : std::nullopt;
        if (at && *at < post.created_at - kClockSlackMs) continue;
        return std::optional<RemoteRef>(tweet_ref(id));
    }
    return std::optional<RemoteRef>();
}

PublishOutcome XPublisher::publish(const OutgoingPost& post, TimeMs now) {
    const std::size_t length = x_weighted_length(post.text);
    if (length > kXMaxWeightedLength) {
        return PublishOutcome::permanent("the post is " + std::to_string(length) + " characters as X counts them; X allows " +
                                         std::to_string(kXMaxWeightedLength));
    }
    std::optional<PublishOutcome> failed;
    if (post.attempt > 1 || post.outcome_unknown) {
        auto earlier = find_earlier_attempt(post, now, failed);
        if (!earlier) return *failed;
        if (*earlier) return PublishOutcome::sent(**earlier);
    }
    HttpRequest req = request("POST", "/2/tweets", now);
    req.headers.emplace_back("Content-Type", "application/json");
    json body = {{"text", post.text}};
    if (!post.parent.id.empty()) body["reply"] = {{"in_reply_to_tweet_id", post.parent.id}};
    req.body = body.dump();
    auto response = http_.perform(req);
    if (!response) return transport_outcome(response.error());
    if (response->status == 403 && x_error_text(response->body).find("duplicate") != std::string::npos) {
        auto earlier = find_earlier_attempt(post, now, failed);
        if (!earlier) return *failed;
        if (*earlier) return PublishOutcome::sent(**earlier);
        return PublishOutcome::permanent("X refuses the post as a duplicate of an earlier tweet that is not ours");
    }
    if (response->status != 201 && response->status != 200) return failure(*response, now);
    const json created = json::parse(response->body, nullptr, false);
    const auto data = created.is_object() ? created.find("data") : created.end();
    const std::optional<std::string> id =
        created.is_object() && data != created.end() ? json_string_member(*data, "id") : std::nullopt;
    if (!id || id->empty()) return PublishOutcome::transient("X answered without the tweet's id; looking before retrying");
    PublishOutcome outcome = PublishOutcome::sent(tweet_ref(*id));
    if (response->header("x-rate-limit-remaining") == "0")
        outcome.pause_until = parse_unix_seconds(response->header("x-rate-limit-reset"));
    return outcome;
}

PublishOutcome XPublisher::remove(const RemoteRef& remote, TimeMs now) {
    auto response = http_.perform(request("DELETE", "/2/tweets/" + remote.id, now));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200 || response->status == 404) return PublishOutcome::sent(remote);
    return failure(*response, now);
}

}  // namespace orlive
