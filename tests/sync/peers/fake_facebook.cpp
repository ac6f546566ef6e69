#include "peers/fake_facebook.h"

#include <ctime>

#include <nlohmann/json.hpp>

namespace orlive::testing {

using nlohmann::json;

namespace {

void graph_error(httplib::Response& response, int status, long code, const std::string& message, long subcode = 0) {
    response.status = status;
    json error = {{"message", message}, {"type", "OAuthException"}, {"code", code}, {"fbtrace_id", "AbCdEf"}};
    if (subcode) error["error_subcode"] = subcode;
    response.set_content(json{{"error", error}}.dump(), "application/json");
}

std::string graph_time(long long unix_seconds) {
    const std::time_t t = static_cast<std::time_t>(unix_seconds);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S+0000", std::gmtime(&t));
    return text;
}

// Graph takes a form body, a JSON body or query parameters alike.
std::string field(const httplib::Request& request, const std::string& name) {
    if (request.has_param(name)) return request.get_param_value(name);
    const json body = json::parse(request.body, nullptr, false);
    if (body.is_object() && body.contains(name) && body[name].is_string()) return body[name];
    return "";
}

}  // namespace

FakeFacebook::FakeFacebook(std::string page_id, std::string token, int port)
    : page_id_(std::move(page_id)), token_(std::move(token)) {
    const std::string version = R"(/v[0-9.]+/)";
    server().Get(version + page_id_, [this](const httplib::Request& q, httplib::Response& r) {
        if (!authorized(q, r)) return;
        r.set_content(json{{"id", page_id_}, {"name", "Test Hospital"}}.dump(), "application/json");
    });
    server().Post(version + page_id_ + "/feed",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_create(q, r, ""); });
    server().Get(version + page_id_ + "/feed",
                [this](const httplib::Request& q, httplib::Response& r) { handle_list(q, r, ""); });
    server().Post(version + R"(([0-9_]+)/comments)", [this](const httplib::Request& q, httplib::Response& r) {
        handle_create(q, r, q.matches[1]);
    });
    server().Get(version + R"(([0-9_]+)/comments)",
                [this](const httplib::Request& q, httplib::Response& r) { handle_list(q, r, q.matches[1]); });
    server().Delete(version + R"(([0-9_]+))",
                   [this](const httplib::Request& q, httplib::Response& r) { handle_delete(q, r); });
    server().Get("/_peer/objects", [this](const httplib::Request&, httplib::Response& r) {
        json all = json::array();
        for (const FakeGraphObject& o : objects()) {
            all.push_back({{"id", o.id}, {"text", o.message}, {"parent_id", o.parent_id}, {"deleted", o.deleted}});
        }
        r.set_content(all.dump(), "application/json");
    });
    serve_fault_endpoint(server(), faults_);
    start(port);
}

FakeFacebook::~FakeFacebook() { stop(); }

void FakeFacebook::set_token(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    token_ = token;
}

std::vector<FakeGraphObject> FakeFacebook::objects() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return objects_;
}

bool FakeFacebook::authorized(const httplib::Request& request, httplib::Response& response) const {
    std::string token;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        token = token_;
    }
    const std::string header = request.get_header_value("Authorization");
    if (header == "Bearer " + token || header == "OAuth " + token || request.get_param_value("access_token") == token)
        return true;
    graph_error(response, 400, 190, "Error validating access token: The session has been invalidated", 460);
    return false;
}

