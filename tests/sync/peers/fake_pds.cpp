#include "peers/fake_pds.h"

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <sstream>

#include "core/compose/text_length.h"

namespace orlive::testing {

using nlohmann::json;

namespace {

void xrpc_error(httplib::Response& response, int status, const std::string& error, const std::string& message) {
    response.status = status;
    response.set_content(json{{"error", error}, {"message", message}}.dump(), "application/json");
}

std::string cid_of(const json& record) {
    std::ostringstream out;
    out << "bafyrei" << std::hex << std::hash<std::string>{}(record.dump());
    return out.str();
}

}  // namespace

FakePds::FakePds(std::string identifier, std::string app_password, int port)
    : identifier_(std::move(identifier)), app_password_(std::move(app_password)) {
    server().Post("/xrpc/com.atproto.server.createSession", [this](const httplib::Request& q, httplib::Response& r) {
        auto body = json::parse(q.body, nullptr, false);
        if (!body.is_object() || body.value("identifier", "") != identifier_ ||
            body.value("password", "") != app_password_) {
            return xrpc_error(r, 401, "AuthenticationRequired", "Invalid identifier or password");
        }
        json answer = {{"did", kDid}, {"handle", identifier_}};
        std::lock_guard<std::mutex> lock(mutex_);
        ++sessions_;
        issue_tokens(answer);
        r.set_content(answer.dump(), "application/json");
    });
    server().Post("/xrpc/com.atproto.server.refreshSession", [this](const httplib::Request& q, httplib::Response& r) {
        const std::string token = q.get_header_value("Authorization").substr(7);
        std::lock_guard<std::mutex> lock(mutex_);
        if (!refresh_tokens_.erase(token)) return xrpc_error(r, 400, "ExpiredToken", "Token has expired");
        ++refreshes_;
        json answer = {{"did", kDid}, {"handle", identifier_}};
        issue_tokens(answer);
        r.set_content(answer.dump(), "application/json");
    });
    server().Post("/xrpc/com.atproto.repo.createRecord",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_write(q, r, false); });
    server().Post("/xrpc/com.atproto.repo.putRecord",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_write(q, r, true); });
    server().Post("/xrpc/com.atproto.repo.deleteRecord", [this](const httplib::Request& q, httplib::Response& r) {
        if (!authorized(q, r)) return;
        auto body = json::parse(q.body, nullptr, false);
        std::lock_guard<std::mutex> lock(mutex_);
        for (PdsRecord& record : records_) {
            if (record.rkey == body.value("rkey", "")) record.deleted = true;
        }
        r.set_content("{}", "application/json");
    });
    server().Get("/xrpc/com.atproto.repo.listRecords", [this](const httplib::Request&, httplib::Response& r) {
        json list = json::array();
        for (const PdsRecord& record : records()) {
            if (!record.deleted && record.author_did == kDid)
                list.push_back({{"uri", record.uri}, {"cid", record.cid}, {"value", record.value}});
        }
        r.set_content(json{{"records", list}}.dump(), "application/json");
    });
    server().Get("/xrpc/app.bsky.feed.getPostThread",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_thread(q, r); });
    server().Get("/_peer/records", [this](const httplib::Request&, httplib::Response& r) {
        json list = json::array();
        for (const PdsRecord& record : records()) {
            list.push_back({{"rkey", record.rkey}, {"uri", record.uri}, {"cid", record.cid}, {"value", record.value},
                            {"deleted", record.deleted}, {"writes", record.writes}});
        }
        r.set_content(list.dump(), "application/json");
    });
    start(port);
}

FakePds::~FakePds() { stop(); }  // before the members the handlers use go

void FakePds::push_fault(PdsFault fault) {
    std::lock_guard<std::mutex> lock(mutex_);
    faults_.push_back(fault);
}

void FakePds::expire_access_tokens() {
    std::lock_guard<std::mutex> lock(mutex_);
    expired_tokens_.insert(access_tokens_.begin(), access_tokens_.end());
    access_tokens_.clear();
}

