#include "peers/fake_x.h"

#include <ctime>
#include <map>

#include <nlohmann/json.hpp>

#include "sync/percent_encoding.h"

namespace orlive::testing {

using nlohmann::json;

namespace {

constexpr const char* kUserId = "2244994945";

void problem(httplib::Response& response, int status, const std::string& title, const std::string& detail) {
    response.status = status;
    response.set_content(json{{"title", title}, {"detail", detail}, {"type", "about:blank"}, {"status", status}}.dump(),
                         "application/json");
}

std::string escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// OAuth k="v", k="v" into decoded pairs.
std::map<std::string, std::string> oauth_header_params(const std::string& header) {
    std::map<std::string, std::string> params;
    if (header.rfind("OAuth ", 0) != 0) return params;
    std::string rest = header.substr(6);
    std::size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == ',')) ++i;
        const std::size_t eq = rest.find("=\"", i);
        if (eq == std::string::npos) break;
        const std::size_t close = rest.find('"', eq + 2);
        if (close == std::string::npos) break;
        // Percent-encoded, '+' is a plus (this cpp-httplib may have decoded header values already).
        params[percent_decode(rest.substr(i, eq - i), false)] = percent_decode(rest.substr(eq + 2, close - eq - 2), false);
        i = close + 1;
    }
    return params;
}

}  // namespace

FakeX::FakeX(OAuth1Credentials keys, int port) : keys_(std::move(keys)) {
    server().Post("/2/tweets", [this](const httplib::Request& q, httplib::Response& r) { handle_create(q, r); });
    server().Delete(R"(/2/tweets/(\d+))", [this](const httplib::Request& q, httplib::Response& r) { handle_delete(q, r); });
    server().Get("/2/users/me", [this](const httplib::Request& q, httplib::Response& r) {
        if (!signed_correctly(q, r)) return;
        r.set_content(json{{"data", {{"id", kUserId}, {"name", "Test Hospital"}, {"username", "testhospital"}}}}.dump(),
                      "application/json");
    });
    server().Get(R"(/2/users/(\d+)/tweets)", [this](const httplib::Request& q, httplib::Response& r) { handle_list(q, r); });
    server().Get("/_peer/tweets", [this](const httplib::Request&, httplib::Response& r) {
        json all = json::array();
        for (const FakeTweet& t : tweets()) {
            all.push_back({{"id", t.id}, {"text", t.text}, {"in_reply_to", t.in_reply_to}, {"deleted", t.deleted}});
        }
        r.set_content(all.dump(), "application/json");
    });
    serve_fault_endpoint(server(), faults_);
    start(port);
}

FakeX::~FakeX() { stop(); }

std::vector<FakeTweet> FakeX::tweets() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return tweets_;
}

// Recomputes the signature from what arrived: method, http://Host/path, query and oauth_*.
bool FakeX::signed_correctly(const httplib::Request& request, httplib::Response& response) {
    std::map<std::string, std::string> oauth = oauth_header_params(request.get_header_value("Authorization"));
    const std::string given = oauth["oauth_signature"];
    bool ok = oauth["oauth_consumer_key"] == keys_.consumer_key && oauth["oauth_token"] == keys_.token &&
              oauth["oauth_signature_method"] == "HMAC-SHA1" && !oauth["oauth_nonce"].empty() && !given.empty();
    if (ok) {
        OAuthParams params;
        for (const auto& [name, value] : oauth) {
            if (name != "oauth_signature") params.emplace_back(name, value);
        }
        for (const auto& [name, value] : request.params) params.emplace_back(name, value);
        const std::string url = "http://" + request.get_header_value("Host") + request.path;
        const std::string base = oauth1_base_string(request.method, oauth1_base_url(url), params);
        ok = oauth1_signature(base, keys_.consumer_secret, keys_.token_secret) == given;
    }
    if (ok) return true;
    ++bad_signatures_;
    problem(response, 401, "Unauthorized", "Unauthorized");
    return false;
}

