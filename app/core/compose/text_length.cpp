#include "core/compose/text_length.h"

#include <utf8proc.h>

#include <cctype>
#include <cstdlib>
#include <string>

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

namespace {

// Splits text into URL and non-URL runs: a URL starts with http:// or https:// at the start or
// after a space or '(' and runs to the next space. `per_url` for each URL, `measure` for the rest.
template <typename Measure>
std::size_t length_with_urls(std::string_view utf8, std::size_t per_url, Measure measure) {
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
        total += measure(utf8.substr(start, i - start));
        while (i < utf8.size() && !std::isspace(static_cast<unsigned char>(utf8[i]))) ++i;
        total += per_url;
        start = i;
    }
    return total + measure(utf8.substr(start));
}

// twitter-text 3's ranges of weight 1 (the rest weigh 2).
bool light(utf8proc_int32_t cp) {
    return (cp >= 0 && cp <= 4351) || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) ||
           (cp >= 8242 && cp <= 8247);
}

bool starts_emoji(utf8proc_int32_t cp) {
    const utf8proc_property_t* property = utf8proc_get_property(cp);
    return property->boundclass == UTF8PROC_BOUNDCLASS_EXTENDED_PICTOGRAPHIC ||
           property->boundclass == UTF8PROC_BOUNDCLASS_REGIONAL_INDICATOR;
}

// Per grapheme cluster: an emoji sequence weighs 2; otherwise each code point by its range.
std::size_t x_weight(std::string_view utf8) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    utf8proc_int32_t previous = -1;
    utf8proc_int32_t state = 0;
    std::size_t total = 0;
    bool in_emoji = false;
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &cp);
        if (used <= 0) used = 1, cp = -1;
        const bool new_cluster = previous < 0 || cp < 0 || utf8proc_grapheme_break_stateful(previous, cp, &state);
        if (new_cluster) {
            in_emoji = cp >= 0 && starts_emoji(cp);
            if (in_emoji) total += 2;
        }
        if (!in_emoji) total += cp >= 0 && light(cp) ? 1 : 2;
        previous = cp;
        bytes += used;
        left -= used;
    }
    return total;
}

}  // namespace

std::size_t mastodon_length(std::string_view utf8, std::size_t chars_per_url) {
    return length_with_urls(utf8, chars_per_url, [](std::string_view run) { return count_graphemes(run); });
}

std::size_t x_weighted_length(std::string_view utf8) {
    const std::string text(utf8);
    utf8proc_uint8_t* normalized = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(text.c_str()));
    if (!normalized) return length_with_urls(utf8, 23, x_weight);  // not UTF-8: count as it is
    const std::string nfc(reinterpret_cast<const char*>(normalized));
    std::free(normalized);
    return length_with_urls(nfc, 23, x_weight);
}

std::size_t count_code_points(std::string_view utf8) {
    std::size_t count = 0;
    for (char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

}  // namespace orlive
