#include "peers/fake_threads.h"

#include <nlohmann/json.hpp>

#include "peers/graph_paging.h"

namespace orlive::testing {

using nlohmann::json;

namespace {

void graph_error(httplib::Response& response, int status, long code, const std::string& message, long subcode = 0) {
    response.status = status;
    json error = {{"message", message}, {"type", "OAuthException"}, {"code", code}, {"fbtrace_id", "ThReAdS"}};
    if (subcode) error["error_subcode"] = subcode;
    response.set_content(json{{"error", error}}.dump(), "application/json");
}

std::size_t code_points(const std::string& text) {
    std::size_t n = 0;
    for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

}  // namespace

FakeThreads::FakeThreads(std::string user_id, std::string token, int port)
    : user_id_(std::move(user_id)), token_(std::move(token)) {
    const std::string version = R"(/v[0-9.]+/)";
    server().Get(version + "me", [this](const httplib::Request& q, httplib::Response& r) {
        if (!authorized(q, r)) return;
        r.set_content(json{{"id", user_id_}, {"username", "testhospital"}}.dump(), "application/json");
    });
    server().Post(version + user_id_ + "/threads",
                  [this](const httplib::Request& q, httplib::Response& r) { handle_container(q, r); });
    server().Post(version + user_id_ + "/threads_publish",
                  [this](const httplib::Request& q, httplib::Response& r) { handle_publish(q, r); });
    server().Get(version + user_id_ + "/threads",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_list(q, r, false); });
    server().Get(version + user_id_ + "/replies",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_list(q, r, true); });
    server().Get(version + R"((\d+)/conversation)",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_conversation(q, r); });
    server().Post("/_peer/reply", [this](const httplib::Request& q, httplib::Response& r) {
        const std::string id =
            inject_reply(q.get_param_value("reply_to_id"), q.get_param_value("username"), q.get_param_value("text"));
        if (id.empty()) return graph_error(r, 400, 100, "The requested resource does not exist", 33);
        r.set_content(json{{"id", id}}.dump(), "application/json");
    });
    server().Get(version + R"((\d+))", [this](const httplib::Request& q, httplib::Response& r) { handle_status(q, r); });
    server().Delete(version + R"((\d+))", [this](const httplib::Request& q, httplib::Response& r) { handle_delete(q, r); });
    server().Get("/_peer/published", [this](const httplib::Request&, httplib::Response& r) {
        json all = json::array();
        for (const FakeThreadsPost& p : published()) {
            all.push_back({{"id", p.media_id}, {"text", p.text}, {"reply_to", p.reply_to}, {"deleted", p.deleted}});
        }
        r.set_content(all.dump(), "application/json");
    });
    serve_fault_endpoint(server(), faults_);
    start(port);
}

FakeThreads::~FakeThreads() { stop(); }

std::vector<FakeThreadsPost> FakeThreads::published() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<FakeThreadsPost> out;
    for (std::size_t i : published_) {
        if (posts_[i].username.empty()) out.push_back(posts_[i]);
    }
    return out;
}

int FakeThreads::containers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(posts_.size());
}

const FakeThreadsPost* FakeThreads::media(const std::string& media_id) const {
    for (const FakeThreadsPost& p : posts_) {
        if (!media_id.empty() && p.media_id == media_id && !p.deleted) return &p;
    }
    return nullptr;
}

std::string FakeThreads::inject_reply(const std::string& reply_to_id, const std::string& username,
                                      const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    const FakeThreadsPost* parent = media(reply_to_id);
    if (!parent || username.empty()) return "";
    FakeThreadsPost post;
    post.container_id = std::to_string(17889615691921648LL + static_cast<long long>(posts_.size()));
    post.media_id = std::to_string(18000000000000000LL + static_cast<long long>(published_.size()));
    post.text = text;
    post.reply_to = reply_to_id;
    post.root = parent->root;
    post.username = username;
    published_.push_back(posts_.size());
    posts_.push_back(post);
    return post.media_id;
}

void FakeThreads::rate_limited(httplib::Response& response) const {
    response.set_header("X-App-Usage", R"({"call_count":100,"total_cputime":10,"total_time":12})");
    response.set_header("X-Business-Use-Case-Usage",
                        json{{user_id_, {{{"type", "threads"}, {"estimated_time_to_regain_access", regain_minutes_.load()}}}}}.dump());
    graph_error(response, 400, 4, "Application request limit reached");
}

