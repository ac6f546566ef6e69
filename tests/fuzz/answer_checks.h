// Shared by the platform-answer fuzzers: what every parsed field and every error text must
// satisfy, whatever bytes a platform sent.
#pragma once

#include <string>
#include <vector>

#include "core/base/utf8.h"
#include "fuzz_check.h"
#include "sync/graph_answers.h"
#include "sync/http_client.h"
#include "sync/platform_error.h"
#include "sync/retry_policy.h"

namespace orlive::fuzz {

constexpr TimeMs kNow = 1'760'000'000'000;

// The platform's words as stored for `queue --json`: valid UTF-8, short, no control bytes.
inline void check_error_text(const std::string& body) {
    const std::string text = platform_error_text(body);
    FUZZ_CHECK(is_valid_utf8(text), "platform error text is valid UTF-8");
    FUZZ_CHECK(text.size() <= 240, "platform error text is cut short");
    for (unsigned char c : text) FUZZ_CHECK(c >= 0x20 && c != 0x7f, "no control bytes in error text");
}

// An error answer with the input as its body and in its timing headers: never an exception,
// and never a wait past the one-hour cap.
inline void check_failure(const std::string& input, const char* platform, std::optional<TimeMs> reset) {
    for (long status : {429L, 503L, 422L}) {
        HttpResponse response;
        response.status = status;
        response.body = input;
        response.headers["retry-after"] = input;
        const PublishOutcome outcome = failure_outcome(response, platform, platform_error_text(input), reset, kNow);
        FUZZ_CHECK(is_valid_utf8(outcome.error), "failure text is valid UTF-8");
        if (outcome.retry_at) {
            FUZZ_CHECK(*outcome.retry_at <= kNow + kMaxPlatformWaitMs, "Retry-After is capped at an hour");
        }
        std::mt19937_64 rng(1);
        const TimeMs next = RetryPolicy{}.next_attempt_at(3, outcome.retry_at, kNow, rng);
        FUZZ_CHECK(next > kNow && next <= kNow + kMaxPlatformWaitMs, "next attempt within the hour");
    }
}

inline void check_field(const std::string& value, const char* what) {
    FUZZ_CHECK(is_valid_utf8(value), what);
}

// Followers' replies as a paged reader gives them (Facebook, X, Threads): the id and the
// comment an answer goes under are safe in a request path; the words are valid UTF-8.
inline void check_follower_replies(const std::vector<FollowerReply>& replies) {
    for (const FollowerReply& reply : replies) {
        FUZZ_CHECK(is_path_safe_id(reply.remote.id), "a reply's id is safe in a request path");
        FUZZ_CHECK(reply.remote.cid.empty() || is_path_safe_id(reply.remote.cid), "an answer's target is path-safe");
        check_field(reply.in_reply_to, "in_reply_to is valid UTF-8");
        check_field(reply.author, "reply author is valid UTF-8");
        check_field(reply.text, "reply text is valid UTF-8");
    }
}

}  // namespace orlive::fuzz
