// What Meta's Graph APIs (Facebook Pages, Threads) share: the error body
// {"error":{"message","type","code","error_subcode","fbtrace_id"}} and what its codes mean
// for delivery, the usage headers that say when a throttled app may call again, and typed,
// checked readers for the small answers ({"id":…}, {"data":[…]}) that never throw.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "core/base/clock.h"
#include "sync/http_client.h"
#include "sync/publisher.h"

namespace orlive {

struct GraphError {
    long code = 0;
    long subcode = 0;
    std::string message;
};

// Nothing when the body is not a Graph error.
std::optional<GraphError> parse_graph_error(const std::string& body);

// Graph error codes: 190 the token expired or was revoked; 4, 17, 32, 613 (and 80001-80014,
// the business use case limits) rate limits; 506 a duplicate post; 1, 2 temporary trouble.
bool is_graph_rate_limit(long code);
constexpr long kGraphTokenInvalid = 190;
constexpr long kGraphDuplicatePost = 506;

// When the throttled app may call again, from X-Business-Use-Case-Usage / X-App-Usage
// ({"…":[{"estimated_time_to_regain_access": minutes}]}); nothing when the headers do not say.
std::optional<TimeMs> graph_regain_access_at(const HttpResponse& response, TimeMs now);

// The outcome for a Graph answer that was not a success (other than a duplicate, which the
// caller looks up): 190 needs re-authorisation and pauses the account; rate limits pause it
// until the usage headers say; the rest as their HTTP status says. Never contains a token.
PublishOutcome graph_failure(const HttpResponse& response, const std::string& platform, TimeMs now);

// Graph's "2026-12-02T05:00:00+0000" (also with "+00:00" or "Z").
std::optional<TimeMs> parse_graph_time(const std::string& value);

// A string member, or a number member written as text (Graph ids are strings, but be lenient).
std::optional<std::string> json_string_member(const nlohmann::json& object, const char* key);

}  // namespace orlive
