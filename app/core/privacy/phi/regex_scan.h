// Helpers to run a compiled RE2 over a whole text and visit every match with its groups.
// Stateless; RE2 objects are thread-safe for matching, so these are safe from any thread.
#pragma once

#include <re2/re2.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace orlive {

// How many ASCII digits a match holds (phones, identifiers and plates are told apart by it).
inline std::size_t count_digits(std::string_view text) {
    std::size_t n = 0;
    for (char c : text) n += (c >= '0' && c <= '9') ? 1 : 0;
    return n;
}

// Compiles a pattern that is part of the program; a bad pattern is a programming error and
// is caught by the tests (ok() == false).
inline RE2::Options regex_options() {
    RE2::Options opts;
    opts.set_log_errors(false);
    opts.set_max_mem(64 << 20);
    return opts;
}

// Calls visit(groups) for each leftmost non-overlapping match. groups[0] is the whole match;
// an unmatched group has data() == nullptr. Offsets are recovered with group_begin().
template <std::size_t N, typename Visit>
void for_each_match(const RE2& re, std::string_view text, Visit&& visit) {
    std::array<re2::StringPiece, N> groups{};
    const re2::StringPiece whole(text.data(), text.size());
    std::size_t pos = 0;
    while (pos <= text.size()) {
        if (!re.Match(whole, pos, text.size(), RE2::UNANCHORED, groups.data(),
                      static_cast<int>(N))) {
            break;
        }
        const std::size_t start = static_cast<std::size_t>(groups[0].data() - text.data());
        const std::size_t end = start + groups[0].size();
        visit(groups);
        pos = end > start ? end : start + 1;
    }
}

inline std::size_t group_begin(std::string_view text, const re2::StringPiece& g) {
    return static_cast<std::size_t>(g.data() - text.data());
}
inline std::size_t group_end(std::string_view text, const re2::StringPiece& g) {
    return group_begin(text, g) + g.size();
}
inline bool group_matched(const re2::StringPiece& g) { return g.data() != nullptr; }
inline std::string_view group_view(const re2::StringPiece& g) {
    return std::string_view(g.data(), g.size());
}

}  // namespace orlive
