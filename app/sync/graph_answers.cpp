#include "sync/graph_answers.h"

#include <nlohmann/json.hpp>

#include "sync/graph_api.h"

namespace orlive {

using nlohmann::json;

bool is_path_safe_id(std::string_view id) {
    if (id.empty() || id.size() > 128) return false;
    for (char c : id) {
        const bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
                        c == '-';
        if (!ok) return false;
    }
    return true;
}

std::optional<std::string> parse_graph_id(std::string_view body) {
    std::optional<std::string> id = json_string_member(json::parse(body, nullptr, false), "id");
    if (!id || !is_path_safe_id(*id)) return std::nullopt;
    return id;
}

std::optional<std::string> parse_graph_status(std::string_view body) {
    return json_string_member(json::parse(body, nullptr, false), "status");
}

namespace {

GraphItem read_item(const json& item) {
    GraphItem out;
    out.id = json_string_member(item, "id").value_or("");
    out.text = json_string_member(item, "message").value_or(json_string_member(item, "text").value_or(""));
    std::optional<std::string> created = json_string_member(item, "created_time");
    if (!created) created = json_string_member(item, "timestamp");
    if (created) out.created = parse_graph_time(*created);
    auto from = item.find("from");
    if (from != item.end() && from->is_object()) {
        out.has_from = true;
        out.from_id = json_string_member(*from, "id").value_or("");
    }
    auto to = item.find("replied_to");
    if (to != item.end()) out.replied_to_id = json_string_member(*to, "id").value_or("");
    return out;
}

}  // namespace

Result<std::vector<GraphItem>> parse_graph_listing(std::string_view body) {
    const json listing = json::parse(body, nullptr, false);
    const auto data = listing.is_object() ? listing.find("data") : listing.end();
    if (!listing.is_object() || data == listing.end() || !data->is_array()) {
        return make_error("the listing has no data array");
    }
    std::vector<GraphItem> items;
    for (const json& item : *data) {
        if (!item.is_object()) continue;
        GraphItem read = read_item(item);
        if (is_path_safe_id(read.id)) items.push_back(std::move(read));
    }
    return items;
}

}  // namespace orlive
