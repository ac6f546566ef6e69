// ScriptedPeer: a loopback HTTP server on 127.0.0.1 that answers each path with exactly what a
// test scripts (status, body, headers), for platform answers of the wrong shape or size: a
// `url: null`, a non-numeric `max_characters`, a non-string `accessJwt`, a 2 MiB body. Paths not
// scripted answer 404. Stops when destroyed; thread-safe.
#pragma once

#include <httplib.h>

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace orlive::testing {

struct ScriptedAnswer {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
};

class ScriptedPeer {
public:
    ScriptedPeer() {
        server_.set_keep_alive_max_count(1);
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
        server_.Get(".*", handler);
        server_.Post(".*", handler);
        server_.Delete(".*", handler);
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~ScriptedPeer() {
        server_.stop();
        thread_.join();
    }
    ScriptedPeer(const ScriptedPeer&) = delete;
    ScriptedPeer& operator=(const ScriptedPeer&) = delete;

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
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
    mutable std::mutex mutex_;
    std::map<std::string, ScriptedAnswer> answers_;
    std::map<std::string, int> hits_;
};

}  // namespace orlive::testing
