// FakeX: the X API v2 on 127.0.0.1 for tests (cpp-httplib), from X's documentation: every
// request must carry a valid OAuth 1.0a HMAC-SHA1 signature for the test keys (else 401);
// POST /2/tweets {"text","reply":{"in_reply_to_tweet_id"}} answers 201 {"data":{"id","text"}};
// the same text as a recent tweet of the account is 403 "duplicate content";
// GET /2/users/me, GET /2/users/{id}/tweets (newest first, text with &, <, > escaped,
// referenced_tweets, created_at); DELETE /2/tweets/{id} {"data":{"deleted":true}}. Rate limits
// are 429 with x-rate-limit-limit/-remaining/-reset. Stops when destroyed; inspection is thread-safe.
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

    std::vector<FakeTweet> tweets() const;
    int create_requests() const { return create_requests_; }
    int bad_signatures() const { return bad_signatures_; }

private:
    void handle_create(const httplib::Request& request, httplib::Response& response);
    void handle_list(const httplib::Request& request, httplib::Response& response);
    void handle_delete(const httplib::Request& request, httplib::Response& response);
    bool signed_correctly(const httplib::Request& request, httplib::Response& response);

    OAuth1Credentials keys_;
    FaultQueue faults_;
    std::atomic<int> create_requests_{0};
    std::atomic<int> bad_signatures_{0};
    mutable std::mutex mutex_;
    std::vector<FakeTweet> tweets_;
};

}  // namespace orlive::testing
