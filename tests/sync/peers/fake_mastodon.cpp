#include "peers/fake_mastodon.h"

#include <chrono>
#include <ctime>

#include <nlohmann/json.hpp>

#include "core/compose/text_length.h"

namespace orlive::testing {

using nlohmann::json;

namespace {

std::string iso_in_seconds(int seconds) {
    std::time_t t = std::time(nullptr) + seconds;
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", std::gmtime(&t));
    return text;
}

void json_error(httplib::Response& response, int status, const std::string& message) {
    response.status = status;
    response.set_content(json{{"error", message}}.dump(), "application/json");
}

}  // namespace

MastodonFault parse_mastodon_fault(const std::string& name, bool* ok) {
    static const std::map<std::string, MastodonFault> names = {
        {"500", MastodonFault::Status500},       {"503", MastodonFault::Status503},
        {"429", MastodonFault::Status429},       {"401", MastodonFault::Status401},
        {"422", MastodonFault::Status422},       {"timeout", MastodonFault::Timeout},
        {"reset", MastodonFault::Reset},         {"stall", MastodonFault::StallMidBody},
        {"garbage", MastodonFault::GarbageJson}};
    auto it = names.find(name);
    *ok = it != names.end();
    return *ok ? it->second : MastodonFault::Status500;
}

FakeMastodon::FakeMastodon(std::string token, int port) : token_(std::move(token)) {
    server().Post("/api/v1/statuses", [this](const httplib::Request& q, httplib::Response& r) { handle_post(q, r); });
    server().Delete(R"(/api/v1/statuses/(\d+))",
                   [this](const httplib::Request& q, httplib::Response& r) { handle_delete(q, r); });
    server().Get(R"(/api/v1/statuses/(\d+))", [this](const httplib::Request& q, httplib::Response& r) {
        if (!authorized(q, r)) return;
        std::lock_guard<std::mutex> lock(mutex_);
        for (const FakeStatus& s : statuses_) {
            if (s.id == q.matches[1] && !s.deleted) return r.set_content(status_json(s), "application/json");
        }
        json_error(r, 404, "Record not found");
    });
    server().Get(R"(/api/v1/statuses/(\d+)/context)",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_context(q, r); });
    server().Post("/_peer/reply", [this](const httplib::Request& q, httplib::Response& r) {
        if (!q.has_param("in_reply_to_id") || !q.has_param("acct")) return json_error(r, 400, "in_reply_to_id and acct");
        const std::string id = inject_reply(q.get_param_value("in_reply_to_id"), q.get_param_value("acct"),
                                            q.get_param_value("html"), q.has_param("visibility") ? q.get_param_value("visibility") : "public");
        r.set_content(json{{"id", id}}.dump(), "application/json");
    });
    server().Get(R"(/api/v1/accounts/1/statuses)", [this](const httplib::Request& q, httplib::Response& r) {
        if (!authorized(q, r)) return;
        const std::size_t limit = q.has_param("limit") ? std::stoul(q.get_param_value("limit")) : 20;
        std::lock_guard<std::mutex> lock(mutex_);
        std::string body = "[";
        std::size_t listed = 0;
        for (auto it = statuses_.rbegin(); it != statuses_.rend() && listed < limit; ++it) {
            if (it->deleted || it->account_id != "1") continue;  // only the account's own
            body += (listed++ ? "," : "") + status_json(*it);
        }
        r.set_content(body + "]", "application/json");
    });
    server().Get("/api/v1/accounts/verify_credentials", [this](const httplib::Request& q, httplib::Response& r) {
        if (!authorized(q, r)) return;
        r.set_content(R"({"id":"1","username":"orlive","acct":"orlive"})", "application/json");
    });
    server().Get("/api/v2/instance", [this](const httplib::Request&, httplib::Response& r) {
        json body = {{"domain", "127.0.0.1"},
                     {"configuration",
                      {{"statuses", {{"max_characters", max_characters_.load()}, {"characters_reserved_per_url", 23}}}}}};
        r.set_content(body.dump(), "application/json");
    });
    // For scripts: the peer's view, and faults on demand.
    server().Get("/_peer/stats", [this](const httplib::Request&, httplib::Response& r) {
        std::lock_guard<std::mutex> lock(mutex_);
        r.set_content(json{{"post_requests", post_requests_}, {"replays", replays_}, {"context_requests", context_requests_}}.dump(),
                      "application/json");
    });
    server().Get("/_peer/statuses", [this](const httplib::Request&, httplib::Response& r) {
        json all = json::array();
        for (const FakeStatus& s : statuses()) {
            all.push_back({{"id", s.id}, {"text", s.text}, {"in_reply_to_id", s.in_reply_to_id},
                           {"idempotency_key", s.idempotency_key}, {"deleted", s.deleted}, {"acct", s.acct}});
        }
        r.set_content(all.dump(), "application/json");
    });
    server().Post("/_peer/fault", [this](const httplib::Request& q, httplib::Response& r) {
        bool ok = false;
        MastodonFault fault = parse_mastodon_fault(q.get_param_value("kind"), &ok);
        if (!ok) return json_error(r, 400, "unknown fault");
        int times = q.has_param("times") ? std::stoi(q.get_param_value("times")) : 1;
        push_fault(fault, times);
        r.set_content("{}", "application/json");
    });
    start(port);
}

