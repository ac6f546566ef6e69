// Human-readable times for posts and screens: local wall-clock "14:05", elapsed "1 h 05 min",
// and ISO-8601 UTC for machine output.
#pragma once

#include <string>

#include "core/base/clock.h"

namespace orlive {

std::string format_local_hhmm(TimeMs at);
std::string format_local_date(TimeMs at);           // "2026-11-25"
std::string format_elapsed(TimeMs duration);        // "25 min", "1 h 05 min"
std::string format_elapsed_clock(TimeMs duration);  // "1:05" (h:mm) for the header clock
std::string format_iso8601_utc(TimeMs at);          // "2026-11-25T14:05:09Z"

}  // namespace orlive

#include <optional>
#include <string_view>

namespace orlive {

// "2026-11-25", "2026-11-25T14:05", "2026-11-25T14:05:09Z", "…+01:00": UTC milliseconds.
// A time without a zone is UTC. Returns nullopt for anything else.
std::optional<TimeMs> parse_iso8601(std::string_view text);

}  // namespace orlive
