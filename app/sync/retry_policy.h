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

// The longest a platform may make us wait (Retry-After, a rate-limit reset): a longer ask, or a
// date centuries out, would park a case's thread for as long. Past it we ask again, politely.
constexpr TimeMs kMaxPlatformWaitMs = 60 * 60 * 1000;

// `at`, but never later than kMaxPlatformWaitMs after `now`.
TimeMs cap_platform_wait(TimeMs at, TimeMs now);

struct RetryPolicy {
    TimeMs base_ms = 2000;     // the first retry comes after about this long
    TimeMs cap_ms = 300000;    // never wait longer than five minutes between attempts

    // Delay before attempt `attempts + 1`: base * 2^(attempts-1), capped, then "equal jitter"
    // (half fixed, half random) so many devices coming back online do not retry in lockstep.
    TimeMs delay_after(int attempts, std::mt19937_64& rng) const;
    // The later of our own backoff and what the platform asked for (capped at an hour).
    TimeMs next_attempt_at(int attempts, std::optional<TimeMs> platform_says, TimeMs now,
                           std::mt19937_64& rng) const;
};

// Retry-After: delta seconds or an HTTP-date; at most an hour from now.
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
// No readable answer: the server is unreachable, it (or the path) failed mid-request (the whole
// account waits, offline), or its answer was too large (only this post waits).
PublishOutcome transport_outcome(const TransportFailure& failure);

}  // namespace orlive
