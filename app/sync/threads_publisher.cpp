#include "sync/threads_publisher.h"

#include "sync/graph_answers.h"
#include "sync/graph_api.h"
#include "sync/graph_reply_pages.h"
#include "sync/percent_encoding.h"
#include "sync/retry_policy.h"
#include "core/compose/text_length.h"

namespace orlive {

namespace {

// A container still being processed: ask again soon (Threads suggests about once a minute).
constexpr TimeMs kInProgressRetryMs = 30 * 1000;

RemoteRef media_ref(const std::string& id) {
    RemoteRef ref;
    ref.id = id;
    return ref;
}

}  // namespace

ThreadsPublisher::ThreadsPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts)
    : graph_base_(account.graph_base),
      version_(account.api_version),
      user_id_(account.user_id),
      token_(account.access_token),
      http_(http),
      timeouts_(timeouts) {
    while (!graph_base_.empty() && graph_base_.back() == '/') graph_base_.pop_back();
}

HttpRequest ThreadsPublisher::request(const std::string& method, const std::string& path) const {
    HttpRequest request;
    request.method = method;
    request.url = graph_base_ + "/" + version_ + path;
    request.headers = {{"Authorization", "Bearer " + token_}, {"Accept", "application/json"}};
    request.connect_timeout_ms = timeouts_.connect_ms;
    request.total_timeout_ms = timeouts_.total_ms;
    return request;
}

HttpRequest ThreadsPublisher::form(const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& fields) const {
    HttpRequest req = request("POST", path);
    req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    req.body = form_encode(fields);
    return req;
}

PublishOutcome ThreadsPublisher::check(TimeMs now) {
    auto response = http_.perform(request("GET", "/me?fields=id,username"));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return graph_failure(*response, "Threads", now);
    username_ = parse_threads_username(response->body);
    return PublishOutcome::sent({});
}

Result<std::string> ThreadsPublisher::container_status(const std::string& container, TimeMs now,
                                                       std::optional<PublishOutcome>& failed) {
    auto response = http_.perform(request("GET", "/" + container + "?fields=status,id"));
    if (!response) failed = transport_outcome(response.error());
    else if (response->status != 200) {
        const std::optional<GraphError> error = parse_graph_error(response->body);
        if (response->status == 404 || (error && error->code == 100)) return std::string("GONE");
        failed = graph_failure(*response, "Threads", now);
    }
    if (failed) return make_error(failed->error);
    const std::optional<std::string> status = parse_graph_status(response->body);
    if (!status) failed = PublishOutcome::transient("Threads gave the container's status unreadably");
    if (failed) return make_error(failed->error);
    return *status;
}

Result<std::string> ThreadsPublisher::create_container(const OutgoingPost& post, TimeMs now,
                                                       std::optional<PublishOutcome>& failed) {
    std::vector<std::pair<std::string, std::string>> fields = {{"media_type", "TEXT"}, {"text", post.text}};
    if (!post.parent.id.empty()) fields.emplace_back("reply_to_id", post.parent.id);
    auto response = http_.perform(form("/" + user_id_ + "/threads", fields));
    if (!response) failed = transport_outcome(response.error());
    else if (response->status != 200) failed = graph_failure(*response, "Threads", now);
    if (failed) return make_error(failed->error);
    const std::optional<std::string> id = parse_graph_id(response->body);
    // An unanswered container is harmless: it is never published and expires in 24 hours.
    if (!id) failed = PublishOutcome::transient("Threads made a container but did not say its id");
    else if (!post.save_draft) failed = PublishOutcome::permanent("no place to keep the Threads container id");
    else if (auto kept = post.save_draft(*id); !kept)
        failed = PublishOutcome::transient("cannot keep the Threads container id: " + kept.error().message);
    if (failed) return make_error(failed->error);
    return *id;
}

PublishOutcome ThreadsPublisher::publish_container(const std::string& container, TimeMs now) {
    auto response = http_.perform(form("/" + user_id_ + "/threads_publish", {{"creation_id", container}}));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return graph_failure(*response, "Threads", now);
    const std::optional<std::string> id = parse_graph_id(response->body);
    // The container's status says on the retry whether it went out.
    if (!id) return PublishOutcome::transient("Threads answered the publish without the post's id");
    return PublishOutcome::sent(media_ref(*id));
}

PublishOutcome ThreadsPublisher::find_published(const OutgoingPost& post, TimeMs now) {
    const bool reply = !post.parent.id.empty();
    auto response = http_.perform(request(
        "GET", "/" + user_id_ + (reply ? "/replies?fields=id,text,replied_to&limit=50" : "/threads?fields=id,text&limit=50")));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return graph_failure(*response, "Threads", now);
    auto items = parse_graph_listing(response->body);
    if (!items) return PublishOutcome::transient("Threads listed the account's posts unreadably");
    for (const GraphItem& item : *items) {
        if (item.text != post.text || (reply && item.replied_to_id != post.parent.id)) continue;
        return PublishOutcome::sent(media_ref(item.id));
    }
    return PublishOutcome::transient("Threads says the post was published but does not list it yet");
}

PublishOutcome ThreadsPublisher::publish(const OutgoingPost& post, TimeMs now) {
    const std::size_t length = count_code_points(post.text);
    if (length > kThreadsMaxCharacters) {
        return PublishOutcome::permanent("the post is " + std::to_string(length) + " characters; Threads allows " +
                                         std::to_string(kThreadsMaxCharacters));
    }
    std::optional<PublishOutcome> failed;
    std::string container = post.draft_id;
    if (!container.empty()) {
        auto status = container_status(container, now, failed);
        if (!status) return *failed;
        if (*status == "PUBLISHED") return find_published(post, now);
        if (*status == "IN_PROGRESS") {
            PublishOutcome outcome = PublishOutcome::transient("Threads is still processing the post");
            outcome.retry_at = now + kInProgressRetryMs;
            return outcome;
        }
        if (*status != "FINISHED") container.clear();  // ERROR, EXPIRED, GONE: start again
    }
    if (container.empty()) {
        auto created = create_container(post, now, failed);
        if (!created) return *failed;
        container = *created;
    }
    return publish_container(container, now);
}

PublishOutcome ThreadsPublisher::remove(const RemoteRef& remote, TimeMs now) {
    auto response = http_.perform(request("DELETE", "/" + remote.id));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200 || response->status == 404) return PublishOutcome::sent(remote);
    const std::optional<GraphError> error = parse_graph_error(response->body);
    if (error && error->code == 100 && error->subcode == 33) return PublishOutcome::sent(remote);
    return graph_failure(*response, "Threads", now);
}

RepliesOutcome ThreadsPublisher::fetch_replies(const RemoteRef& root, TimeMs now) {
    if (!is_path_safe_id(root.id)) return {PublishOutcome::permanent("the thread's first post has no usable id"), {}};
    if (username_.empty()) {
        PublishOutcome checked = check(now);
        if (checked.kind != PublishOutcome::Kind::Sent) return {checked, {}};
    }
    GraphReplyListing listing;
    listing.platform = "Threads";
    // reverse=false: oldest first, like every other platform's questions.
    listing.path = "/" + root.id + "/conversation?fields=id,text,username,replied_to,is_reply_owned_by_me&reverse=false";
    listing.request = [this](const std::string& path) { return request("GET", path); };
    listing.read = [this](std::string_view body) { return parse_threads_conversation(body, username_); };
    return fetch_graph_replies(http_, listing, root, now);
}

}  // namespace orlive
