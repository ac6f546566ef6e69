#include "peers/fake_webhook.h"

#include <chrono>
#include <optional>

#include <nlohmann/json.hpp>

namespace orlive::testing {

FakeWebhook::FakeWebhook(int port) {
    server().Post(R"(/hook/(\w+))", [this](const httplib::Request& request, httplib::Response& response) {
        std::optional<WebhookFault> fault;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!faults_.empty()) {
                fault = faults_.front();
                faults_.pop_front();
            }
        }
        if (fault == WebhookFault::Status500) {
            response.status = 500;
            return response.set_content("internal_error", "text/plain");
        }
        if (fault == WebhookFault::Status429) {
            response.status = 429;
            response.set_header("Retry-After", "1.5");
            return response.set_content(R"({"message":"You are being rate limited.","retry_after":1.5})",
                                        "application/json");
        }
        if (fault == WebhookFault::Status404) {
            response.status = 404;
            return response.set_content("no_service", "text/plain");
        }
        std::size_t index = 0;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            hits_.push_back({request.path, request.body, request.get_header_value("Idempotency-Key")});
            index = hits_.size();
        }
        if (fault == WebhookFault::Reset) {
            // Received, then the connection drops: the sender cannot know it arrived.
            response.set_chunked_content_provider("text/plain", [](size_t, httplib::DataSink&) { return false; });
            return;
        }
        const std::string flavour = request.matches[1];
        if (flavour == "discord" && request.get_param_value("wait") == "true") {
            return response.set_content(nlohmann::json{{"id", std::to_string(900000 + index)}}.dump(),
                                        "application/json");
        }
        if (flavour == "teams") {
            response.status = 202;
            return;
        }
        response.set_content("ok", "text/plain");
    });
    server().Get("/_peer/requests", [this](const httplib::Request&, httplib::Response& response) {
        nlohmann::json all = nlohmann::json::array();
        for (const WebhookHit& hit : hits()) {
            all.push_back({{"path", hit.path}, {"body", hit.body}, {"idempotency_key", hit.idempotency_key}});
        }
        response.set_content(all.dump(), "application/json");
    });
    start(port);
}

FakeWebhook::~FakeWebhook() { stop(); }  // before the members the handlers use go

void FakeWebhook::push_fault(WebhookFault fault) {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_.push_back(fault);
}

std::vector<WebhookHit> FakeWebhook::hits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return hits_;
}

}  // namespace orlive::testing
