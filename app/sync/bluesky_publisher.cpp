#include "sync/bluesky_publisher.h"

#include "sync/bluesky_facets.h"
#include "sync/platform_answers.h"
#include "sync/percent_encoding.h"
#include "sync/platform_error.h"
#include "sync/retry_policy.h"
#include "core/compose/text_length.h"

namespace orlive {

using nlohmann::json;

namespace {

constexpr const char* kCollection = "app.bsky.feed.post";

json strong_ref(const RemoteRef& ref) { return {{"uri", ref.uri}, {"cid", ref.cid}}; }

}  // namespace

BlueskyPublisher::BlueskyPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts)
    : service_(account.service),
      identifier_(account.identifier),
      app_password_(account.app_password),
      http_(http),
      timeouts_(timeouts) {
    while (!service_.empty() && service_.back() == '/') service_.pop_back();
}

json BlueskyPublisher::record_for(const OutgoingPost& post) {
    json record = {{"$type", kCollection},
                   {"text", post.text},
                   {"createdAt", post.record_created_at},
                   {"langs", json::array({"en"})}};
    json facets = hashtag_facets(post.text);
    if (!facets.empty()) record["facets"] = facets;
    if (!post.parent.uri.empty()) {
        const RemoteRef& root = post.root.uri.empty() ? post.parent : post.root;
        record["reply"] = {{"root", strong_ref(root)}, {"parent", strong_ref(post.parent)}};
    }
    return record;
}

HttpRequest BlueskyPublisher::xrpc(const std::string& nsid, const std::string& body, const std::string& token) const {
    HttpRequest request;
    request.method = "POST";
    request.url = service_ + "/xrpc/" + nsid;
    request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
    if (!token.empty()) request.headers.emplace_back("Authorization", "Bearer " + token);
    request.body = body;
    request.connect_timeout_ms = timeouts_.connect_ms;
    request.total_timeout_ms = timeouts_.total_ms;
    return request;
}

PublishOutcome BlueskyPublisher::failure(const HttpResponse& response, TimeMs now) const {
    return failure_outcome(response, "Bluesky", platform_error_text(response.body),
                           parse_unix_seconds(response.header("ratelimit-reset")), now);
}

std::optional<PublishOutcome> BlueskyPublisher::ensure_session(TimeMs now) {
    if (session_) return std::nullopt;
    json body = {{"identifier", identifier_}, {"password", app_password_}};
    auto response = http_.perform(xrpc("com.atproto.server.createSession", body.dump(), ""));
    if (!response) return transport_outcome(response.error());
    if (response->status != 200) return failure(*response, now);
    session_ = parse_bluesky_session(response->body);
    if (!session_) return PublishOutcome::transient("Bluesky answered createSession with an unreadable reply");
    return std::nullopt;
}

std::optional<PublishOutcome> BlueskyPublisher::refresh(TimeMs now) {
    auto response = http_.perform(xrpc("com.atproto.server.refreshSession", "", session_->refresh_jwt));
    if (!response) return transport_outcome(response.error());
    if (response->status == 200) {
        if (auto refreshed = parse_bluesky_refresh(response->body, *session_)) {
            session_ = std::move(refreshed);
            return std::nullopt;
        }
    }
    if (response->status == 400 || response->status == 401) {
        // The refresh token ran out too (they live for weeks): only now sign in again.
        session_.reset();
        return ensure_session(now);
    }
    return failure(*response, now);
}

BlueskyPublisher::Call BlueskyPublisher::procedure(const std::string& nsid, const json& body, TimeMs now) {
    return authorized_call(
        [&](const Session& session) {
            json payload = body;
            payload["repo"] = session.did;
            return xrpc(nsid, payload.dump(), session.access_jwt);
        },
        now);
}

BlueskyPublisher::Call BlueskyPublisher::query(const std::string& nsid, const std::string& params, TimeMs now) {
    return authorized_call(
        [&](const Session& session) {
            HttpRequest request = xrpc(nsid + "?" + params, "", session.access_jwt);
            request.method = "GET";
            request.headers.erase(request.headers.begin());  // no Content-Type without a body
            request.max_response_bytes = kMaxThreadResponseBytes;  // only getPostThread is a query
            return request;
        },
        now);
}

