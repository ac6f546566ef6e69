// Reading whole numbers from parsed JSON for validation. nlohmann's get<int>() converts with a
// plain cast, so 4294967306 would read as 10 and pass a 0..300 range check; this refuses any
// number that is not a whole number fitting an int.
#pragma once

#include <climits>
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

namespace orlive {

inline std::optional<int> json_int(const nlohmann::json& value) {
    if (value.is_number_unsigned()) {
        const auto number = value.get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(INT_MAX)) return std::nullopt;
        return static_cast<int>(number);
    }
    if (value.is_number_integer()) {
        const auto number = value.get<std::int64_t>();
        if (number < INT_MIN || number > INT_MAX) return std::nullopt;
        return static_cast<int>(number);
    }
    return std::nullopt;
}

}  // namespace orlive
