// FakeWebhook: an incoming-webhook receiver on 127.0.0.1 for tests. Records every POST (path,
// body, Idempotency-Key), answers like Slack ("ok"), Discord (?wait=true: {"id"}) or Teams (202),
// and can be told to fail the next requests. Stops when destroyed; thread-safe.
#pragma once

#include <httplib.h>

#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace orlive::testing {

struct WebhookHit {
    std::string path;
    std::string body;
    std::string idempotency_key;
};

enum class WebhookFault { Status500, Status429, Status404, Reset };

class FakeWebhook {
public:
    explicit FakeWebhook(int port = 0);
    ~FakeWebhook();
    FakeWebhook(const FakeWebhook&) = delete;
    FakeWebhook& operator=(const FakeWebhook&) = delete;

    int port() const { return port_; }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    void push_fault(WebhookFault fault);
    std::vector<WebhookHit> hits() const;

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::deque<WebhookFault> faults_;
    std::vector<WebhookHit> hits_;
};

}  // namespace orlive::testing
