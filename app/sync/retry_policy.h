// RetryPolicy: when to try a delivery again. Exponential backoff with jitter, and the parsing
// of what platforms say about when to come back (Retry-After, rate-limit reset headers).
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <random>
#include <string>

#include "core/base/clock.h"
#include "sync/http_client.h"
#include "sync/publisher.h"

namespace orlive {

struct RetryPolicy {
    TimeMs base_ms = 2000;     // the first retry comes after about this long
    TimeMs cap_ms = 300000;    // never wait longer than five minutes between attempts

    // Delay before attempt `attempts + 1`: base * 2^(attempts-1), capped, then "equal jitter"
    // (half fixed, half random) so many devices coming back online do not retry in lockstep.
    TimeMs delay_after(int attempts, std::mt19937_64& rng) const;
    // The later of our own backoff and what the platform asked for.
    TimeMs next_attempt_at(int attempts, std::optional<TimeMs> platform_says, TimeMs now,
                           std::mt19937_64& rng) const;
};

// Retry-After: delta seconds or an HTTP-date.
std::optional<TimeMs> parse_retry_after(const std::string& value, TimeMs now);
// "2026-11-25T14:05:09.123Z" or with a +hh:mm offset (Mastodon's X-RateLimit-Reset).
std::optional<TimeMs> parse_iso8601(const std::string& value);
// Unix seconds (Bluesky's RateLimit-Reset).
std::optional<TimeMs> parse_unix_seconds(const std::string& value);

// 408, 425, 429 and 5xx may succeed later; other 4xx will not.
bool is_transient_status(long status);

// The outcome for an HTTP answer that was not a success. `platform_error` is the platform's
// own message (already extracted from its body); `rate_reset` when its headers say when the
// limit resets. 429 and 503 pause the whole account.
PublishOutcome failure_outcome(const HttpResponse& response, const std::string& platform_name,
                               const std::string& platform_error, std::optional<TimeMs> rate_reset, TimeMs now);
// No answer at all: the server is unreachable, or it (or the path) failed mid-request.
PublishOutcome transport_outcome(const Error& error);

}  // namespace orlive
