// ScriptedPeer: a loopback HTTP server on 127.0.0.1 that answers each path with exactly what a
// test scripts (status, body, headers), for platform answers of the wrong shape or size: a
// `url: null`, a non-numeric `max_characters`, a non-string `accessJwt`, a 2 MiB body. Paths not
// scripted answer 404. Stops when destroyed; thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "peers/loopback_server.h"

namespace orlive::testing {

struct ScriptedAnswer {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

class ScriptedPeer : public LoopbackServer {
public:
    ScriptedPeer() {
        auto handler = [this](const httplib::Request& request, httplib::Response& response) {
            std::lock_guard<std::mutex> lock(mutex_);
            ++hits_[request.path];
            auto it = answers_.find(request.path);
            if (it == answers_.end()) {
                response.status = 404;
                response.set_content(R"({"error":"not scripted"})", "application/json");
                return;
            }
            response.status = it->second.status;
            for (const auto& [name, value] : it->second.headers) response.set_header(name, value);
            response.set_content(it->second.body, "application/json");
        };
        server().Get(".*", handler);
        server().Post(".*", handler);
        server().Delete(".*", handler);
        start();
    }
    ~ScriptedPeer() { stop(); }

    void answer(const std::string& path, int status, std::string body,
                std::vector<std::pair<std::string, std::string>> headers = {}) {
        std::lock_guard<std::mutex> lock(mutex_);
        answers_[path] = ScriptedAnswer{status, std::move(body), std::move(headers)};
    }
    int hits(const std::string& path) const {
        std::lock_guard<std::mutex> lock(mutex_);
        auto it = hits_.find(path);
        return it == hits_.end() ? 0 : it->second;
    }
private:
    mutable std::mutex mutex_;
    std::map<std::string, ScriptedAnswer> answers_;
    std::map<std::string, int> hits_;
};

}  // namespace orlive::testing