FakeMastodon::~FakeMastodon() { stop(); }  // before the members the handlers use go

void FakeMastodon::forget_idempotency_keys() {
    std::lock_guard<std::mutex> lock(mutex_);
    by_key_.clear();
}

void FakeMastodon::push_fault(MastodonFault fault, int times) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int i = 0; i < times; ++i) faults_.push_back(fault);
}

std::vector<FakeStatus> FakeMastodon::statuses() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return statuses_;
}

int FakeMastodon::post_requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return post_requests_;
}

int FakeMastodon::context_requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return context_requests_;
}

std::string FakeMastodon::inject_reply(const std::string& in_reply_to_id, const std::string& acct,
                                       const std::string& html, const std::string& visibility) {
    std::lock_guard<std::mutex> lock(mutex_);
    FakeStatus reply;
    reply.id = std::to_string(110000000 + statuses_.size() + 1);
    reply.in_reply_to_id = in_reply_to_id;
    reply.acct = acct;
    auto known = follower_ids_.find(acct);
    reply.account_id = known != follower_ids_.end() ? known->second : std::to_string(1000 + follower_ids_.size());
    follower_ids_[acct] = reply.account_id;
    reply.html = html;
    reply.visibility = visibility;
    statuses_.push_back(reply);
    return reply.id;
}

// Like Mastodon: ancestors root first; descendants depth first, each reply under its parent,
// siblings oldest first; deleted statuses left out.
void FakeMastodon::handle_context(const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    ++context_requests_;
    const std::string id = request.matches[1];
    const FakeStatus* self = nullptr;
    for (const FakeStatus& s : statuses_) self = s.id == id && !s.deleted ? &s : self;
    if (!self) return json_error(response, 404, "Record not found");
    json ancestors = json::array();
    for (std::string parent = self->in_reply_to_id; !parent.empty();) {
        const FakeStatus* found = nullptr;
        for (const FakeStatus& s : statuses_) found = s.id == parent && !s.deleted ? &s : found;
        if (!found) break;
        ancestors.insert(ancestors.begin(), json::parse(status_json(*found)));
        parent = found->in_reply_to_id;
    }
    json descendants = json::array();
    std::function<void(const std::string&)> walk = [&](const std::string& parent) {
        for (const FakeStatus& s : statuses_) {
            if (s.in_reply_to_id != parent || s.deleted) continue;
            descendants.push_back(json::parse(status_json(s)));
            walk(s.id);
        }
    };
    walk(id);
    response.set_content(json{{"ancestors", ancestors}, {"descendants", descendants}}.dump(), "application/json");
}

bool FakeMastodon::authorized(const httplib::Request& request, httplib::Response& response) const {
    if (request.get_header_value("Authorization") == "Bearer " + token_) return true;
    json_error(response, 401, "The access token is invalid");
    return false;
}

std::string FakeMastodon::status_json(const FakeStatus& status) const {
    // Like Mastodon: the text comes back as HTML, escaped, line breaks as <br />.
    std::string html;
    for (char c : status.text) {
        switch (c) {
            case '&': html += "&amp;"; break;
            case '<': html += "&lt;"; break;
            case '>': html += "&gt;"; break;
            case '"': html += "&quot;"; break;
            case '\n': html += "<br />"; break;
            default: html += c;
        }
    }
    json body = {{"id", status.id},
                 {"content", status.html.empty() ? "<p>" + html + "</p>" : status.html},
                 {"url", base_url() + "/@" + status.acct + "/" + status.id},
                 {"uri", base_url() + "/users/" + status.acct + "/statuses/" + status.id},
                 {"in_reply_to_id", status.in_reply_to_id.empty() ? json(nullptr) : json(status.in_reply_to_id)},
                 {"in_reply_to_account_id", json(nullptr)},
                 {"account", {{"id", status.account_id}, {"username", status.acct}, {"acct", status.acct},
                              {"display_name", status.acct}}},
                 {"visibility", status.visibility}};
    return body.dump();
}

void FakeMastodon::set_rate_headers(httplib::Response& response, int remaining) const {
    response.set_header("X-RateLimit-Limit", "300");
    response.set_header("X-RateLimit-Remaining", std::to_string(remaining));
    response.set_header("X-RateLimit-Reset", iso_in_seconds(1));
}

