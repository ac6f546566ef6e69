#include "sync/x_replies.h"

#include <map>

#include <nlohmann/json.hpp>

#include "sync/graph_answers.h"
#include "sync/graph_api.h"
#include "sync/x_answers.h"

namespace orlive {

using nlohmann::json;

namespace {

// includes.users: id -> username, for the tweets' authors.
std::map<std::string, std::string> usernames(const json& root) {
    std::map<std::string, std::string> names;
    auto includes = root.find("includes");
    if (includes == root.end() || !includes->is_object()) return names;
    auto users = includes->find("users");
    if (users == includes->end() || !users->is_array()) return names;
    for (const json& user : *users) {
        const std::optional<std::string> id = json_string_member(user, "id");
        const std::optional<std::string> name = json_string_member(user, "username");
        if (id && name && !name->empty()) names[*id] = *name;
    }
    return names;
}

std::string meta_id(const json& root, const char* key) {
    auto meta = root.find("meta");
    if (meta == root.end()) return "";
    std::string value = json_string_member(*meta, key).value_or("");
    return is_path_safe_id(value) ? value : "";
}

}  // namespace

Result<XRepliesPage> parse_x_conversation(std::string_view body, const std::string& our_user_id) {
    const json root = json::parse(body, nullptr, false);
    if (!root.is_object()) return make_error("X listed the conversation unreadably");
    XRepliesPage page;
    page.newest_id = meta_id(root, "newest_id");
    page.next_token = meta_id(root, "next_token");
    auto data = root.find("data");  // absent when nothing matched
    if (data == root.end()) return page;
    if (!data->is_array()) return make_error("X listed the conversation unreadably");
    const std::map<std::string, std::string> names = usernames(root);
    for (const json& item : *data) {
        FollowerReply reply;
        reply.remote.id = json_string_member(item, "id").value_or("");
        const std::string author_id = json_string_member(item, "author_id").value_or("");
        // Without an author we cannot tell ours from theirs: leave it out rather than ask ourselves.
        if (!is_path_safe_id(reply.remote.id) || author_id.empty() || author_id == our_user_id) continue;
        reply.remote.uri = "https://x.com/i/web/status/" + reply.remote.id;
        reply.in_reply_to = x_replied_to_id(item);
        auto name = names.find(author_id);
        reply.author = name != names.end() ? "@" + name->second : author_id;
        reply.text = x_plain_text(json_string_member(item, "text").value_or(""));
        page.replies.push_back(std::move(reply));
    }
    return page;
}

}  // namespace orlive
