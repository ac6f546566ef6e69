// FakeMastodon: a Mastodon-behaving HTTP server on 127.0.0.1 for tests (cpp-httplib). It
// checks the bearer token, keeps statuses with their reply links, honours Idempotency-Key the
// way Mastodon does (same key, same status; a concurrent duplicate gets 503) and can be told
// to fail the next POST /api/v1/statuses in every way a real instance fails. Some faults
// happen after the status was created, so the client sees an unknown outcome. A test (or a
// script, POST /_peer/reply) can add followers' replies; GET /api/v1/statuses/:id/context
// serves ancestors and descendants the way Mastodon does.
// It stops when destroyed. Test-side inspection methods are thread-safe.
#pragma once

#include "peers/loopback_server.h"

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace orlive::testing {

enum class MastodonFault {
    Status500,       // before creating: "Internal server error"
    Status503,       // before creating
    Status429,       // before creating, with Retry-After and X-RateLimit-* headers
    Status401,       // token rejected
    Status422,       // validation failed
    Timeout,         // created, then the answer comes too late
    Reset,           // created, then the connection closes without a body
    StallMidBody,    // created, half the body, then a stall and a close
    GarbageJson,     // created, then 200 with a body that is not JSON
};

struct FakeStatus {
    std::string id;
    std::string text;
    std::string in_reply_to_id;
    std::string idempotency_key;
    bool deleted = false;
    std::string account_id = "1";        // "1" is the token's own account (orlive)
    std::string acct = "orlive";
    std::string visibility = "public";
    std::string html;                    // a follower's content as given; empty: made from text
};

class FakeMastodon : public LoopbackServer {
public:
    explicit FakeMastodon(std::string token = "test-token", int port = 0);
    ~FakeMastodon();
    FakeMastodon(const FakeMastodon&) = delete;
    FakeMastodon& operator=(const FakeMastodon&) = delete;


    void push_fault(MastodonFault fault, int times = 1);
    void set_stall_ms(int ms) { stall_ms_ = ms; }
    void set_latency_ms(int ms) { latency_ms_ = ms; }     // after creating, before answering
    void set_retry_after(const std::string& value) { retry_after_ = value; }
    void set_max_characters(int n) { max_characters_ = n; }
    // Runs once, on the server thread, while the next POST is in flight (the status created,
    // or the 503 decided, but the answer not yet sent): the slow answer during which a test
    // does something to the database, with no timing involved.
    void set_while_answering(std::function<void()> action);
    // As Mastodon does after an hour: a key seen before no longer protects a retry.
    void forget_idempotency_keys();

    std::vector<FakeStatus> statuses() const;  // creation order, deleted ones included
    int post_requests() const;
    // A follower's reply (another account) to status `in_reply_to_id`, as if posted on the
    // instance; `html` is its content as Mastodon would serve it. Returns the new status id.
    std::string inject_reply(const std::string& in_reply_to_id, const std::string& acct, const std::string& html,
                             const std::string& visibility = "public");
    int context_requests() const;  // GET /api/v1/statuses/:id/context

private:
    void handle_post(const httplib::Request& request, httplib::Response& response);
    void handle_delete(const httplib::Request& request, httplib::Response& response);
    void handle_context(const httplib::Request& request, httplib::Response& response);
    bool authorized(const httplib::Request& request, httplib::Response& response) const;
    void run_while_answering();
    std::string status_json(const FakeStatus& status) const;
    void set_rate_headers(httplib::Response& response, int remaining) const;

    std::string token_;
    std::atomic<int> stall_ms_{1500};
    std::atomic<int> latency_ms_{0};
    std::atomic<int> max_characters_{500};
    std::string retry_after_ = "1";

    mutable std::mutex mutex_;
    std::deque<MastodonFault> faults_;
    std::vector<FakeStatus> statuses_;
    std::map<std::string, std::size_t> by_key_;   // Idempotency-Key -> index in statuses_
    std::set<std::string> in_flight_;
    int post_requests_ = 0;
    int context_requests_ = 0;
    std::map<std::string, std::string> follower_ids_;  // acct -> account id
    std::function<void()> while_answering_;
    int replays_ = 0;  // answered from an earlier request's Idempotency-Key
};

MastodonFault parse_mastodon_fault(const std::string& name, bool* ok);

}  // namespace orlive::testing