std::vector<PdsRecord> FakePds::records() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return records_;
}

int FakePds::sessions_created() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sessions_;
}

int FakePds::refreshes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return refreshes_;
}

int FakePds::thread_requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return thread_requests_;
}

std::string FakePds::inject_reply(const std::string& parent_uri, const std::string& handle, const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    const PdsRecord* parent = nullptr;
    for (const PdsRecord& r : records_) parent = r.uri == parent_uri ? &r : parent;
    if (!parent) return "";
    json parent_ref = {{"uri", parent->uri}, {"cid", parent->cid}};
    json root_ref = parent->value.contains("reply") ? parent->value["reply"]["root"] : parent_ref;
    const std::string did = "did:plc:follower-" + handle;
    const std::string rkey = "3follower" + std::to_string(records_.size());
    char created[32];
    std::snprintf(created, sizeof created, "2026-11-25T14:%02zu:00.000Z", records_.size() % 60);
    PdsRecord reply;
    reply.rkey = rkey;
    reply.uri = "at://" + did + "/app.bsky.feed.post/" + rkey;
    reply.value = {{"$type", "app.bsky.feed.post"}, {"text", text}, {"createdAt", created},
                   {"reply", {{"root", root_ref}, {"parent", parent_ref}}}};
    reply.cid = cid_of(reply.value);
    reply.author_did = did;
    reply.author_handle = handle;
    records_.push_back(reply);
    return reply.uri;
}

// As the AppView answers: the post with its replies to `depth` levels, each a threadViewPost.
json FakePds::thread_view(const PdsRecord& record, int depth) const {
    json view = {{"$type", "app.bsky.feed.defs#threadViewPost"},
                 {"post", {{"uri", record.uri}, {"cid", record.cid},
                           {"author", {{"did", record.author_did}, {"handle", record.author_handle}}},
                           {"record", record.value}, {"indexedAt", record.value.value("createdAt", "")}}}};
    if (depth <= 0) return view;
    json replies = json::array();
    for (const PdsRecord& r : records_) {
        if (r.deleted || !r.value.contains("reply")) continue;
        if (r.value["reply"]["parent"].value("uri", "") == record.uri) replies.push_back(thread_view(r, depth - 1));
    }
    view["replies"] = replies;
    return view;
}

void FakePds::handle_thread(const httplib::Request& request, httplib::Response& response) {
    if (!authorized(request, response)) return;
    std::lock_guard<std::mutex> lock(mutex_);
    ++thread_requests_;
    const std::string uri = request.get_param_value("uri");
    const int depth = request.has_param("depth") ? std::stoi(request.get_param_value("depth")) : 6;
    for (const PdsRecord& record : records_) {
        if (record.uri == uri && !record.deleted)
            return response.set_content(json{{"thread", thread_view(record, depth)}}.dump(), "application/json");
    }
    xrpc_error(response, 400, "NotFound", "Post not found: " + uri);
}

std::string FakePds::issue_tokens(json& into) {
    ++token_counter_;
    std::string access = "access-" + std::to_string(token_counter_);
    std::string refresh = "refresh-" + std::to_string(token_counter_);
    access_tokens_.insert(access);
    refresh_tokens_.insert(refresh);
    into["accessJwt"] = access;
    into["refreshJwt"] = refresh;
    return access;
}

bool FakePds::authorized(const httplib::Request& request, httplib::Response& response) {
    const std::string header = request.get_header_value("Authorization");
    const std::string token = header.rfind("Bearer ", 0) == 0 ? header.substr(7) : std::string();
    std::lock_guard<std::mutex> lock(mutex_);
    if (access_tokens_.count(token)) return true;
    if (expired_tokens_.count(token)) {
        xrpc_error(response, 400, "ExpiredToken", "Token has expired");
    } else {
        xrpc_error(response, 401, "InvalidToken", "Bad token");
    }
    return false;
}

