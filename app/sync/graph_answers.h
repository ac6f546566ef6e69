// Typed readers for what Meta's Graph APIs (Facebook Pages, Threads) answer on success: an
// object's id, a Threads container's status, and a {"data":[…]} listing of posts or comments.
// Pure functions of the body; they never throw, and an id is given only when it is safe to put
// in a request path. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"

namespace orlive {

// A platform's object id is put into later request paths ("/{id}/comments"): only letters,
// digits, '_' and '-', 1 to 128 of them.
bool is_path_safe_id(std::string_view id);

// {"id":"123_456"} (a number is accepted too); nothing when absent or unsafe.
std::optional<std::string> parse_graph_id(std::string_view body);

// {"status":"PUBLISHED","id":…} of a Threads container; nothing when unreadable.
std::optional<std::string> parse_graph_status(std::string_view body);

// One post or comment of a listing. Fields the platform left out stay empty.
struct GraphItem {
    std::string id;                // always path-safe
    std::string text;              // "message" (Facebook) or "text" (Threads)
    std::optional<TimeMs> created; // "created_time" / "timestamp" when readable
    bool has_from = false;         // "from" was readable (it needs a Page token)
    std::string from_id;
    std::string replied_to_id;     // Threads "replied_to":{"id"}
};

// {"data":[…]}: its readable items, newest first as the platform gave them (items without a
// safe id are skipped). An error when there is no data array.
Result<std::vector<GraphItem>> parse_graph_listing(std::string_view body);

}  // namespace orlive
