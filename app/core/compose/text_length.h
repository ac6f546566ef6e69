// How platforms count a post's length: user-perceived characters (grapheme clusters, via
// utf8proc), with Mastodon counting every URL as a fixed number of characters; X's weighted
// characters; code points. Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace orlive {

// Grapheme clusters in UTF-8 text; an invalid byte counts as one.
std::size_t count_graphemes(std::string_view utf8);
// Mastodon's StatusLengthValidator: graphemes, with each http(s) URL counted as
// `chars_per_url` whatever its length.
std::size_t mastodon_length(std::string_view utf8, std::size_t chars_per_url);
// X's weighted length (twitter-text 3): after NFC, code points in U+0000-U+10FF and a few
// punctuation ranges count 1, every other code point 2 (CJK among them), an emoji sequence 2
// as a whole, and each http(s) URL 23. X allows 280 (length_limits.h).
std::size_t x_weighted_length(std::string_view utf8);
// Unicode code points (Threads counts 500 of them): the UTF-8 bytes that start one.
std::size_t count_code_points(std::string_view utf8);

}  // namespace orlive