// Every reply under a root post, at any depth, in publish order (newest first by default).
void FakeThreads::handle_conversation(const httplib::Request& request, httplib::Response& response) {
    ++conversation_requests_;
    if (!authorized(request, response)) return;
    if (listing_faults_.pop() == PlatformFault::RateLimit) return rate_limited(response);
    const std::string fields = request.get_param_value("fields");
    auto asked = [&](const char* field) { return fields.find(field) != std::string::npos; };
    std::vector<json> listed;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const FakeThreadsPost* root = media(request.matches[1]);
        if (!root) return graph_error(response, 400, 100, "Object with ID does not exist", 33);
        for (std::size_t i : published_) {
            const FakeThreadsPost& p = posts_[i];
            if (p.deleted || p.root != root->media_id || p.media_id == root->media_id) continue;
            json item = {{"id", p.media_id}};
            if (asked("text")) item["text"] = p.text;
            if (asked("username")) item["username"] = p.username.empty() ? "testhospital" : p.username;
            if (asked("replied_to")) item["replied_to"] = {{"id", p.reply_to}};
            if (asked("root_post")) item["root_post"] = {{"id", p.root}};
            if (asked("is_reply_owned_by_me")) item["is_reply_owned_by_me"] = p.username.empty();
            listed.push_back(item);
        }
    }
    if (request.get_param_value("reverse") != "false") listed.assign(listed.rbegin(), listed.rend());
    response.set_content(graph_page(listed, request).dump(), "application/json");
}

bool FakeThreads::authorized(const httplib::Request& request, httplib::Response& response) const {
    if (request.get_header_value("Authorization") == "Bearer " + token_ ||
        request.get_param_value("access_token") == token_)
        return true;
    graph_error(response, 400, 190, "Error validating access token: Session has expired", 463);
    return false;
}

void FakeThreads::handle_container(const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    if (request.get_param_value("media_type") != "TEXT")
        return graph_error(response, 400, 100, "Param media_type must be one of {TEXT, IMAGE, VIDEO, CAROUSEL}");
    const std::string text = request.get_param_value("text");
    if (text.empty() || code_points(text) > 500)
        return graph_error(response, 400, 100, "Param text must be at most 500 characters long");
    std::lock_guard<std::mutex> lock(mutex_);
    FakeThreadsPost post;
    post.container_id = std::to_string(17889615691921648LL + static_cast<long long>(posts_.size()));
    post.text = text;
    post.reply_to = request.get_param_value("reply_to_id");
    if (!post.reply_to.empty()) {
        bool found = false;
        for (const FakeThreadsPost& p : posts_) found = found || (p.media_id == post.reply_to && !p.deleted);
        if (!found) return graph_error(response, 400, 100, "The requested resource does not exist", 33);
    }
    posts_.push_back(post);
    response.set_content(json{{"id", post.container_id}}.dump(), "application/json");
}

void FakeThreads::handle_publish(const httplib::Request& request, httplib::Response& response) {
    ++publish_requests_;
    const std::optional<PlatformFault> fault = faults_.pop();
    if (fault == PlatformFault::DropBefore) return drop_connection(response);
    if (fault == PlatformFault::TokenExpired)
        return graph_error(response, 400, 190, "Error validating access token: Session has expired", 463);
    if (!authorized(request, response)) return;
    if (fault == PlatformFault::Status500) return graph_error(response, 500, 1, "An unknown error has occurred.");
    if (fault == PlatformFault::Status503) return graph_error(response, 503, 2, "Service temporarily unavailable");
    if (fault == PlatformFault::RateLimit) return rate_limited(response);
    std::string media_id;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        const std::string creation = request.get_param_value("creation_id");
        std::size_t i = 0;
        while (i < posts_.size() && posts_[i].container_id != creation) ++i;
        if (i == posts_.size()) return graph_error(response, 400, 100, "The requested resource does not exist", 33);
        if (!posts_[i].media_id.empty())
            return graph_error(response, 400, 100, "The media has already been published");
        posts_[i].media_id = std::to_string(18000000000000000LL + static_cast<long long>(published_.size()));
        const FakeThreadsPost* parent = media(posts_[i].reply_to);
        posts_[i].root = parent ? parent->root : posts_[i].media_id;
        published_.push_back(i);
        media_id = posts_[i].media_id;
    }
    if (fault == PlatformFault::DropAfter) return drop_connection(response);
    response.set_content(json{{"id", media_id}}.dump(), "application/json");
}

void FakeThreads::handle_status(const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    for (const FakeThreadsPost& p : posts_) {
        if (p.container_id != request.matches[1]) continue;
        const char* status = p.media_id.empty() ? "FINISHED" : "PUBLISHED";
        return response.set_content(json{{"status", status}, {"id", p.container_id}}.dump(), "application/json");
    }
    graph_error(response, 400, 100, "Object with ID does not exist", 33);
}

void FakeThreads::handle_list(const httplib::Request& request, httplib::Response& response, bool replies) {
    if (!authorized(request, response)) return;
    json data = json::array();
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = published_.rbegin(); it != published_.rend(); ++it) {
        const FakeThreadsPost& p = posts_[*it];
        if (p.deleted || !p.username.empty() || p.reply_to.empty() == replies) continue;
        json item = {{"id", p.media_id}, {"text", p.text}};
        if (replies) item["replied_to"] = {{"id", p.reply_to}};
        data.push_back(item);
    }
    response.set_content(json{{"data", data}, {"paging", json::object()}}.dump(), "application/json");
}

void FakeThreads::handle_delete(const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    for (FakeThreadsPost& p : posts_) {
        if (p.media_id != request.matches[1] || p.deleted) continue;
        p.deleted = true;
        return response.set_content(R"({"success":true})", "application/json");
    }
    graph_error(response, 400, 100, "Object with ID does not exist", 33);
}

}  // namespace orlive::testing