// Empty when the record is a valid post (as far as these tests need).
std::string FakePds::check_record(const json& record) const {
    if (!record.is_object() || record.value("$type", "") != "app.bsky.feed.post") return "Invalid $type";
    if (!record.contains("text") || !record["text"].is_string()) return "Record/text is required";
    if (!record.contains("createdAt") || !record["createdAt"].is_string()) return "Record/createdAt is required";
    const std::string text = record["text"];
    if (count_graphemes(text) > 300 || text.size() > 3000) return "Record/text must not be longer than 300 graphemes";
    for (const json& facet : record.value("facets", json::array())) {
        const std::size_t start = facet["index"].value("byteStart", std::size_t{0});
        const std::size_t end = facet["index"].value("byteEnd", std::size_t{0});
        if (start >= end || end > text.size()) return "facet index out of range";
        const std::string tag = facet["features"][0].value("tag", "");
        if (text.substr(start, end - start) != "#" + tag) return "facet does not cover #" + tag;
    }
    if (record.contains("reply")) {
        for (const char* part : {"root", "parent"}) {
            const json& ref = record["reply"][part];
            bool found = false;
            for (const PdsRecord& existing : records_) {
                found = found || (existing.uri == ref.value("uri", "") && existing.cid == ref.value("cid", ""));
            }
            if (!found) return std::string("reply ") + part + " not found";
        }
    }
    return "";
}

void FakePds::handle_write(const httplib::Request& request, httplib::Response& response, bool put) {
    std::optional<PdsFault> fault;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!faults_.empty()) {
            fault = faults_.front();
            faults_.pop_front();
        }
    }
    if (fault == PdsFault::ExpireTokens) expire_access_tokens();
    if (fault == PdsFault::ForgetSessions) {
        std::lock_guard<std::mutex> lock(mutex_);
        access_tokens_.clear();
        refresh_tokens_.clear();
    }
    if (!authorized(request, response)) return;
    if (fault == PdsFault::Status500) return xrpc_error(response, 500, "InternalServerError", "Internal Server Error");
    if (fault == PdsFault::Status429) {
        response.set_header("RateLimit-Limit", "5000");
        response.set_header("RateLimit-Remaining", "0");
        response.set_header("RateLimit-Reset", std::to_string(std::time(nullptr) + 1));
        return xrpc_error(response, 429, "RateLimitExceeded", "Rate Limit Exceeded");
    }
    auto body = json::parse(request.body, nullptr, false);
    if (!body.is_object() || body.value("repo", "") != kDid) return xrpc_error(response, 400, "InvalidRequest", "bad repo");
    const std::string rkey = body.value("rkey", "");
    const json record = body.value("record", json());
    json answer;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (std::string problem = check_record(record); !problem.empty())
            return xrpc_error(response, 400, "InvalidRequest", problem);
        PdsRecord* existing = nullptr;
        for (PdsRecord& r : records_) existing = r.rkey == rkey ? &r : existing;
        if (existing && !put) return xrpc_error(response, 400, "InvalidRequest", "Record already exists: " + rkey);
        if (!existing) {
            records_.push_back({rkey, std::string("at://") + kDid + "/app.bsky.feed.post/" + rkey, "", record});
            existing = &records_.back();
        }
        existing->value = record;
        existing->cid = cid_of(record);
        existing->deleted = false;
        ++existing->writes;
        answer = {{"uri", existing->uri}, {"cid", existing->cid}};
    }
    if (latency_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_.load()));
    response.set_header("RateLimit-Remaining", "4999");
    if (fault == PdsFault::TimeoutAfterWrite) {
        std::this_thread::sleep_for(std::chrono::milliseconds(stall_ms_.load()));
    } else if (fault == PdsFault::ResetAfterWrite) {
        response.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
        return;
    }
    response.set_content(answer.dump(), "application/json");
}

}  // namespace orlive::testing
