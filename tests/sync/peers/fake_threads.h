// FakeThreads: the Threads API on 127.0.0.1 for tests (cpp-httplib), from Meta's Threads
// documentation: POST /{version}/{user_id}/threads (media_type=TEXT, text, reply_to_id) makes a
// container {"id"}; POST /{version}/{user_id}/threads_publish (creation_id) publishes it
// {"id": media id}, once (a second publish of the same container is error 100);
// GET /{version}/{container}?fields=status,id says FINISHED or PUBLISHED; GET
// /{version}/{user_id}/threads and /replies list the media (newest first, with replied_to);
// DELETE /{version}/{media_id} {"success":true}. More than 500 characters is error 100.
// Faults apply to the publish step. Followers' replies come in through inject_reply (or
// POST /_peer/reply?reply_to_id=ID&username=U&text=T); GET /{version}/{media_id}/conversation
// lists every reply under a root post, flattened (id, text, username, replied_to{id},
// root_post{id}, is_reply_owned_by_me as asked in fields), newest first unless reverse=false,
// cursor-paged (graph_paging.h); listing faults (push_listing_fault) apply to it. Stops when
// destroyed; inspection is thread-safe.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "peers/loopback_server.h"
#include "peers/platform_fault.h"

namespace orlive::testing {

struct FakeThreadsPost {
    std::string container_id;
    std::string media_id;  // empty until published
    std::string text;
    std::string reply_to;
    std::string root;      // the thread's first post (itself for a first post)
    std::string username;  // empty: ours
    bool deleted = false;
};

class FakeThreads final : public LoopbackServer {
public:
    explicit FakeThreads(std::string user_id = "17841400000", std::string token = "threads-token", int port = 0);
    ~FakeThreads();

    void push_fault(PlatformFault fault, int times = 1) { faults_.push(fault, times); }
    void set_fault_rate(double rate, unsigned seed) { faults_.set_random_rate(rate, seed); }
    std::vector<FakeThreadsPost> published() const;  // ours, publish order, deleted ones included
    // A follower's published reply to `reply_to_id`; its media id ("" when that is not there).
    std::string inject_reply(const std::string& reply_to_id, const std::string& username, const std::string& text);
    void push_listing_fault(PlatformFault fault, int times = 1) { listing_faults_.push(fault, times); }
    int conversation_requests() const { return conversation_requests_; }
    // estimated_time_to_regain_access of the next rate limits (minutes; 1 unless told).
    void set_regain_minutes(int minutes) { regain_minutes_ = minutes; }
    int containers() const;
    int publish_requests() const { return publish_requests_; }

private:
    void handle_container(const httplib::Request& request, httplib::Response& response);
    void handle_publish(const httplib::Request& request, httplib::Response& response);
    void handle_status(const httplib::Request& request, httplib::Response& response);
    void handle_list(const httplib::Request& request, httplib::Response& response, bool replies);
    void handle_delete(const httplib::Request& request, httplib::Response& response);
    void handle_conversation(const httplib::Request& request, httplib::Response& response);
    void rate_limited(httplib::Response& response) const;
    // Under the lock: the published, undeleted post with this media id.
    const FakeThreadsPost* media(const std::string& media_id) const;
    bool authorized(const httplib::Request& request, httplib::Response& response) const;

    std::string user_id_;
    std::string token_;
    FaultQueue faults_;
    FaultQueue listing_faults_;
    std::atomic<int> publish_requests_{0};
    std::atomic<int> conversation_requests_{0};
    std::atomic<int> regain_minutes_{1};
    mutable std::mutex mutex_;
    std::vector<FakeThreadsPost> posts_;  // every container, in creation order
    std::vector<std::size_t> published_;  // indexes into posts_, in publish order
};

}  // namespace orlive::testing
