#include "sync/text_length.h"

#include <utf8proc.h>

#include <cctype>

namespace orlive {

std::size_t count_graphemes(std::string_view utf8) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    utf8proc_int32_t previous = -1;
    utf8proc_int32_t state = 0;
    std::size_t clusters = 0;
    while (left > 0) {
        utf8proc_int32_t codepoint = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &codepoint);
        if (used <= 0) {  // invalid byte: count it alone and move on
            used = 1;
            codepoint = -1;
        }
        if (previous < 0 || codepoint < 0 || utf8proc_grapheme_break_stateful(previous, codepoint, &state))
            ++clusters;
        previous = codepoint;
        bytes += used;
        left -= used;
    }
    return clusters;
}

std::size_t mastodon_length(std::string_view utf8, std::size_t chars_per_url) {
    std::size_t total = 0;
    std::size_t start = 0;  // start of the current non-URL run
    std::size_t i = 0;
    while (i < utf8.size()) {
        const bool at_url = (utf8.substr(i, 7) == "http://" || utf8.substr(i, 8) == "https://") &&
                            (i == 0 || std::isspace(static_cast<unsigned char>(utf8[i - 1])) || utf8[i - 1] == '(');
        if (!at_url) {
            ++i;
            continue;
        }
        total += count_graphemes(utf8.substr(start, i - start));
        while (i < utf8.size() && !std::isspace(static_cast<unsigned char>(utf8[i]))) ++i;
        total += chars_per_url;
        start = i;
    }
    return total + count_graphemes(utf8.substr(start));
}

}  // namespace orlive
