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

std::string now_iso8601() {
    std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S.000Z", std::gmtime(&now));
    return text;
}

// Ours is kUserId; each follower's a stable number of their own.
std::string author_id(const FakeTweet& t) {
    return t.username.empty() ? kUserId : std::to_string(3000000000ULL + std::hash<std::string>{}(t.username) % 1000000000ULL);
}

// The v2 tweet object with the tweet.fields asked for (id, text and edit history always).
json tweet_json(const FakeTweet& t, const std::string& fields) {
    auto asked = [&](const char* field) { return fields.find(field) != std::string::npos; };
    json tweet = {{"id", t.id}, {"text", escaped(t.text)}, {"edit_history_tweet_ids", {t.id}}};
    if (asked("created_at")) tweet["created_at"] = now_iso8601();
    if (asked("author_id")) tweet["author_id"] = author_id(t);
    if (asked("conversation_id")) tweet["conversation_id"] = t.conversation_id;
    if (asked("referenced_tweets") && !t.in_reply_to.empty())
        tweet["referenced_tweets"] = {{{"type", "replied_to"}, {"id", t.in_reply_to}}};
    return tweet;
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
    server().Get("/2/tweets/search/recent",
                 [this](const httplib::Request& q, httplib::Response& r) { handle_search(q, r); });
    server().Post("/_peer/reply", [this](const httplib::Request& q, httplib::Response& r) {
        const std::string id =
            inject_reply(q.get_param_value("in_reply_to"), q.get_param_value("username"), q.get_param_value("text"));
        if (id.empty()) return problem(r, 400, "Invalid Request", "in_reply_to must name a tweet, username a user");
        r.set_content(json{{"data", {{"id", id}}}}.dump(), "application/json");
    });
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

void FakeX::rate_limited(httplib::Response& response) const {
    const long long reset = reset_at_ ? reset_at_.load() : static_cast<long long>(std::time(nullptr)) + 60;
    response.set_header("x-rate-limit-limit", "100");
    response.set_header("x-rate-limit-remaining", "0");
    response.set_header("x-rate-limit-reset", std::to_string(reset));
    problem(response, 429, "Too Many Requests", "Too Many Requests");
}

std::string FakeX::add_tweet(FakeTweet tweet) {
    tweet.id = std::to_string(1460323737035677698LL + static_cast<long long>(tweets_.size()));
    tweet.conversation_id = tweet.id;
    for (const FakeTweet& t : tweets_) {
        if (t.id == tweet.in_reply_to) tweet.conversation_id = t.conversation_id;
    }
    tweets_.push_back(tweet);
    return tweet.id;
}

std::string FakeX::inject_reply(const std::string& in_reply_to, const std::string& username, const std::string& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    bool found = false;
    for (const FakeTweet& t : tweets_) found = found || (t.id == in_reply_to && !t.deleted);
    if (!found || username.empty()) return "";
    FakeTweet reply;
    reply.in_reply_to = in_reply_to;
    reply.username = username;
    reply.text = text;
    return add_tweet(reply);
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
    if (fault == PlatformFault::RateLimit) return rate_limited(response);
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
            if (!t.deleted && t.username.empty() && t.text == created.text)
                return problem(response, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
        }
        created.id = add_tweet(created);
    }
    if (fault == PlatformFault::DropAfter) return drop_connection(response);
    response.status = 201;
    response.set_content(json{{"data", {{"id", created.id}, {"text", created.text}}}}.dump(), "application/json");
}

void FakeX::handle_list(const httplib::Request& request, httplib::Response& response) {
    if (!signed_correctly(request, response)) return;
    if (request.matches[1] != kUserId) return problem(response, 404, "Not Found Error", "Could not find user");
    json data = json::array();
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = tweets_.rbegin(); it != tweets_.rend() && data.size() < 20; ++it) {
        if (!it->deleted && it->username.empty())
            data.push_back(tweet_json(*it, "created_at,referenced_tweets"));
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

// Newest first; next_token is the offset into the matches ("nt" + n), opaque to the client.
void FakeX::handle_search(const httplib::Request& request, httplib::Response& response) {
    ++search_requests_;
    if (!signed_correctly(request, response)) return;
    if (listing_faults_.pop() == PlatformFault::RateLimit) return rate_limited(response);
    const std::string query = request.get_param_value("query");
    std::size_t max_results = 10, offset = 0;
    long long since = 0;
    try {
        if (request.has_param("max_results")) max_results = std::stoul(request.get_param_value("max_results"));
        if (request.has_param("since_id")) since = std::stoll(request.get_param_value("since_id"));
        if (request.has_param("next_token")) offset = std::stoul(request.get_param_value("next_token").substr(2));
    } catch (const std::exception&) {
        return problem(response, 400, "Invalid Request", "One or more parameters to your request was invalid.");
    }
    if (query.rfind("conversation_id:", 0) != 0 || max_results < 10 || max_results > 100)
        return problem(response, 400, "Invalid Request", "One or more parameters to your request was invalid.");
    const std::string conversation = query.substr(16), fields = request.get_param_value("tweet.fields");
    std::vector<const FakeTweet*> matches;
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = tweets_.rbegin(); it != tweets_.rend(); ++it) {
        if (!it->deleted && it->conversation_id == conversation && std::stoll(it->id) > since)
            matches.push_back(&*it);
    }
    response.set_header("x-rate-limit-limit", "180");
    response.set_header("x-rate-limit-remaining", "179");
    response.set_header("x-rate-limit-reset", std::to_string(std::time(nullptr) + 900));
    if (offset >= matches.size()) return response.set_content(R"({"meta":{"result_count":0}})", "application/json");
    json data = json::array(), users = json::array();
    for (std::size_t i = offset; i < matches.size() && i < offset + max_results; ++i) {
        data.push_back(tweet_json(*matches[i], fields));
        const std::string name = matches[i]->username.empty() ? "testhospital" : matches[i]->username;
        users.push_back({{"id", author_id(*matches[i])}, {"name", name}, {"username", name}});
    }
    json meta = {{"newest_id", data.front()["id"]}, {"oldest_id", data.back()["id"]}, {"result_count", data.size()}};
    if (offset + max_results < matches.size()) meta["next_token"] = "nt" + std::to_string(offset + max_results);
    json body = {{"data", data}, {"meta", meta}};
    if (request.get_param_value("expansions").find("author_id") != std::string::npos) body["includes"] = {{"users", users}};
    response.set_content(body.dump(), "application/json");
}

}  // namespace orlive::testing
