// FakeThreads: the Threads API on 127.0.0.1 for tests (cpp-httplib), from Meta's Threads
// documentation: POST /{version}/{user_id}/threads (media_type=TEXT, text, reply_to_id) makes a
// container {"id"}; POST /{version}/{user_id}/threads_publish (creation_id) publishes it
// {"id": media id}, once (a second publish of the same container is error 100);
// GET /{version}/{container}?fields=status,id says FINISHED or PUBLISHED; GET
// /{version}/{user_id}/threads and /replies list the media (newest first, with replied_to);
// DELETE /{version}/{media_id} {"success":true}. More than 500 characters is error 100.
// Faults apply to the publish step. Stops when destroyed; inspection is thread-safe.
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
    bool deleted = false;
};

class FakeThreads final : public LoopbackServer {
public:
    explicit FakeThreads(std::string user_id = "17841400000", std::string token = "threads-token", int port = 0);
    ~FakeThreads();

    void push_fault(PlatformFault fault, int times = 1) { faults_.push(fault, times); }
    void set_fault_rate(double rate, unsigned seed) { faults_.set_random_rate(rate, seed); }
    std::vector<FakeThreadsPost> published() const;  // publish order, deleted ones included
    int containers() const;
    int publish_requests() const { return publish_requests_; }

private:
    void handle_container(const httplib::Request& request, httplib::Response& response);
    void handle_publish(const httplib::Request& request, httplib::Response& response);
    void handle_status(const httplib::Request& request, httplib::Response& response);
    void handle_list(const httplib::Request& request, httplib::Response& response, bool replies);
    void handle_delete(const httplib::Request& request, httplib::Response& response);
    bool authorized(const httplib::Request& request, httplib::Response& response) const;

    std::string user_id_;
    std::string token_;
    FaultQueue faults_;
    std::atomic<int> publish_requests_{0};
    mutable std::mutex mutex_;
    std::vector<FakeThreadsPost> posts_;  // every container, in creation order
    std::vector<std::size_t> published_;  // indexes into posts_, in publish order
};

}  // namespace orlive::testing
