// FakeX: the X API v2 on 127.0.0.1 for tests (cpp-httplib), from X's documentation: every
// request must carry a valid OAuth 1.0a HMAC-SHA1 signature for the test keys (else 401);
// POST /2/tweets {"text","reply":{"in_reply_to_tweet_id"}} answers 201 {"data":{"id","text"}};
// the same text as a recent tweet of the account is 403 "duplicate content";
// GET /2/users/me, GET /2/users/{id}/tweets (newest first, text with &, <, > escaped,
// referenced_tweets, created_at); DELETE /2/tweets/{id} {"data":{"deleted":true}}. Rate limits
// are 429 with x-rate-limit-limit/-remaining/-reset. Followers' replies come in through
// inject_reply (or POST /_peer/reply?in_reply_to=ID&username=U&text=T); GET
// /2/tweets/search/recent?query=conversation_id:ID lists a conversation newest first with
// since_id, max_results (10 to 100) and next_token paging, the tweet.fields asked for, and
// includes.users with expansions=author_id; listing faults (push_listing_fault) apply to it.
// Stops when destroyed; inspection is thread-safe.
#pragma once

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "peers/loopback_server.h"
#include "peers/platform_fault.h"
#include "sync/oauth1.h"

namespace orlive::testing {

struct FakeTweet {
    std::string id;
    std::string text;
    std::string in_reply_to;
    std::string conversation_id;  // the first tweet of the chain
    std::string username;         // empty: ours
    bool deleted = false;
};

class FakeX final : public LoopbackServer {
public:
    explicit FakeX(OAuth1Credentials keys = test_keys(), int port = 0);
    ~FakeX();
    FakeX(const FakeX&) = delete;
    FakeX& operator=(const FakeX&) = delete;

    static OAuth1Credentials test_keys() { return {"consumer-key", "consumer-secret", "user-token", "user-secret"}; }
    void push_fault(PlatformFault fault, int times = 1) { faults_.push(fault, times); }
    void set_fault_rate(double rate, unsigned seed) { faults_.set_random_rate(rate, seed); }

    std::vector<FakeTweet> tweets() const;  // everyone's, creation order
    // A follower's reply to `in_reply_to`; its id ("" when that tweet is not there).
    std::string inject_reply(const std::string& in_reply_to, const std::string& username, const std::string& text);
    void push_listing_fault(PlatformFault fault, int times = 1) { listing_faults_.push(fault, times); }
    int search_requests() const { return search_requests_; }
    // x-rate-limit-reset of the next rate limits (unix seconds); 0: a minute from the real time.
    void set_rate_limit_reset(long long unix_seconds) { reset_at_ = unix_seconds; }
    int create_requests() const { return create_requests_; }
    int bad_signatures() const { return bad_signatures_; }

private:
    void handle_create(const httplib::Request& request, httplib::Response& response);
    void handle_list(const httplib::Request& request, httplib::Response& response);
    void handle_delete(const httplib::Request& request, httplib::Response& response);
    void handle_search(const httplib::Request& request, httplib::Response& response);
    // Under the lock: appends a tweet replying to `in_reply_to` (or starting a chain) and gives its id.
    std::string add_tweet(FakeTweet tweet);
    bool signed_correctly(const httplib::Request& request, httplib::Response& response);
    void rate_limited(httplib::Response& response) const;

    OAuth1Credentials keys_;
    FaultQueue faults_;
    FaultQueue listing_faults_;
    std::atomic<int> create_requests_{0};
    std::atomic<int> search_requests_{0};
    std::atomic<long long> reset_at_{0};
    std::atomic<int> bad_signatures_{0};
    mutable std::mutex mutex_;
    std::vector<FakeTweet> tweets_;
};

}  // namespace orlive::testing
