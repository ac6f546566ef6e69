#include "sync/graph_replies.h"

#include <nlohmann/json.hpp>

#include "sync/graph_answers.h"
#include "sync/graph_api.h"

namespace orlive {

using nlohmann::json;

namespace {

// {"key":{"id":…}}: the id when it is a path-safe one, empty when absent; nothing when it is
// there but unusable (the item is then skipped rather than misfiled).
std::optional<std::string> nested_id(const json& item, const char* key) {
    auto it = item.find(key);
    if (it == item.end() || it->is_null()) return std::string();
    std::optional<std::string> id = json_string_member(*it, "id");
    if (!id || !is_path_safe_id(*id)) return std::nullopt;
    return id;
}

// The listing's data array, or why there is none; the next cursor into `next_after`.
Result<const json*> listing_data(const json& listing, std::string& next_after) {
    const auto data = listing.is_object() ? listing.find("data") : listing.end();
    if (!listing.is_object() || data == listing.end() || !data->is_array())
        return make_error("the listing has no data array");
    auto paging = listing.find("paging");
    if (paging != listing.end() && paging->is_object() && json_string_member(*paging, "next").value_or("") != "") {
        auto cursors = paging->find("cursors");
        if (cursors != paging->end()) next_after = json_string_member(*cursors, "after").value_or("");
    }
    return &*data;
}

std::optional<FollowerReply> facebook_comment(const json& item, const std::string& page_id,
                                              const std::string& root_id) {
    FollowerReply reply;
    reply.remote.id = json_string_member(item, "id").value_or("");
    auto from = item.find("from");
    if (!is_path_safe_id(reply.remote.id) || from == item.end() || !from->is_object()) return std::nullopt;
    const std::string from_id = json_string_member(*from, "id").value_or("");
    if (from_id.empty() || from_id == page_id) return std::nullopt;
    const std::optional<std::string> parent = nested_id(item, "parent");
    if (!parent) return std::nullopt;
    reply.remote.uri = "https://www.facebook.com/" + reply.remote.id;
    reply.remote.cid = *parent;
    reply.in_reply_to = parent->empty() ? root_id : *parent;
    reply.author = json_string_member(*from, "name").value_or(from_id);
    reply.text = json_string_member(item, "message").value_or("");
    return reply;
}

std::optional<FollowerReply> threads_reply(const json& item, const std::string& our_username) {
    FollowerReply reply;
    reply.remote.id = json_string_member(item, "id").value_or("");
    if (!is_path_safe_id(reply.remote.id)) return std::nullopt;
    auto owned = item.find("is_reply_owned_by_me");
    if (owned != item.end() && owned->is_boolean() && owned->get<bool>()) return std::nullopt;
    reply.author = json_string_member(item, "username").value_or("");
    if (!our_username.empty() && reply.author == our_username) return std::nullopt;
    const std::optional<std::string> replied_to = nested_id(item, "replied_to");
    if (!replied_to || replied_to->empty()) return std::nullopt;
    reply.in_reply_to = *replied_to;
    reply.text = json_string_member(item, "text").value_or("");
    return reply;
}

template <typename ReadItem>
Result<GraphRepliesPage> read_page(std::string_view body, ReadItem read_item) {
    const json listing = json::parse(body, nullptr, false);
    GraphRepliesPage page;
    auto data = listing_data(listing, page.next_after);
    if (!data) return data.error();
    for (const json& item : **data) {
        if (!item.is_object()) continue;
        if (std::optional<FollowerReply> reply = read_item(item)) page.replies.push_back(std::move(*reply));
    }
    return page;
}

}  // namespace

Result<GraphRepliesPage> parse_facebook_comments(std::string_view body, const std::string& page_id,
                                                 const std::string& root_id) {
    return read_page(body, [&](const json& item) { return facebook_comment(item, page_id, root_id); });
}

Result<GraphRepliesPage> parse_threads_conversation(std::string_view body, const std::string& our_username) {
    return read_page(body, [&](const json& item) { return threads_reply(item, our_username); });
}

std::string parse_threads_username(std::string_view body) {
    return json_string_member(json::parse(body, nullptr, false), "username").value_or("");
}

}  // namespace orlive
