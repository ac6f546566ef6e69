#include "sync/x_answers.h"

#include <nlohmann/json.hpp>

#include "sync/graph_answers.h"
#include "sync/graph_api.h"
#include "sync/platform_error.h"
#include "sync/retry_policy.h"

namespace orlive {

using nlohmann::json;

std::string x_error_text(const std::string& body) {
    const json root = json::parse(body, nullptr, false);
    std::string text;
    if (root.is_object()) {
        text = json_string_member(root, "detail").value_or(json_string_member(root, "title").value_or(""));
        auto errors = root.find("errors");
        if (text.empty() && errors != root.end() && errors->is_array() && !errors->empty())
            text = json_string_member(errors->front(), "message").value_or("");
    }
    if (text.empty()) return platform_error_text(body);
    return platform_error_text(json{{"error", text}}.dump());
}

std::optional<std::string> parse_x_data_id(std::string_view body) {
    const json root = json::parse(body, nullptr, false);
    const auto data = root.is_object() ? root.find("data") : root.end();
    if (!root.is_object() || data == root.end()) return std::nullopt;
    std::optional<std::string> id = json_string_member(*data, "id");
    if (!id || !is_path_safe_id(*id)) return std::nullopt;
    return id;
}

std::string x_replied_to_id(const json& tweet) {
    auto refs = tweet.is_object() ? tweet.find("referenced_tweets") : tweet.end();
    if (!tweet.is_object() || refs == tweet.end() || !refs->is_array()) return "";
    for (const json& ref : *refs) {
        if (json_string_member(ref, "type").value_or("") == "replied_to") return json_string_member(ref, "id").value_or("");
    }
    return "";
}

Result<std::vector<XTweet>> parse_x_tweets(std::string_view body) {
    const json root = json::parse(body, nullptr, false);
    if (!root.is_object()) return make_error("X listed the account's tweets unreadably");
    std::vector<XTweet> tweets;
    auto data = root.find("data");  // absent when the account has no tweets
    if (data == root.end()) return tweets;
    if (!data->is_array()) return make_error("X listed the account's tweets unreadably");
    for (const json& item : *data) {
        if (!item.is_object()) continue;
        XTweet tweet;
        tweet.id = json_string_member(item, "id").value_or("");
        if (!is_path_safe_id(tweet.id)) continue;
        tweet.text = json_string_member(item, "text").value_or("");
        tweet.replied_to_id = x_replied_to_id(item);
        if (auto created = json_string_member(item, "created_at")) tweet.created = parse_iso8601(*created);
        tweets.push_back(std::move(tweet));
    }
    return tweets;
}

std::string x_plain_text(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        for (const auto& [entity, ch] : {std::pair{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}}) {
            const std::string e = entity;
            if (text.compare(i, e.size(), e) == 0) {
                out += ch;
                i += e.size();
                replaced = true;
                break;
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

// Entities first: a URL starts only after a space, a line break or "(", and no entity decodes
// to one of those, so this reads the same as scanning the escaped text.
std::string x_comparable_text(const std::string& raw) {
    const std::string text = x_plain_text(raw);
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const bool url_start = (text.compare(i, 7, "http://") == 0 || text.compare(i, 8, "https://") == 0) &&
                               (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '(');
        if (url_start) {
            while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
            out += "<url>";
            continue;
        }
        out += text[i++];
    }
    return out;
}

}  // namespace orlive
