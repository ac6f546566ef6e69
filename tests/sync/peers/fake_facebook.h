// FakeFacebook: a Graph API Page on 127.0.0.1 for tests (cpp-httplib), from Meta's Pages API
// documentation: POST /{version}/{page_id}/feed (message) makes a Page post
// {"id":"{page_id}_{n}"}, POST /{version}/{post_id}/comments a comment {"id":…}; GET of the
// feed and of a post's comments ({"data":[{id, message, created_time, from}]}, newest first or
// order=chronological); DELETE /{version}/{id} ({"success":true}; a missing object is
// error 100/33). Errors are {"error":{"message","type","code","error_subcode","fbtrace_id"}}:
// 190 for a bad or expired token, 4 with X-Business-Use-Case-Usage when rate limited, 506 for
// the same message posted twice in a row. Followers' comments come in through inject_reply (or
// POST /_peer/reply?on=ID&name=N&message=M): GET /{post}/comments?filter=stream lists every
// comment under the post, replies too, with from{id,name} and, asked for, parent{id}, paged by
// cursor (graph_paging.h). Comments nest one level, as on Facebook: a follower's reply to a
// reply lands on the top-level comment, and a POST on a reply is refused (error 100), so a
// client that does not post on the top-level comment is caught. Listing faults
// (push_listing_fault) apply to the comment listings. It stops when destroyed; inspection is
// thread-safe.
#pragma once

#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "peers/loopback_server.h"
#include "peers/platform_fault.h"

namespace orlive::testing {

struct FakeGraphObject {
    std::string id;
    std::string message;
    std::string parent_id;  // the post or top-level comment a comment is on; empty for a Page post
    std::string from_id;    // the Page, or a follower
    std::string from_name;
    long long created_at = 0;  // unix seconds
    bool deleted = false;
};

class FakeFacebook final : public LoopbackServer {
public:
    explicit FakeFacebook(std::string page_id = "1001", std::string token = "page-token", int port = 0);
    ~FakeFacebook();
    FakeFacebook(const FakeFacebook&) = delete;
    FakeFacebook& operator=(const FakeFacebook&) = delete;

    void push_fault(PlatformFault fault, int times = 1) { faults_.push(fault, times); }
    void set_fault_rate(double rate, unsigned seed) { faults_.set_random_rate(rate, seed); }
    // As when an admin revokes the app or the token expires: the old token now gets 190.
    void set_token(const std::string& token);
    // A follower's comment on `on_id` (a Page post or a comment); its id.
    std::string inject_reply(const std::string& on_id, const std::string& name, const std::string& message);
    void push_listing_fault(PlatformFault fault, int times = 1) { listing_faults_.push(fault, times); }
    int list_requests() const { return list_requests_; }

    std::vector<FakeGraphObject> objects() const;  // creation order, deleted ones included
    int create_requests() const { return create_requests_; }

private:
    void handle_create(const httplib::Request& request, httplib::Response& response, const std::string& parent);
    void handle_list(const httplib::Request& request, httplib::Response& response, const std::string& parent);
    void handle_delete(const httplib::Request& request, httplib::Response& response);
    bool authorized(const httplib::Request& request, httplib::Response& response) const;
    void rate_limited(httplib::Response& response) const;
    // Under the lock: the object, the Page post it belongs to, whether `id` is under `post`.
    const FakeGraphObject* find(const std::string& id) const;
    std::string post_of(const std::string& id) const;
    std::string add_comment(const std::string& on_id, const std::string& from_id, const std::string& from_name,
                            const std::string& message);

    std::string page_id_;
    std::string token_;
    FaultQueue faults_;
    FaultQueue listing_faults_;
    std::atomic<int> create_requests_{0};
    std::atomic<int> list_requests_{0};
    mutable std::mutex mutex_;
    std::vector<FakeGraphObject> objects_;
};

}  // namespace orlive::testing
