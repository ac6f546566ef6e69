// Hashtag facets for Bluesky posts: app.bsky.richtext.facet#tag with UTF-8 byte offsets into
// the text (the '#' included), the tag itself without '#'. Pure.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace orlive {

// A JSON array of facets, empty when the text has no hashtag. Like Bluesky's own clients:
// a tag starts at the text's start or after whitespace, ends at whitespace, drops trailing
// punctuation, and an all-digit tag is not a tag.
nlohmann::json hashtag_facets(std::string_view text);

}  // namespace orlive
