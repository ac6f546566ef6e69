#include "core/privacy/phi/utf8_text.h"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace orlive {
namespace {

std::string map_utf8(std::string_view text, int options) {
    if (text.empty()) return {};
    utf8proc_uint8_t* out = nullptr;
    const utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                     static_cast<utf8proc_option_t>(options));
    if (n < 0 || out == nullptr) {
        // Invalid UTF-8: fold ASCII only, keep other bytes.
        std::string s(text);
        for (char& c : s) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        return s;
    }
    std::string s(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    return s;
}

// Decodes one code point at text[i]; returns its length in bytes (>= 1).
std::size_t next_cp(std::string_view text, std::size_t i, utf8proc_int32_t& cp) {
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
        cp = 0xFFFD;
        return 1;
    }
    return static_cast<std::size_t>(n);
}

bool is_letter(utf8proc_int32_t cp) {
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO: return true;
        default: return false;
    }
}

bool is_mark(utf8proc_int32_t cp) {
    const auto cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
           cat == UTF8PROC_CATEGORY_ME;
}

bool is_digit(utf8proc_int32_t cp) { return cp >= '0' && cp <= '9'; }

bool is_word_cp(utf8proc_int32_t cp) { return is_letter(cp) || is_mark(cp) || is_digit(cp); }

bool is_apostrophe(utf8proc_int32_t cp) { return cp == '\'' || cp == 0x2019; }

bool is_hyphen(utf8proc_int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

}  // namespace

std::string fold_case(std::string_view text) {
    return map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string fold_plain(std::string_view text) {
    return map_utf8(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                              UTF8PROC_STRIPMARK);
}

std::u32string decode_utf8(std::string_view text) {
    std::u32string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        i += next_cp(text, i, cp);
        out.push_back(static_cast<char32_t>(cp));
    }
    return out;
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit) {
    const std::size_t n = a.size();
    const std::size_t m = b.size();
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        cur[0] = i;
        std::size_t row_min = cur[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        prev2.swap(prev);
        prev.swap(cur);
    }
    return std::min(prev[m], limit + 1);
}

namespace {

// Reads the word starting at i into tok (letters, case, digits); returns the byte past it.
// Inner apostrophes and hyphens followed by a word character join the word.
std::size_t scan_word(std::string_view text, std::size_t i, Token& tok, std::size_t& uppers) {
    std::size_t j = i;
    bool first_letter_seen = false;
    while (j < text.size()) {
        utf8proc_int32_t c = 0;
        const std::size_t l = next_cp(text, j, c);
        if (is_word_cp(c)) {
            if (is_letter(c)) {
                ++tok.letters;
                tok.has_letter = true;
                const bool up = utf8proc_isupper(c);
                if (up) ++uppers;
                if (!first_letter_seen) {
                    tok.upper_first = up;
                    first_letter_seen = true;
                }
            } else if (is_digit(c)) {
                tok.has_digit = true;
            }
            j += l;
            continue;
        }
        // Inner apostrophe or hyphen followed by a word character joins the word.
        if ((is_apostrophe(c) || is_hyphen(c)) && j + l < text.size()) {
            utf8proc_int32_t nc = 0;
            next_cp(text, j + l, nc);
            if (is_word_cp(nc)) {
                j += l;
                continue;
            }
        }
        break;
    }
    return j;
}

// Possessive ending, all-caps flag and the folded key of a scanned word ending at j.
void finish_token(std::string_view text, Token& tok, std::size_t j, std::size_t uppers) {
    tok.end = j;
    tok.core_end = j;
    tok.all_upper = tok.letters >= 2 && uppers == tok.letters;
    // Possessive: "...'s" / "...’s" at the end, or a bare trailing apostrophe after s.
    const std::string_view word = text.substr(tok.start, tok.end - tok.start);
    auto ends_with = [&](std::string_view suffix) {
        return word.size() > suffix.size() + 1 &&
               word.substr(word.size() - suffix.size()) == suffix;
    };
    if (ends_with("'s") || ends_with("'S")) {
        tok.core_end = tok.end - 2;
        tok.possessive = true;
    } else if (ends_with("\xE2\x80\x99s") || ends_with("\xE2\x80\x99S")) {
        tok.core_end = tok.end - 4;
        tok.possessive = true;
    } else if (j < text.size() && text[j] == '\'' && word.size() > 1 &&
               (word.back() == 's' || word.back() == 'S') &&
               (j + 1 == text.size() || !std::isalnum(static_cast<unsigned char>(text[j + 1])))) {
        tok.end = j + 1;
        tok.possessive = true;
    }
    tok.key = fold_plain(text.substr(tok.start, tok.core_end - tok.start));
    // Apostrophes inside names are dropped ("O'Brien" -> "obrien", as the Census lists it).
    for (std::size_t p = tok.key.find('\''); p != std::string::npos; p = tok.key.find('\'', p)) {
        tok.key.erase(p, 1);
    }
    for (std::size_t p = tok.key.find("\xE2\x80\x99"); p != std::string::npos;
         p = tok.key.find("\xE2\x80\x99", p)) {
        tok.key.erase(p, 3);
    }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    bool at_sentence_start = true;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        const std::size_t len = next_cp(text, i, cp);
        if (!is_word_cp(cp)) {
            if (cp == '.' || cp == '!' || cp == '?' || cp == '\n' || cp == ':' || cp == ';' ||
                cp == 0x2022 || cp == '*' || cp == '|' || cp == '>') {
                at_sentence_start = true;
            } else if (cp == '-' || cp == 0x2013 || cp == 0x2014) {
                // A dash after a line start or spaces acts as a bullet or a clause break.
                at_sentence_start = at_sentence_start || i == 0 ||
                                    (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n'));
            }
            i += len;
            continue;
        }
        Token tok;
        tok.start = i;
        tok.sentence_start = at_sentence_start;
        at_sentence_start = false;
        std::size_t uppers = 0;
        const std::size_t j = scan_word(text, i, tok, uppers);
        finish_token(text, tok, j, uppers);
        tokens.push_back(std::move(tok));
        i = tokens.back().end;
    }
    return tokens;
}

bool joined_by_space(std::string_view text, const Token& left, const Token& right,
                     std::size_t max_len) {
    if (right.start < left.end) return false;
    const std::size_t gap = right.start - left.end;
    if (gap == 0 || gap > max_len) return false;
    for (std::size_t k = left.end; k < right.start; ++k) {
        if (!is_inline_space(text[k])) return false;
    }
    return true;
}

std::vector<std::string> split_hyphens(const std::string& key) {
    std::vector<std::string> parts;
    std::size_t p = 0;
    while (p <= key.size()) {
        std::size_t q = key.find('-', p);
        if (q == std::string::npos) q = key.size();
        if (q > p) parts.push_back(key.substr(p, q - p));
        p = q + 1;
    }
    return parts;
}

}  // namespace orlive