void FakeFacebook::handle_create(const httplib::Request& request, httplib::Response& response,
                                 const std::string& parent) {
    ++create_requests_;
    const std::optional<PlatformFault> fault = faults_.pop();
    if (fault == PlatformFault::DropBefore) return drop_connection(response);
    if (fault == PlatformFault::TokenExpired)
        return graph_error(response, 400, 190, "Error validating access token: Session has expired", 463);
    if (!authorized(request, response)) return;
    if (fault == PlatformFault::Status500) return graph_error(response, 500, 1, "An unknown error has occurred.");
    if (fault == PlatformFault::Status503) return graph_error(response, 503, 2, "Service temporarily unavailable");
    if (fault == PlatformFault::RateLimit) {
        response.set_header("X-Business-Use-Case-Usage",
                            json{{page_id_, {{{"type", "pages"}, {"call_count", 100}, {"total_cputime", 20},
                                              {"total_time", 30}, {"estimated_time_to_regain_access", 2}}}}}.dump());
        return graph_error(response, 400, 4, "(#4) Application request limit reached");
    }
    const std::string message = field(request, "message");
    if (message.empty()) return graph_error(response, 400, 100, "(#100) The parameter message is required");
    FakeGraphObject created;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        bool parent_found = parent.empty();
        const FakeGraphObject* latest_post = nullptr;
        for (const FakeGraphObject& o : objects_) {
            parent_found = parent_found || (o.id == parent && o.parent_id.empty() && !o.deleted);
            if (o.parent_id.empty() && !o.deleted) latest_post = &o;
        }
        if (!parent_found) return graph_error(response, 400, 100, "Unsupported post request. Object does not exist", 33);
        // Facebook refuses a Page post identical to the one before it.
        if (parent.empty() && latest_post && latest_post->message == message)
            return graph_error(response, 400, 506, "(#506) Duplicate status message");
        const std::string n = std::to_string(objects_.size() + 1);
        created.id = parent.empty() ? page_id_ + "_" + n : parent + "_" + n;
        created.message = message;
        created.parent_id = parent;
        created.created_at = static_cast<long long>(std::time(nullptr));
        objects_.push_back(created);
    }
    if (fault == PlatformFault::DropAfter) return drop_connection(response);
    response.set_content(json{{"id", created.id}}.dump(), "application/json");
}

void FakeFacebook::handle_list(const httplib::Request& request, httplib::Response& response,
                               const std::string& parent) {
    if (!authorized(request, response)) return;
    std::size_t limit = 25;
    try {
        if (request.has_param("limit")) limit = std::stoul(request.get_param_value("limit"));
    } catch (const std::exception&) {
    }
    const bool chronological = parent.empty() ? false : request.get_param_value("order") != "reverse_chronological";
    std::vector<FakeGraphObject> listed;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const FakeGraphObject& o : objects_) {
            if (o.parent_id == parent && !o.deleted) listed.push_back(o);
        }
    }
    if (!chronological) listed.assign(listed.rbegin(), listed.rend());
    if (listed.size() > limit) listed.resize(limit);
    json data = json::array();
    for (const FakeGraphObject& o : listed) {
        data.push_back({{"id", o.id}, {"message", o.message}, {"created_time", graph_time(o.created_at)},
                        {"from", {{"id", page_id_}, {"name", "Test Hospital"}}}});
    }
    response.set_content(json{{"data", data}, {"paging", json::object()}}.dump(), "application/json");
}

void FakeFacebook::handle_delete(const httplib::Request& request, httplib::Response& response) {
    const std::optional<PlatformFault> fault = faults_.pop();
    if (fault == PlatformFault::DropBefore) return drop_connection(response);
    if (!authorized(request, response)) return;
    if (fault == PlatformFault::Status500) return graph_error(response, 500, 1, "An unknown error has occurred.");
    if (fault == PlatformFault::Status503) return graph_error(response, 503, 2, "Service temporarily unavailable");
    std::lock_guard<std::mutex> lock(mutex_);
    for (FakeGraphObject& o : objects_) {
        if (o.id != request.matches[1] || o.deleted) continue;
        o.deleted = true;
        // Deleting a Page post takes its comments with it.
        for (FakeGraphObject& c : objects_) c.deleted = c.deleted || c.parent_id == o.id;
        if (fault == PlatformFault::DropAfter) return drop_connection(response);
        return response.set_content(R"({"success":true})", "application/json");
    }
    graph_error(response, 400, 100, "Unsupported delete request. Object does not exist", 33);
}

}  // namespace orlive::testing
