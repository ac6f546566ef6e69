// FakePds: a small AT-Protocol-behaving server on 127.0.0.1 for tests (cpp-httplib): sessions
// (createSession with an app password, refreshSession, access tokens that can be made to
// expire: 400 ExpiredToken), app.bsky.feed.post records (createRecord refuses a key that
// exists; putRecord of an identical record keeps its cid; deleteRecord), facet and reply
// checks, listRecords/getRecord, followers' replies injected by a test and
// app.bsky.feed.getPostThread over them, and faults on the next writes, some after the record was
// written (an unknown outcome to the client). Stops when destroyed; thread-safe.
#pragma once

#include "peers/loopback_server.h"

#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace orlive::testing {

enum class PdsFault { Status500, Status429, ExpireTokens, ForgetSessions, TimeoutAfterWrite, ResetAfterWrite };

struct PdsRecord {
    std::string rkey;
    std::string uri;
    std::string cid;
    nlohmann::json value;
    bool deleted = false;
    int writes = 0;  // how many createRecord/putRecord calls wrote it
    std::string author_did = "did:plc:orlivetest123";  // a follower's reply has its own
    std::string author_handle = "or.test";
};

class FakePds : public LoopbackServer {
public:
    static constexpr const char* kDid = "did:plc:orlivetest123";

    FakePds(std::string identifier = "or.test", std::string app_password = "app-pass-1234", int port = 0);
    ~FakePds();
    FakePds(const FakePds&) = delete;
    FakePds& operator=(const FakePds&) = delete;

    using LoopbackServer::url;
    std::string url() const { return base_url(); }
    void push_fault(PdsFault fault);
    void expire_access_tokens();
    void set_stall_ms(int ms) { stall_ms_ = ms; }
    void set_latency_ms(int ms) { latency_ms_ = ms; }  // after writing, before answering

    // A follower's post replying to the record at `parent_uri` (the thread's root taken from
    // it), as if written in another repo. Returns its at:// uri.
    std::string inject_reply(const std::string& parent_uri, const std::string& handle, const std::string& text);
    int thread_requests() const;  // app.bsky.feed.getPostThread

    std::vector<PdsRecord> records() const;  // first-write order
    int sessions_created() const;
    int refreshes() const;

private:
    void handle_write(const httplib::Request& request, httplib::Response& response, bool put);
    // The DID the bearer token belongs to, or an error answer already set.
    bool authorized(const httplib::Request& request, httplib::Response& response);
    std::string issue_tokens(nlohmann::json& into);
    std::string check_record(const nlohmann::json& record) const;
    void handle_thread(const httplib::Request& request, httplib::Response& response);
    nlohmann::json thread_view(const PdsRecord& record, int depth) const;

    std::string identifier_;
    std::string app_password_;
    std::atomic<int> stall_ms_{1200};
    std::atomic<int> latency_ms_{0};

    mutable std::mutex mutex_;
    std::deque<PdsFault> faults_;
    std::set<std::string> access_tokens_;
    std::set<std::string> expired_tokens_;
    std::set<std::string> refresh_tokens_;
    std::vector<PdsRecord> records_;
    int token_counter_ = 0;
    int sessions_ = 0;
    int refreshes_ = 0;
    int thread_requests_ = 0;
};

}  // namespace orlive::testing
