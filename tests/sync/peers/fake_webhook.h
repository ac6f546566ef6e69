// FakeWebhook: an incoming-webhook receiver on 127.0.0.1 for tests. Records every POST (path,
// body, Idempotency-Key), answers like Slack ("ok"), Discord (?wait=true: {"id"}) or Teams (202),
// and can be told to fail the next requests. Stops when destroyed; thread-safe.
#pragma once

#include "peers/loopback_server.h"

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

class FakeWebhook : public LoopbackServer {
public:
    explicit FakeWebhook(int port = 0);
    ~FakeWebhook();
    FakeWebhook(const FakeWebhook&) = delete;
    FakeWebhook& operator=(const FakeWebhook&) = delete;

    void push_fault(WebhookFault fault);
    std::vector<WebhookHit> hits() const;

private:
    mutable std::mutex mutex_;
    std::deque<WebhookFault> faults_;
    std::vector<WebhookHit> hits_;
};

}  // namespace orlive::testing
