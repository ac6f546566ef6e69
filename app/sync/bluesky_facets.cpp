#include "sync/bluesky_facets.h"

#include <cctype>
#include <string>

namespace orlive {

namespace {
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_trailing_punctuation(char c) { return std::string_view(".,;:!?)'\"").find(c) != std::string_view::npos; }
}  // namespace

nlohmann::json hashtag_facets(std::string_view text) {
    nlohmann::json facets = nlohmann::json::array();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '#' || (i > 0 && !is_space(text[i - 1]))) continue;
        std::size_t end = i + 1;
        while (end < text.size() && !is_space(text[end])) ++end;
        while (end > i + 1 && is_trailing_punctuation(text[end - 1])) --end;
        const std::string tag(text.substr(i + 1, end - i - 1));
        const bool digits_only = tag.find_first_not_of("0123456789") == std::string::npos;
        if (!tag.empty() && !digits_only && tag.size() <= 640) {
            facets.push_back({{"index", {{"byteStart", i}, {"byteEnd", end}}},
                              {"features", nlohmann::json::array({{{"$type", "app.bsky.richtext.facet#tag"},
                                                                   {"tag", tag}}})}});
        }
        i = end;
    }
    return facets;
}

}  // namespace orlive
