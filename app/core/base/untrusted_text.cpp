#include "core/base/untrusted_text.h"

#include <cstdlib>
#include <vector>

#include <utf8proc.h>

#include "core/base/utf8.h"

namespace orlive {

namespace {

std::vector<utf8proc_int32_t> decode(const std::string& utf8) {
    std::vector<utf8proc_int32_t> out;
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t used = utf8proc_iterate(bytes, left, &c);
        if (used <= 0) {  // cannot happen after repair_utf8; skip a byte rather than loop
            c = 0xFFFD;
            used = 1;
        }
        out.push_back(c);
        bytes += used;
        left -= used;
    }
    return out;
}

void encode(utf8proc_int32_t c, std::string& out) {
    utf8proc_uint8_t buffer[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(c, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

std::string nfc(const std::string& valid) {
    utf8proc_uint8_t* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(valid.c_str()));
    if (!composed) return valid;
    std::string out(reinterpret_cast<const char*>(composed));
    std::free(composed);
    return out;
}

// Spaces for breaks and tabs (one between words), nothing for controls and hidden formats.
std::vector<utf8proc_int32_t> visible_code_points(const std::vector<utf8proc_int32_t>& all) {
    std::vector<utf8proc_int32_t> kept;
    for (utf8proc_int32_t c : all) {
        const utf8proc_category_t category = utf8proc_category(c);
        const bool space = c == '\n' || c == '\r' || c == '\t' || category == UTF8PROC_CATEGORY_ZL ||
                           category == UTF8PROC_CATEGORY_ZP || category == UTF8PROC_CATEGORY_ZS;
        if (space) {
            if (!kept.empty() && kept.back() != ' ') kept.push_back(' ');
            continue;
        }
        if (category == UTF8PROC_CATEGORY_CC || category == UTF8PROC_CATEGORY_CS) continue;
        if (is_hidden_format_code_point(static_cast<char32_t>(c))) continue;
        kept.push_back(c);
    }
    while (!kept.empty() && kept.back() == ' ') kept.pop_back();
    return kept;
}

// The longest prefix of at most `limit` code points that ends on a grapheme boundary.
std::size_t grapheme_cut(const std::vector<utf8proc_int32_t>& text, std::size_t limit) {
    std::size_t cut = 0;
    utf8proc_int32_t state = 0;
    for (std::size_t i = 1; i <= limit && i < text.size(); ++i) {
        if (utf8proc_grapheme_break_stateful(text[i - 1], text[i], &state)) cut = i;
    }
    return cut;
}

}  // namespace

bool is_hidden_format_code_point(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F ||
           c == 0x061C || c == 0x200B || c == 0x200C || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
           (c >= 0xFFF9 && c <= 0xFFFB);
}

std::string sanitise_untrusted_text(std::string_view raw, std::size_t max_code_points) {
    std::vector<utf8proc_int32_t> kept = visible_code_points(decode(nfc(repair_utf8(raw))));
    std::size_t first = 0;
    while (first < kept.size() && kept[first] == ' ') ++first;
    kept.erase(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(first));
    bool cut = false;
    if (max_code_points > 0 && kept.size() > max_code_points) {
        kept.resize(grapheme_cut(kept, max_code_points - 1));
        while (!kept.empty() && kept.back() == ' ') kept.pop_back();
        cut = true;
    }
    std::string out;
    for (utf8proc_int32_t c : kept) encode(c, out);
    if (cut) out += "\u2026";
    return out;
}

}  // namespace orlive
