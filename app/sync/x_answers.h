// Typed readers for what the X API v2 answers: an error's own words, the id in {"data":{"id"}}
// (GET /2/users/me, POST /2/tweets), and a user's tweets (GET /2/users/{id}/tweets). Pure
// functions of the body; they never throw, and ids are given only when safe in a request path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/base/clock.h"
#include "core/base/result.h"

namespace orlive {

// X's own words from an error body: "detail", else "title", else errors[0].message; cut short
// on a character boundary like every platform's error text.
std::string x_error_text(const std::string& body);

// {"data":{"id":"…"}}; nothing when absent or unsafe.
std::optional<std::string> parse_x_data_id(std::string_view body);

struct XTweet {
    std::string id;                // always path-safe
    std::string text;
    std::string replied_to_id;     // referenced_tweets[type=replied_to].id
    std::optional<TimeMs> created; // created_at when readable
};

// {"data":[…]} (absent "data": the account has no tweets). An error when it is unreadable.
Result<std::vector<XTweet>> parse_x_tweets(std::string_view body);

// The tweet `tweet` replies to (referenced_tweets[type=replied_to].id), empty when it stands
// alone or the reference is unreadable.
std::string x_replied_to_id(const nlohmann::json& tweet);

// Tweet text with X's &amp;, &lt; and &gt; undone: the words as their author typed them.
std::string x_plain_text(const std::string& text);

// X returns tweet text with &, < and > escaped and URLs rewritten to t.co links: this is the
// text with the entities undone and every URL as one token, for comparing ours with theirs.
std::string x_comparable_text(const std::string& text);

}  // namespace orlive
