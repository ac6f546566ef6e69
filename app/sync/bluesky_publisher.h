// BlueskyPublisher: posts app.bsky.feed.post records to an AT Protocol PDS. Signs in once with
// the app password (com.atproto.server.createSession) and keeps the tokens in memory only;
// a call answered 400 ExpiredToken refreshes them (refreshSession) and is made again — it
// never signs in per post, because sign-ins are rate-limited. The record key (a TID) and
// createdAt come from the delivery row, so every retry writes the identical record: the first
// attempt uses createRecord, any later one putRecord at the same key (same key and record, no
// duplicate). Followers' replies come from app.bsky.feed.getPostThread (the PDS proxies it to
// the AppView). Threading: one thread, like its HttpClient.
#pragma once

#include <functional>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/platform_answers.h"
#include "sync/publisher.h"
#include "core/compose/length_limits.h"

namespace orlive {

class BlueskyPublisher final : public Publisher {
public:
    static constexpr std::size_t kMaxGraphemes = kBlueskyMaxGraphemes;
    static constexpr std::size_t kMaxBytes = 3000;

    BlueskyPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts = {});

    PublishOutcome check(TimeMs now) override;
    PublishOutcome publish(const OutgoingPost& post, TimeMs now) override;
    PublishOutcome remove(const RemoteRef& remote, TimeMs now) override;
    // GET app.bsky.feed.getPostThread of the thread's first post: every reply not by our DID.
    std::string replies_platform() const override { return "bluesky"; }
    RepliesOutcome fetch_replies(const RemoteRef& root, TimeMs now) override;
    static constexpr int kThreadDepth = 1000;  // the lexicon's maximum

    // The record a post becomes (text, createdAt, langs, facets, reply).
    static nlohmann::json record_for(const OutgoingPost& post);

private:
    using Session = BlueskySession;
    struct Call {
        std::optional<HttpResponse> response;  // set when the server answered
        std::optional<PublishOutcome> failed;  // set when it did not, or signing in failed
    };

    // Signs in when there is no session; an outcome when that failed.
    std::optional<PublishOutcome> ensure_session(TimeMs now);
    std::optional<PublishOutcome> refresh(TimeMs now);
    // POST /xrpc/NSID with the access token; refreshes once on 400 ExpiredToken.
    Call procedure(const std::string& nsid, const nlohmann::json& body, TimeMs now);
    // GET /xrpc/NSID?QUERY with the access token, refreshed the same way.
    Call query(const std::string& nsid, const std::string& query, TimeMs now);
    Call authorized_call(const std::function<HttpRequest(const Session&)>& make, TimeMs now);
    HttpRequest xrpc(const std::string& nsid, const std::string& body, const std::string& token) const;
    PublishOutcome failure(const HttpResponse& response, TimeMs now) const;

    std::string service_;
    std::string identifier_;
    std::string app_password_;
    HttpClient& http_;
    HttpTimeouts timeouts_;
    std::optional<Session> session_;
};

}  // namespace orlive
