#include "sync/x_publisher.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "sync/graph_answers.h"
#include "sync/percent_encoding.h"
#include "sync/platform_answers.h"
#include "sync/platform_error.h"
#include "sync/x_answers.h"
#include "sync/x_replies.h"
#include "sync/retry_policy.h"
#include "core/compose/length_limits.h"
#include "core/compose/text_length.h"

namespace orlive {

using nlohmann::json;

namespace {

constexpr TimeMs kClockSlackMs = 10 * 60 * 1000;  // see FacebookPublisher
constexpr TimeMs kReauthorisationRecheckMs = 15 * 60 * 1000;

// X's search endpoints take 10 to 100 results a page.
constexpr int kSearchPageSize = 100;

// x-rate-limit-remaining 0 on a success: nothing more until x-rate-limit-reset.
std::optional<TimeMs> rate_limit_pause(const HttpResponse& response) {
    if (response.header("x-rate-limit-remaining") != "0") return std::nullopt;
    return parse_unix_seconds(response.header("x-rate-limit-reset"));
}

RemoteRef tweet_ref(const std::string& id) {
    RemoteRef ref;
    ref.id = id;
    ref.uri = "https://x.com/i/web/status/" + id;
    return ref;
}

}  // namespace

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
    const std::optional<std::string> id = parse_x_data_id(response->body);
    if (!id) return PublishOutcome::transient("X did not say which account these keys are");
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
    auto tweets = parse_x_tweets(response->body);
    if (!tweets) {
        failed = PublishOutcome::transient(tweets.error().message);
        return make_error(failed->error);
    }
    const std::string wanted = x_comparable_text(post.text);
    for (const XTweet& tweet : *tweets) {
        if (tweet.replied_to_id != post.parent.id || x_comparable_text(tweet.text) != wanted) continue;
        if (tweet.created && *tweet.created < post.created_at - kClockSlackMs) continue;
        return std::optional<RemoteRef>(tweet_ref(tweet.id));
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
    const std::optional<std::string> id = parse_x_data_id(response->body);
    if (!id) return PublishOutcome::transient("X answered without the tweet's id; looking before retrying");
    PublishOutcome outcome = PublishOutcome::sent(tweet_ref(*id));
    outcome.pause_until = rate_limit_pause(*response);
    return outcome;
}

PublishOutcome XPublisher::remove(const RemoteRef& remote, TimeMs now) {
    auto response = http_.perform(request("DELETE", "/2/tweets/" + remote.id, now));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200 || response->status == 404) return PublishOutcome::sent(remote);
    return failure(*response, now);
}

RepliesOutcome XPublisher::fetch_replies(const RemoteRef& root, TimeMs now) {
    if (!is_path_safe_id(root.id)) return {PublishOutcome::permanent("the thread's first tweet has no usable id"), {}};
    if (user_id_.empty()) {
        PublishOutcome checked = check(now);
        if (checked.kind != PublishOutcome::Kind::Sent) return {checked, {}};
    }
    // The query's parameters are in the URL, so OAuth signs them too (RFC 5849 3.4.1.3).
    std::string path = "/2/tweets/search/recent?query=" + percent_encode("conversation_id:" + root.id) +
                       "&tweet.fields=author_id,conversation_id,in_reply_to_user_id,referenced_tweets"
                       "&expansions=author_id&user.fields=username&max_results=" + std::to_string(kSearchPageSize);
    if (auto since = newest_reply_.find(root.id); since != newest_reply_.end()) path += "&since_id=" + since->second;
    RepliesOutcome outcome{PublishOutcome::sent(root), {}};
    std::string newest, next;
    for (int page = 0; page < kMaxReplyPages; ++page) {
        HttpRequest req = request("GET", next.empty() ? path : path + "&next_token=" + next, now);
        req.max_response_bytes = kMaxThreadResponseBytes;
        auto response = http_.perform(req);
        if (!response) return {transport_outcome(response.error()), {}};
        if (response->status != 200) return {failure(*response, now), {}};  // 429: wait for the reset
        auto listed = parse_x_conversation(response->body, user_id_);
        if (!listed) return {PublishOutcome::transient(listed.error().message), {}};
        if (newest.empty()) newest = listed->newest_id;  // the first page holds the newest
        for (FollowerReply& reply : listed->replies) {
            if (outcome.replies.size() < kMaxRepliesPerThread) outcome.replies.push_back(std::move(reply));
        }
        outcome.status.pause_until = rate_limit_pause(*response);
        next = listed->next_token;
        if (next.empty() || outcome.status.pause_until || outcome.replies.size() >= kMaxRepliesPerThread) break;
    }
    // Only a read that reached the last page moves since_id: the rest is read again next time.
    if (next.empty() && !newest.empty()) newest_reply_[root.id] = newest;
    std::reverse(outcome.replies.begin(), outcome.replies.end());  // oldest first, like the others
    return outcome;
}

}  // namespace orlive
