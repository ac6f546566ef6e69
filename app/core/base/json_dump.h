// Serialising JSON that may hold text from outside (a row stored before validation existed, a
// platform's words): nlohmann's dump() throws on invalid UTF-8, which would abort a command
// half-way through its output or a worker mid-delivery. This one replaces such bytes with
// U+FFFD instead. Thread-safe.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace orlive {

inline std::string dump_json(const nlohmann::json& value, int indent = -1) {
    return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace orlive