void FakeMastodon::set_while_answering(std::function<void()> action) {
    std::lock_guard<std::mutex> lock(mutex_);
    while_answering_ = std::move(action);
}

void FakeMastodon::run_while_answering() {
    std::function<void()> action;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        action = std::move(while_answering_);
        while_answering_ = nullptr;
    }
    if (action) action();
}

void FakeMastodon::handle_post(const httplib::Request& request, httplib::Response& response) {
    std::optional<MastodonFault> fault;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++post_requests_;
        if (!faults_.empty()) {
            fault = faults_.front();
            faults_.pop_front();
        }
    }
    if (fault == MastodonFault::Status401 || !authorized(request, response)) {
        return json_error(response, 401, "The access token is invalid");
    }
    if (fault == MastodonFault::Status503) {
        run_while_answering();
        return json_error(response, 503, "Service Unavailable");
    }
    if (fault == MastodonFault::Status500) return json_error(response, 500, "Internal server error");
    if (fault == MastodonFault::Status429) {
        set_rate_headers(response, 0);
        response.set_header("Retry-After", retry_after_);
        return json_error(response, 429, "Too many requests");
    }
    if (fault == MastodonFault::Status422) return json_error(response, 422, "Validation failed: Text can't be blank");

    std::string text, reply_to;
    if (request.get_header_value("Content-Type").find("json") != std::string::npos) {
        auto body = json::parse(request.body, nullptr, false);
        if (!body.is_object()) return json_error(response, 400, "Invalid JSON");
        text = body.value("status", "");
        if (body.contains("in_reply_to_id") && body["in_reply_to_id"].is_string()) reply_to = body["in_reply_to_id"];
    } else {
        text = request.get_param_value("status");
        reply_to = request.get_param_value("in_reply_to_id");
    }
    const std::string key = request.get_header_value("Idempotency-Key");

    FakeStatus created;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!key.empty()) {
            if (auto it = by_key_.find(key); it != by_key_.end()) {
                ++replays_;
                set_rate_headers(response, 299);
                return response.set_content(status_json(statuses_[it->second]), "application/json");
            }
            // Mastodon holds a lock per key while the first request runs.
            if (in_flight_.count(key)) return json_error(response, 503, "Another request is in progress");
        }
        if (text.empty()) return json_error(response, 422, "Validation failed: Text can't be blank");
        if (count_graphemes(text) > static_cast<std::size_t>(max_characters_.load())) {
            return json_error(response, 422, "Validation failed: Text character limit of " +
                                                 std::to_string(max_characters_.load()) + " exceeded");
        }
        if (!reply_to.empty()) {
            bool found = false;
            for (const FakeStatus& s : statuses_) found = found || (s.id == reply_to && !s.deleted);
            if (!found) return json_error(response, 404, "Record not found");
        }
        created.id = std::to_string(110000000 + statuses_.size() + 1);
        created.text = text;
        created.in_reply_to_id = reply_to;
        created.idempotency_key = key;
        statuses_.push_back(created);
        if (!key.empty()) {
            by_key_[key] = statuses_.size() - 1;
            in_flight_.insert(key);
        }
    }
    auto finish = [this, key] {
        std::lock_guard<std::mutex> lock(mutex_);
        in_flight_.erase(key);
    };
    if (latency_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_.load()));
    run_while_answering();
    const std::string body = status_json(created);
    set_rate_headers(response, 299);
    if (fault == MastodonFault::Timeout) {
        std::this_thread::sleep_for(std::chrono::milliseconds(stall_ms_.load()));
    } else if (fault == MastodonFault::Reset) {
        finish();
        // A provider that gives up at once: the connection closes with no body.
        response.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
        return;
    } else if (fault == MastodonFault::StallMidBody) {
        const int stall = stall_ms_.load();
        finish();
        response.set_content_provider(body.size(), "application/json",
                                      [body, stall](size_t offset, size_t, httplib::DataSink& sink) {
                                          if (offset > 0) return false;
                                          sink.write(body.data(), body.size() / 2);
                                          std::this_thread::sleep_for(std::chrono::milliseconds(stall));
                                          return false;
                                      });
        return;
    } else if (fault == MastodonFault::GarbageJson) {
        finish();
        return response.set_content("<html><body>502 Bad Gateway</body></html>", "text/html");
    }
    finish();
    response.set_content(body, "application/json");
}

void FakeMastodon::handle_delete(const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    for (FakeStatus& s : statuses_) {
        if (s.id == request.matches[1] && !s.deleted) {
            s.deleted = true;
            return response.set_content(status_json(s), "application/json");
        }
    }
    json_error(response, 404, "Record not found");
}

}  // namespace orlive::testing
