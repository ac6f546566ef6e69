// Untrusted text: what the public writes (followers' replies and their display names). Before it
// is stored or shown it is made safe to display as plain text: invalid UTF-8 replaced by U+FFFD,
// NFC, control characters and bidirectional overrides removed (they reorder what a screen shows,
// "Trojan Source"), line breaks and tabs folded into single spaces, and the length capped on a
// character boundary. Markup is not interpreted here; callers strip a platform's HTML first.
// Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orlive {

inline constexpr std::size_t kMaxQuestionCodePoints = 500;
inline constexpr std::size_t kMaxAuthorCodePoints = 100;

// At most `max_code_points` code points (a cut text ends in "…", counted in the cap), never
// cut inside a grapheme cluster, trimmed; empty when nothing printable is left.
std::string sanitise_untrusted_text(std::string_view raw, std::size_t max_code_points = kMaxQuestionCodePoints);

// Code points that reorder or hide text: the bidi embeddings, overrides and isolates, the
// directional marks, and invisible zero-width ones (ZWJ stays: emoji sequences need it).
bool is_hidden_format_code_point(char32_t c);

}  // namespace orlive
