// XPublisher: posts a case to X as one reply chain (API v2, POST /2/tweets with
// reply.in_reply_to_tweet_id), every request signed with OAuth 1.0a user context. X has no
// idempotency keys, so any retry first looks among the account's latest tweets
// (GET /2/users/{id}/tweets, the id from GET /2/users/me) for the same text replying to the
// same tweet, and posts only when it is not there; a 403 "duplicate content" is looked up the
// same way. 280 weighted characters. 429 waits for x-rate-limit-reset. Withdrawal deletes
// (DELETE /2/tweets/{id}). A refused token (401) puts the account into "needs re-authorisation".
// Followers' replies: GET /2/tweets/search/recent?query=conversation_id:{root} (every page, and
// from the second poll of a thread on only what is newer than the newest tweet seen, since_id);
// an answer is a tweet with reply.in_reply_to_tweet_id = the follower's tweet.
// Threading: one thread, like its HttpClient.
#pragma once

#include <map>
#include <optional>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/oauth1.h"
#include "sync/publisher.h"

namespace orlive {

class XPublisher final : public Publisher {
public:
    XPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts = {});

    PublishOutcome check(TimeMs now) override;
    PublishOutcome publish(const OutgoingPost& post, TimeMs now) override;
    PublishOutcome remove(const RemoteRef& remote, TimeMs now) override;
    std::string replies_platform() const override { return "x"; }
    RepliesOutcome fetch_replies(const RemoteRef& root, TimeMs now) override;

private:
    HttpRequest request(const std::string& method, const std::string& path, TimeMs now) const;
    PublishOutcome failure(const HttpResponse& response, TimeMs now) const;
    Result<std::optional<RemoteRef>> find_earlier_attempt(const OutgoingPost& post, TimeMs now,
                                                          std::optional<PublishOutcome>& failed);

    std::string api_base_;
    OAuth1Credentials keys_;
    HttpClient& http_;
    HttpTimeouts timeouts_;
    std::string user_id_;  // from GET /2/users/me
    // The newest tweet seen in each thread's conversation: the next search's since_id. Lost on a
    // restart, which only reads the thread whole again (questions are unique per tweet id).
    std::map<std::string, std::string> newest_reply_;
};

}  // namespace orlive
