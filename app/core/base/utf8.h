// UTF-8 at the edges: the one check every entry point uses (command-line arguments, stdin,
// settings, templates, the on-screen keyboard, platform answers), so text that is not valid
// UTF-8 is refused where it arrives instead of aborting a serialiser deep inside a worker.
// Strict RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF, as nlohmann-json
// and every platform require. Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace orlive {

// Byte offset of the first byte that does not start a valid sequence; nothing when valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return !first_invalid_utf8(text); }

// Ok, or "WHAT is not valid UTF-8 text (byte N); ..." naming what to fix.
Status require_utf8(std::string_view text, std::string_view what);

// Every invalid sequence replaced by U+FFFD, for text that must be shown or stored anyway
// (a platform's error message, a row written before this check existed).
std::string repair_utf8(std::string_view text);

// At most max_bytes of a (repaired) text, cut on a character boundary, never mid-sequence.
std::string utf8_prefix(std::string_view text, std::size_t max_bytes);

}  // namespace orlive
