// UTF-8 text helpers for the PHI filter: case folding, accent stripping and word tokens with byte
// offsets. Pure functions over their arguments; safe to call from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace orlive {

// Unicode case fold + NFC ("José" -> "josé"). Invalid UTF-8 bytes are passed through lowercased.
std::string fold_case(std::string_view text);

// Case fold, then drop combining marks ("Nguyễn" -> "nguyen", "Muñoz" -> "munoz").
std::string fold_plain(std::string_view text);

// The non-empty parts of a hyphenated key ("jean-luc" -> "jean", "luc").
std::vector<std::string> split_hyphens(const std::string& key);

// Decodes UTF-8 into code points (invalid bytes become U+FFFD).
std::u32string decode_utf8(std::string_view text);

// Optimal-string-alignment distance (insert, delete, substitute, swap neighbours) capped at
// limit + 1, on code points.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b, std::size_t limit);

// One word of text: letters, marks and digits, with inner apostrophes and hyphens ("O'Brien",
// "Swan-Ganz"). A trailing possessive "'s" / "’s" / "'" is kept out of core_end.
struct Token {
    std::size_t start = 0;
    std::size_t end = 0;       // byte offset past the whole token (including any possessive)
    std::size_t core_end = 0;  // byte offset past the word without its possessive
    std::string key;           // fold_plain of [start, core_end)
    bool upper_first = false;  // first letter is uppercase
    bool all_upper = false;    // every letter is uppercase (and there are at least two letters)
    bool has_digit = false;
    bool has_letter = false;
    bool possessive = false;
    bool sentence_start = false;  // first word of a sentence, line or bullet
    std::size_t letters = 0;      // code points that are letters
};

std::vector<Token> tokenize(std::string_view text);

// True for ASCII space or tab only (not newline).
inline bool is_inline_space(char c) { return c == ' ' || c == '\t'; }

// The text between two tokens is only spaces/tabs (at most max_len bytes).
bool joined_by_space(std::string_view text, const Token& left, const Token& right,
                     std::size_t max_len = 2);

}  // namespace orlive
