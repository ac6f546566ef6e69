#include "core/privacy/phi/text_normalizer.h"

#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <optional>

namespace orlive {
namespace {

struct CodePoint {
    char32_t cp = 0;
    std::uint32_t start = 0;  // original bytes
    std::uint32_t end = 0;
};

bool is_bidi_control(char32_t c) {
    return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

// Invisible characters that can split a word without showing: zero-width space/joiners, word
// joiner, BOM, soft hyphen, Mongolian vowel separator.
bool is_invisible(char32_t c) {
    return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF || c == 0x180E;
}

// Decodes, dropping invisible and bidi characters (the latter reported). A directional override
// (U+202E, U+202D) shows its run in another order ("\u202EzepoL airaM" reads "Maria Lopez"), which
// no detector can read, so the whole run, to its U+202C or the end of the line, is reported.
std::vector<CodePoint> decode(std::string_view s, NormalizedText& out) {
    std::vector<CodePoint> cps;
    cps.reserve(s.size());
    std::size_t i = 0;
    std::optional<std::uint32_t> override_start;
    auto close_override = [&](std::size_t end) {
        if (override_start) out.suspicious.push_back({*override_start, end, "review-bidi-override"});
        override_start.reset();
    };
    while (i < s.size()) {
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                              static_cast<utf8proc_ssize_t>(s.size() - i), &c);
        if (n <= 0) {
            n = 1;
            c = 0xFFFD;
        }
        const auto start = static_cast<std::uint32_t>(i);
        i += static_cast<std::size_t>(n);
        const auto cp = static_cast<char32_t>(c);
        if ((cp == 0x202E || cp == 0x202D) && !override_start) override_start = start;
        if (cp == 0x202C || cp == U'\n') close_override(cp == U'\n' ? start : i);
        if (is_bidi_control(cp)) out.suspicious.push_back({start, i, "review-bidi-control"});
        if (is_bidi_control(cp) || is_invisible(cp)) continue;
        cps.push_back({cp, start, static_cast<std::uint32_t>(i)});
    }
    close_override(s.size());
    return cps;
}

// NFKC of one character, plus any decimal digit to its ASCII digit and any dash to '-'
// ("44–881–203" is a record number like "44-881-203").
void compat_fold(const CodePoint& in, std::vector<CodePoint>& out) {
    const utf8proc_int32_t c = static_cast<utf8proc_int32_t>(in.cp);
    if ((in.cp >= 0x2010 && in.cp <= 0x2015) || in.cp == 0x2212 || in.cp == 0xFE58 || in.cp == 0xFE63) {
        out.push_back({U'-', in.start, in.end});
        return;
    }
    if (utf8proc_category(c) == UTF8PROC_CATEGORY_ND && in.cp > 0x7F) {
        char32_t zero = in.cp;  // digit blocks run 0..9 from a zero
        while (zero > in.cp - 9 && utf8proc_category(static_cast<utf8proc_int32_t>(zero - 1)) == UTF8PROC_CATEGORY_ND) --zero;
        out.push_back({U'0' + (in.cp - zero) % 10, in.start, in.end});
        return;
    }
    // Only compatibility mappings (full-width letters, ligatures, thin spaces): canonical ones
    // would split "é" into "e" and a combining accent, and NFKC composes it again anyway.
    const utf8proc_property_t* property = utf8proc_get_property(c);
    if (property->decomp_type == 0) {
        out.push_back(in);
        return;
    }
    std::array<utf8proc_uint8_t, 4> encoded{};
    const utf8proc_ssize_t length = utf8proc_encode_char(c, encoded.data());
    utf8proc_uint8_t* nfkc = nullptr;
    const utf8proc_ssize_t n = utf8proc_map(encoded.data(), length, &nfkc,
                                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    if (n <= 0 || nfkc == nullptr) {
        std::free(nfkc);
        out.push_back(in);
        return;
    }
    for (utf8proc_ssize_t k = 0; k < n;) {
        utf8proc_int32_t mapped = 0;
        const utf8proc_ssize_t step = utf8proc_iterate(nfkc + k, n - k, &mapped);
        if (step <= 0) break;
        out.push_back({static_cast<char32_t>(mapped), in.start, in.end});
        k += step;
    }
    std::free(nfkc);
}

// Cyrillic and Greek letters drawn like a Latin letter, and that letter.
char32_t latin_lookalike(char32_t c) {
    static constexpr std::pair<char32_t, char32_t> kTable[] = {
        {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'},
        {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
        {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'},
        {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x0405, 'S'}, {0x0406, 'I'},
        {0x0408, 'J'}, {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'},
        {0x041D, 'H'}, {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0425, 'X'},
        {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
        {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04AF, 'y'}, {0x0501, 'd'},
        {0x051B, 'q'}, {0x051D, 'w'}};
    for (const auto& [from, to] : kTable) {
        if (from == c) return to;
    }
    return 0;
}

bool is_word_char(char32_t c) {
    const utf8proc_category_t k = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ND);
}

bool is_latin_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F); }
bool is_greek_or_cyrillic(char32_t c) { return c >= 0x0370 && c <= 0x052F; }

// Folds look-alikes in each word that mixes scripts (reported) or is made only of look-alikes.
void fold_lookalikes(std::vector<CodePoint>& cps, NormalizedText& out) {
    std::size_t i = 0;
    while (i < cps.size()) {
        if (!is_word_char(cps[i].cp)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        bool latin = false, other = false, all_lookalike = true;
        for (; j < cps.size() && is_word_char(cps[j].cp); ++j) {
            latin = latin || is_latin_letter(cps[j].cp);
            other = other || is_greek_or_cyrillic(cps[j].cp);
            all_lookalike = all_lookalike && (latin_lookalike(cps[j].cp) != 0 || is_latin_letter(cps[j].cp));
        }
        if (latin && other) out.suspicious.push_back({cps[i].start, cps[j - 1].end, "review-mixed-script"});
        if (other && (latin || all_lookalike)) {
            for (std::size_t k = i; k < j; ++k) {
                if (const char32_t l = latin_lookalike(cps[k].cp)) cps[k].cp = l;
            }
        }
        i = j;
    }
}

void encode(const std::vector<CodePoint>& cps, NormalizedText& out) {
    out.text.reserve(cps.size() + 8);
    for (const CodePoint& c : cps) {
        std::array<utf8proc_uint8_t, 4> buf{};
        const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c.cp), buf.data());
        for (utf8proc_ssize_t k = 0; k < n; ++k) {
            out.text.push_back(static_cast<char>(buf[static_cast<std::size_t>(k)]));
            out.origin.push_back(c.start);
            out.origin_end.push_back(c.end);
        }
    }
}

}  // namespace

NormalizedText normalize_for_detection(std::string_view original) {
    NormalizedText out;
    bool ascii = true;
    for (char c : original) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) {
        out.text.assign(original);
        return out;
    }
    out.identity = false;
    const std::vector<CodePoint> decoded = decode(original, out);
    std::vector<CodePoint> folded;
    folded.reserve(decoded.size());
    for (const CodePoint& c : decoded) {
        if (c.cp < 0x80) folded.push_back(c);
        else compat_fold(c, folded);
    }
    fold_lookalikes(folded, out);
    encode(folded, out);
    return out;
}

}  // namespace orlive
