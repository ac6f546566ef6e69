// How platforms count a post's length: user-perceived characters (grapheme clusters, via
// utf8proc), with Mastodon counting every URL as a fixed number of characters. Thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

namespace orlive {

// Grapheme clusters in UTF-8 text; an invalid byte counts as one.
std::size_t count_graphemes(std::string_view utf8);
// Mastodon's StatusLengthValidator: graphemes, with each http(s) URL counted as
// `chars_per_url` whatever its length.
std::size_t mastodon_length(std::string_view utf8, std::size_t chars_per_url);

}  // namespace orlive