BlueskyPublisher::Call BlueskyPublisher::authorized_call(const std::function<HttpRequest(const Session&)>& make,
                                                         TimeMs now) {
    Call call;
    if (auto failed = ensure_session(now)) {
        call.failed = std::move(failed);
        return call;
    }
    for (int round = 0; round < 2; ++round) {
        auto response = http_.perform(make(*session_));
        if (!response) {
            call.failed = transport_outcome(response.error());
            return call;
        }
        if (round == 0 && response->status == 400 && parse_xrpc_error_name(response->body) == "ExpiredToken") {
            if (auto failed = refresh(now)) {
                call.failed = std::move(failed);
                return call;
            }
            continue;
        }
        if (round == 0 && response->status == 401) {
            // The server no longer knows this session (restarted with new keys, revoked): sign
            // in once more; a wrong app password then fails there, with its own words.
            session_.reset();
            if (auto failed = ensure_session(now)) {
                call.failed = std::move(failed);
                return call;
            }
            continue;
        }
        call.response = std::move(response.value());
        return call;
    }
    return call;
}

PublishOutcome BlueskyPublisher::check(TimeMs now) {
    if (auto failed = ensure_session(now)) return *failed;
    return PublishOutcome::sent({});
}

PublishOutcome BlueskyPublisher::publish(const OutgoingPost& post, TimeMs now) {
    const std::size_t graphemes = count_graphemes(post.text);
    if (graphemes > kMaxGraphemes || post.text.size() > kMaxBytes) {
        return PublishOutcome::permanent("the post is " + std::to_string(graphemes) + " characters (" +
                                         std::to_string(post.text.size()) + " bytes); Bluesky allows 300 (3000)");
    }
    // A later attempt may follow one that arrived: write the same record at the same key.
    const bool rewrite = post.attempt > 1 || post.outcome_unknown;
    json body = {{"collection", kCollection}, {"rkey", post.record_key}, {"record", record_for(post)}};
    Call call = procedure(rewrite ? "com.atproto.repo.putRecord" : "com.atproto.repo.createRecord", body, now);
    if (call.failed) return *call.failed;
    const HttpResponse& response = *call.response;
    if (response.status != 200) return failure(response, now);
    std::optional<RemoteRef> remote = parse_bluesky_record(response.body, post.record_key);
    if (!remote)
        return PublishOutcome::transient("Bluesky answered 200 with an unreadable reply; rewriting the same record");
    PublishOutcome outcome = PublishOutcome::sent(*remote);
    if (response.header("ratelimit-remaining") == "0")
        outcome.pause_until = parse_unix_seconds(response.header("ratelimit-reset"));
    return outcome;
}

PublishOutcome BlueskyPublisher::remove(const RemoteRef& remote, TimeMs now) {
    std::string rkey = remote.id;
    if (rkey.empty()) rkey = remote.uri.substr(remote.uri.rfind('/') + 1);
    Call call = procedure("com.atproto.repo.deleteRecord", {{"collection", kCollection}, {"rkey", rkey}}, now);
    if (call.failed) return *call.failed;
    // Deleting a record that is not there succeeds on a PDS; a 404 would mean the same.
    if (call.response->status == 200 || call.response->status == 404) return PublishOutcome::sent(remote);
    return failure(*call.response, now);
}

RepliesOutcome BlueskyPublisher::fetch_replies(const RemoteRef& root, TimeMs now) {
    if (root.uri.rfind("at://", 0) != 0) return {PublishOutcome::permanent("the thread's first post has no at:// uri"), {}};
    Call call = query("app.bsky.feed.getPostThread",
                      "uri=" + percent_encode(root.uri) + "&depth=" + std::to_string(kThreadDepth) + "&parentHeight=0",
                      now);
    if (call.failed) return {*call.failed, {}};
    const HttpResponse& response = *call.response;
    if (response.status == 400 && parse_xrpc_error_name(response.body) == "NotFound")
        return {PublishOutcome::permanent("the thread's first post is gone"), {}};
    if (response.status != 200) return {failure(response, now), {}};
    auto replies = parse_bluesky_thread(response.body, session_->did);
    if (!replies) return {PublishOutcome::transient(replies.error().message), {}};
    RepliesOutcome outcome;
    outcome.status = PublishOutcome::sent(root);
    if (response.header("ratelimit-remaining") == "0")
        outcome.status.pause_until = parse_unix_seconds(response.header("ratelimit-reset"));
    outcome.replies = std::move(replies.value());
    return outcome;
}

}  // namespace orlive
