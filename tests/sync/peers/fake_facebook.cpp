#include "peers/fake_facebook.h"

#include <ctime>

#include <nlohmann/json.hpp>

#include "peers/graph_paging.h"

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
    server().Post("/_peer/reply", [this](const httplib::Request& q, httplib::Response& r) {
        if (!q.has_param("on") || !q.has_param("name")) return graph_error(r, 400, 100, "on and name are required");
        const std::string id = inject_reply(q.get_param_value("on"), q.get_param_value("name"), q.get_param_value("message"));
        if (id.empty()) return graph_error(r, 400, 100, "Object does not exist", 33);
        r.set_content(json{{"id", id}}.dump(), "application/json");
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

const FakeGraphObject* FakeFacebook::find(const std::string& id) const {
    for (const FakeGraphObject& o : objects_) {
        if (o.id == id && !o.deleted) return &o;
    }
    return nullptr;
}

std::string FakeFacebook::post_of(const std::string& id) const {
    const FakeGraphObject* o = find(id);
    while (o && !o->parent_id.empty()) o = find(o->parent_id);
    return o ? o->id : "";
}

// Under the lock. On a Page post or a top-level comment only; "" when there is no such place.
std::string FakeFacebook::add_comment(const std::string& on_id, const std::string& from_id,
                                      const std::string& from_name, const std::string& message) {
    const FakeGraphObject* on = find(on_id);
    if (!on || (!on->parent_id.empty() && !find(on->parent_id)->parent_id.empty())) return "";
    FakeGraphObject created;
    created.id = post_of(on_id) + "_" + std::to_string(objects_.size() + 1);
    created.message = message;
    created.parent_id = on_id;
    created.from_id = from_id;
    created.from_name = from_name;
    created.created_at = static_cast<long long>(std::time(nullptr));
    objects_.push_back(created);
    return created.id;
}

std::string FakeFacebook::inject_reply(const std::string& on_id, const std::string& name, const std::string& message) {
    std::lock_guard<std::mutex> lock(mutex_);
    const FakeGraphObject* on = find(on_id);
    if (!on) return "";
    // Facebook's own page does this with a reply to a reply: it goes under the top-level comment.
    std::string target = on_id;
    if (!on->parent_id.empty() && !find(on->parent_id)->parent_id.empty()) target = on->parent_id;
    std::size_t follower = std::hash<std::string>{}(name) % 1000000;
    return add_comment(target, "5000" + std::to_string(follower), name, message);
}

void FakeFacebook::rate_limited(httplib::Response& response) const {
    response.set_header("X-Business-Use-Case-Usage",
                        json{{page_id_, {{{"type", "pages"}, {"call_count", 100}, {"total_cputime", 20},
                                          {"total_time", 30}, {"estimated_time_to_regain_access", 2}}}}}.dump());
    graph_error(response, 400, 4, "(#4) Application request limit reached");
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
    if (fault == PlatformFault::RateLimit) return rate_limited(response);
    const std::string message = field(request, "message");
    if (message.empty()) return graph_error(response, 400, 100, "(#100) The parameter message is required");
    std::string created;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const FakeGraphObject* latest_post = nullptr;
        for (const FakeGraphObject& o : objects_) {
            if (o.parent_id.empty() && !o.deleted) latest_post = &o;
        }
        // Facebook refuses a Page post identical to the one before it.
        if (parent.empty() && latest_post && latest_post->message == message)
            return graph_error(response, 400, 506, "(#506) Duplicate status message");
        if (parent.empty()) {
            created = page_id_ + "_" + std::to_string(objects_.size() + 1);
            objects_.push_back({created, message, "", page_id_, "Test Hospital", std::time(nullptr), false});
        } else if (!find(parent)) {
            return graph_error(response, 400, 100, "Unsupported post request. Object does not exist", 33);
        } else if (created = add_comment(parent, page_id_, "Test Hospital", message); created.empty()) {
            return graph_error(response, 400, 100, "(#100) Comments nest one level: reply to the top-level comment");
        }
    }
    if (fault == PlatformFault::DropAfter) return drop_connection(response);
    response.set_content(json{{"id", created}}.dump(), "application/json");
}

// A post's comments: top-level ones by default, every one under it with filter=stream; a
// comment's: its replies. Comments oldest first unless order=reverse_chronological; the feed
// newest first.
void FakeFacebook::handle_list(const httplib::Request& request, httplib::Response& response,
                               const std::string& parent) {
    ++list_requests_;
    if (!authorized(request, response)) return;
    if (!parent.empty() && listing_faults_.pop() == PlatformFault::RateLimit) return rate_limited(response);
    const bool chronological = parent.empty() ? false : request.get_param_value("order") != "reverse_chronological";
    const bool stream = request.get_param_value("filter") == "stream";
    const bool with_parent = request.get_param_value("fields").find("parent") != std::string::npos;
    std::vector<json> listed;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const FakeGraphObject& o : objects_) {
            if (o.deleted || o.parent_id.empty() != parent.empty()) continue;
            const bool reply = !o.parent_id.empty() && !find(o.parent_id)->parent_id.empty();
            if (o.parent_id != parent && !(stream && reply && find(o.parent_id)->parent_id == parent)) continue;
            json item = {{"id", o.id}, {"message", o.message}, {"created_time", graph_time(o.created_at)},
                         {"from", {{"id", o.from_id}, {"name", o.from_name}}}};
            if (with_parent && reply) item["parent"] = {{"id", o.parent_id}};
            listed.push_back(item);
        }
    }
    if (!chronological) listed.assign(listed.rbegin(), listed.rend());
    response.set_content(graph_page(listed, request).dump(), "application/json");
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
        // Deleting a post or comment takes its comments with it (a parent comes before its replies).
        for (FakeGraphObject& c : objects_) {
            for (const FakeGraphObject& p : objects_) c.deleted = c.deleted || (p.id == c.parent_id && p.deleted);
        }
        if (fault == PlatformFault::DropAfter) return drop_connection(response);
        return response.set_content(R"({"success":true})", "application/json");
    }
    graph_error(response, 400, 100, "Unsupported delete request. Object does not exist", 33);
}

}  // namespace orlive::testing
