// Cursor paging as Meta's Graph APIs do it (Facebook comments, Threads conversations), for the
// test peers: ?limit=N (default `default_limit`) and ?after=CURSOR; the answer is
// {"data":[…],"paging":{"cursors":{"before","after"},"next":URL}}, "next" only while there is
// more. Cursors are opaque to the client (here "QVFI" + the offset, base64-looking, with the
// '=' padding that must be percent-encoded in a query).
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace orlive::testing {

inline nlohmann::json graph_page(const std::vector<nlohmann::json>& items, const httplib::Request& request,
                                 std::size_t default_limit = 25) {
    std::size_t limit = default_limit, offset = 0;
    try {
        if (request.has_param("limit")) limit = std::stoul(request.get_param_value("limit"));
        const std::string after = request.get_param_value("after");
        if (after.rfind("QVFI", 0) == 0) offset = std::stoul(after.substr(4));
    } catch (const std::exception&) {
    }
    limit = std::max<std::size_t>(1, std::min<std::size_t>(limit, 100));
    nlohmann::json data = nlohmann::json::array();
    for (std::size_t i = offset; i < items.size() && i < offset + limit; ++i) data.push_back(items[i]);
    const std::size_t end = std::min(items.size(), offset + limit);
    nlohmann::json paging = {{"cursors", {{"before", "QVFI" + std::to_string(offset) + "=="},
                                          {"after", "QVFI" + std::to_string(end) + "=="}}}};
    if (end < items.size()) {
        paging["next"] = "https://graph.example/" + request.path + "?limit=" + std::to_string(limit) +
                         "&after=QVFI" + std::to_string(end) + "%3D%3D";
    }
    return {{"data", data}, {"paging", paging}};
}

}  // namespace orlive::testing