void FakeX::handle_create(const httplib::Request& request, httplib::Response& response) {
    ++create_requests_;
    const std::optional<PlatformFault> fault = faults_.pop();
    if (fault == PlatformFault::DropBefore) return drop_connection(response);
    if (fault == PlatformFault::TokenExpired) return problem(response, 401, "Unauthorized", "Unauthorized");
    if (!signed_correctly(request, response)) return;
    if (fault == PlatformFault::Status500) return problem(response, 500, "Internal Server Error", "Internal error");
    if (fault == PlatformFault::Status503) return problem(response, 503, "Service Unavailable", "Over capacity");
    if (fault == PlatformFault::RateLimit) {
        response.set_header("x-rate-limit-limit", "100");
        response.set_header("x-rate-limit-remaining", "0");
        response.set_header("x-rate-limit-reset", std::to_string(std::time(nullptr) + 60));
        return problem(response, 429, "Too Many Requests", "Too Many Requests");
    }
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("text") || !body["text"].is_string())
        return problem(response, 400, "Invalid Request", "One or more parameters to your request was invalid.");
    FakeTweet created;
    created.text = body["text"];
    if (body.contains("reply") && body["reply"].is_object() && body["reply"].contains("in_reply_to_tweet_id") &&
        body["reply"]["in_reply_to_tweet_id"].is_string())
        created.in_reply_to = body["reply"]["in_reply_to_tweet_id"];
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const FakeTweet& t : tweets_) {
            if (!t.deleted && t.text == created.text)
                return problem(response, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
        }
        created.id = std::to_string(1460323737035677698LL + static_cast<long long>(tweets_.size()));
        tweets_.push_back(created);
    }
    if (fault == PlatformFault::DropAfter) return drop_connection(response);
    response.status = 201;
    response.set_content(json{{"data", {{"id", created.id}, {"text", created.text}}}}.dump(), "application/json");
}

void FakeX::handle_list(const httplib::Request& request, httplib::Response& response) {
    if (!signed_correctly(request, response)) return;
    if (request.matches[1] != kUserId) return problem(response, 404, "Not Found Error", "Could not find user");
    json data = json::array();
    std::time_t now = std::time(nullptr);
    char created_at[32];
    std::strftime(created_at, sizeof created_at, "%Y-%m-%dT%H:%M:%S.000Z", std::gmtime(&now));
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = tweets_.rbegin(); it != tweets_.rend() && data.size() < 20; ++it) {
        if (it->deleted) continue;
        json tweet = {{"id", it->id}, {"text", escaped(it->text)}, {"created_at", created_at},
                      {"edit_history_tweet_ids", {it->id}}};
        if (!it->in_reply_to.empty()) tweet["referenced_tweets"] = {{{"type", "replied_to"}, {"id", it->in_reply_to}}};
        data.push_back(tweet);
    }
    if (data.empty()) return response.set_content(R"({"meta":{"result_count":0}})", "application/json");
    response.set_content(json{{"data", data}, {"meta", {{"result_count", data.size()}}}}.dump(), "application/json");
}

void FakeX::handle_delete(const httplib::Request& request, httplib::Response& response) {
    const std::optional<PlatformFault> fault = faults_.pop();
    if (fault == PlatformFault::DropBefore) return drop_connection(response);
    if (!signed_correctly(request, response)) return;
    if (fault == PlatformFault::Status503) return problem(response, 503, "Service Unavailable", "Over capacity");
    std::lock_guard<std::mutex> lock(mutex_);
    for (FakeTweet& t : tweets_) {
        if (t.id != request.matches[1] || t.deleted) continue;
        t.deleted = true;
        if (fault == PlatformFault::DropAfter) return drop_connection(response);
        return response.set_content(R"({"data":{"deleted":true}})", "application/json");
    }
    problem(response, 404, "Not Found Error", "Could not find tweet");
}

}  // namespace orlive::testing
