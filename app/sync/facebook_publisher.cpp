#include "sync/facebook_publisher.h"

#include "sync/graph_answers.h"
#include "sync/graph_api.h"
#include "sync/graph_reply_pages.h"
#include "sync/percent_encoding.h"
#include "sync/retry_policy.h"
#include "core/compose/text_length.h"

namespace orlive {

namespace {

// An earlier attempt counts only if Facebook dated it after the post was written here, less
// this much for the device's clock being ahead (a repeated standalone text hours later is new).
constexpr TimeMs kClockSlackMs = 10 * 60 * 1000;
// How far back the look-up reads: the Page's latest posts, the root post's latest comments.
constexpr int kFeedLookback = 25;
constexpr int kCommentLookback = 100;

// What a post is a comment on: the thread's first post, or for an answer the follower's comment
// (the top-level one it replies to when it is a reply, which the replies reader keeps in cid).
// Empty for a Page post of its own.
std::string commented_on(const OutgoingPost& post) {
    if (post.answers_question) return post.parent.cid.empty() ? post.parent.id : post.parent.cid;
    return post.root.id;
}

}  // namespace

FacebookPublisher::FacebookPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts)
    : graph_base_(account.graph_base),
      version_(account.api_version),
      page_id_(account.page_id),
      token_(account.page_access_token),
      http_(http),
      timeouts_(timeouts) {
    while (!graph_base_.empty() && graph_base_.back() == '/') graph_base_.pop_back();
}

HttpRequest FacebookPublisher::request(const std::string& method, const std::string& path) const {
    HttpRequest request;
    request.method = method;
    request.url = graph_base_ + "/" + version_ + path;
    request.headers = {{"Authorization", "Bearer " + token_}, {"Accept", "application/json"}};
    request.connect_timeout_ms = timeouts_.connect_ms;
    request.total_timeout_ms = timeouts_.total_ms;
    return request;
}

RemoteRef FacebookPublisher::ref_for(const std::string& id) const {
    RemoteRef ref;
    ref.id = id;
    ref.uri = "https://www.facebook.com/" + id;
    return ref;
}

PublishOutcome FacebookPublisher::check(TimeMs now) {
    auto response = http_.perform(request("GET", "/" + page_id_ + "?fields=id,name"));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return graph_failure(*response, "Facebook", now);
    return PublishOutcome::sent({});
}

Result<std::optional<RemoteRef>> FacebookPublisher::find_earlier_attempt(const OutgoingPost& post, TimeMs now,
                                                                         std::optional<PublishOutcome>& failed) {
    const std::string on = commented_on(post);
    const bool comment = !on.empty();
    const std::string path =
        comment ? "/" + on + "/comments?fields=id,message,created_time,from&order=reverse_chronological" +
                      "&filter=stream&limit=" + std::to_string(kCommentLookback)
                : "/" + page_id_ + "/feed?fields=id,message,created_time&limit=" + std::to_string(kFeedLookback);
    auto response = http_.perform(request("GET", path));
    if (!response) failed = transport_outcome(response.error());
    else if (response->status != 200) failed = graph_failure(*response, "Facebook", now);
    if (failed) return make_error(failed->error);
    auto items = parse_graph_listing(response->body);
    if (!items) {
        failed = PublishOutcome::transient("Facebook listed the Page's posts unreadably");
        return make_error(failed->error);
    }
    // Newest first: anything older than the post this one follows cannot be this attempt. An
    // undated item goes by its text and place; "from" needs a Page token to read, and when read
    // a follower's comment with the same words is not our attempt.
    for (const GraphItem& item : *items) {
        if (comment && post.parent.id != on && item.id == post.parent.id) break;
        if (item.text != post.text) continue;
        if (item.created && *item.created < post.created_at - kClockSlackMs) continue;
        if (comment && item.has_from && item.from_id != page_id_) continue;
        return std::optional<RemoteRef>(ref_for(item.id));
    }
    return std::optional<RemoteRef>();
}

PublishOutcome FacebookPublisher::publish(const OutgoingPost& post, TimeMs now) {
    const std::string on = commented_on(post);
    // An answer never falls back to the feed: without the follower's comment it has no place.
    if (post.answers_question && !is_path_safe_id(on))
        return PublishOutcome::permanent("the follower's comment has no usable Facebook id");
    const bool comment = !on.empty();
    const std::size_t length = count_graphemes(post.text);
    const std::size_t limit = comment ? kFacebookCommentLimit : kFacebookPostLimit;
    if (length > limit) {
        return PublishOutcome::permanent("the post is " + std::to_string(length) + " characters; a Facebook " +
                                         (comment ? "comment" : "Page post") + " allows " + std::to_string(limit));
    }
    // No idempotency keys: any earlier attempt may have arrived (a 500 or a lost answer too).
    std::optional<PublishOutcome> failed;
    if (post.attempt > 1 || post.outcome_unknown) {
        auto earlier = find_earlier_attempt(post, now, failed);
        if (!earlier) return *failed;
        if (*earlier) return PublishOutcome::sent(**earlier);
    }
    HttpRequest req = request("POST", comment ? "/" + on + "/comments" : "/" + page_id_ + "/feed");
    req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    req.body = form_encode({{"message", post.text}});
    auto response = http_.perform(req);
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) {
        const std::optional<GraphError> error = parse_graph_error(response->body);
        if (!error || error->code != kGraphDuplicatePost) return graph_failure(*response, "Facebook", now);
        auto earlier = find_earlier_attempt(post, now, failed);
        if (!earlier) return *failed;
        if (*earlier) return PublishOutcome::sent(**earlier);
        return PublishOutcome::transient("Facebook called the post a duplicate but it is not on the Page yet");
    }
    const std::optional<std::string> id = parse_graph_id(response->body);
    // It probably arrived; the retry looks for it before posting again.
    if (!id) return PublishOutcome::transient("Facebook answered 200 without the post's id");
    PublishOutcome outcome = PublishOutcome::sent(ref_for(*id));
    outcome.pause_until = graph_regain_access_at(*response, now);
    return outcome;
}

PublishOutcome FacebookPublisher::remove(const RemoteRef& remote, TimeMs now) {
    auto response = http_.perform(request("DELETE", "/" + remote.id));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200 || response->status == 404) return PublishOutcome::sent(remote);
    const std::optional<GraphError> error = parse_graph_error(response->body);
    // 100/33: "the object does not exist" (gone already, e.g. a comment whose post was deleted).
    if (error && error->code == 100 && error->subcode == 33) return PublishOutcome::sent(remote);
    return graph_failure(*response, "Facebook", now);
}

RepliesOutcome FacebookPublisher::fetch_replies(const RemoteRef& root, TimeMs now) {
    if (!is_path_safe_id(root.id)) return {PublishOutcome::permanent("the thread's first post has no usable id"), {}};
    GraphReplyListing listing;
    listing.platform = "Facebook";
    // filter=stream: replies to comments too (with parent), oldest first.
    listing.path = "/" + root.id + "/comments?fields=id,message,from,parent%7Bid%7D&filter=stream&limit=100";
    listing.request = [this](const std::string& path) { return request("GET", path); };
    listing.read = [this, &root](std::string_view body) { return parse_facebook_comments(body, page_id_, root.id); };
    return fetch_graph_replies(http_, listing, root, now);
}

}  // namespace orlive
