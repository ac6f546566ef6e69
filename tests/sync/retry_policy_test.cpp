#include "sync/retry_policy.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/compose/text_length.h"
#include "sync/tid.h"

namespace orlive {
namespace {

TEST(RetryPolicy, BacksOffExponentiallyWithJitterUpToTheCap) {
    RetryPolicy policy;
    policy.base_ms = 1000;
    policy.cap_ms = 8000;
    std::mt19937_64 rng(42);
    for (int round = 0; round < 50; ++round) {
        TimeMs first = policy.delay_after(1, rng);
        TimeMs third = policy.delay_after(3, rng);
        TimeMs late = policy.delay_after(30, rng);
        EXPECT_GE(first, 500);
        EXPECT_LE(first, 1000);
        EXPECT_GE(third, 2000);
        EXPECT_LE(third, 4000);
        EXPECT_GE(late, 4000);
        EXPECT_LE(late, 8000);
    }
}

TEST(RetryPolicy, NeverEarlierThanThePlatformAsked) {
    RetryPolicy policy;
    std::mt19937_64 rng(1);
    const TimeMs now = 1'000'000;
    EXPECT_GE(policy.next_attempt_at(1, now + 600'000, now, rng), now + 600'000);
    EXPECT_LE(policy.next_attempt_at(1, std::nullopt, now, rng), now + policy.base_ms);
}

TEST(RetryPolicy, ParsesRetryAfterAndRateLimitResets) {
    EXPECT_EQ(parse_retry_after("120", 1000), 121000);
    EXPECT_EQ(parse_retry_after("1.5", 1000), 2500);
    EXPECT_EQ(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 1445412480000 - 60000), 1445412480000);
    EXPECT_FALSE(parse_retry_after("soon", 0));
    EXPECT_EQ(parse_iso8601("2015-10-21T07:28:00.250Z"), 1445412480250);
    EXPECT_EQ(parse_iso8601("2015-10-21T09:28:00+02:00"), 1445412480000);
    EXPECT_FALSE(parse_iso8601("yesterday"));
    EXPECT_EQ(parse_unix_seconds("1445412480"), 1445412480000);
}

TEST(RetryPolicy, ClassifiesStatuses) {
    for (long status : {408L, 425L, 429L, 500L, 502L, 503L, 504L}) EXPECT_TRUE(is_transient_status(status)) << status;
    for (long status : {400L, 401L, 403L, 404L, 422L}) EXPECT_FALSE(is_transient_status(status)) << status;
}

// One answer must not park a case's thread for years, nor overflow the arithmetic.
TEST(RetryPolicy, WhatAPlatformAsksForIsCappedAtAnHour) {
    const TimeMs now = 1'760'000'000'000;
    const TimeMs hour = kMaxPlatformWaitMs;
    EXPECT_EQ(parse_retry_after("120", now), now + 120'000);
    EXPECT_EQ(parse_retry_after("31536000", now), now + hour);             // a year
    EXPECT_EQ(parse_retry_after("9223372036854775807", now), now + hour);  // would overflow * 1000
    EXPECT_EQ(parse_retry_after("1e300", now), now + hour);
    EXPECT_EQ(parse_retry_after("inf", now), now + hour);
    EXPECT_EQ(parse_retry_after("nan", now), std::nullopt);
    EXPECT_EQ(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", now), now + hour);
    EXPECT_EQ(parse_unix_seconds("9223372036854775807"), std::nullopt);   // * 1000 would overflow
    EXPECT_EQ(parse_iso8601("99999-01-01T00:00:00Z"), std::nullopt);
    RetryPolicy policy;
    std::mt19937_64 rng(7);
    const TimeMs centuries = now + 100LL * 365 * 24 * hour;
    EXPECT_LE(policy.next_attempt_at(1, centuries, now, rng), now + hour);
    EXPECT_GE(policy.next_attempt_at(1, now + hour / 2, now, rng), now + hour / 2);  // still honoured
    EXPECT_EQ(cap_platform_wait(std::numeric_limits<TimeMs>::max(), now), now + hour);
    // A 429 without Retry-After falls back on the rate-limit reset: capped too (a fuzz finding).
    HttpResponse limited;
    limited.status = 429;
    const PublishOutcome outcome = failure_outcome(limited, "Mastodon", "", parse_iso8601("9999-01-01T00:00:00Z"), now);
    ASSERT_TRUE(outcome.retry_at.has_value());
    EXPECT_EQ(*outcome.retry_at, now + hour);
}

TEST(RetryPolicy, BackoffCannotOverflow) {
    std::mt19937_64 rng(7);
    RetryPolicy huge;
    huge.base_ms = std::numeric_limits<TimeMs>::max() / 3;
    huge.cap_ms = std::numeric_limits<TimeMs>::max();
    for (int attempts : {1, 2, 3, 64, std::numeric_limits<int>::max()}) {
        const TimeMs delay = huge.delay_after(attempts, rng);
        EXPECT_GT(delay, 0) << attempts;
        EXPECT_LE(delay, huge.cap_ms) << attempts;
    }
    RetryPolicy normal;
    EXPECT_LE(normal.delay_after(std::numeric_limits<int>::max(), rng), normal.cap_ms);
    const TimeMs end_of_time = std::numeric_limits<TimeMs>::max() - 10;
    EXPECT_EQ(normal.next_attempt_at(5, std::nullopt, end_of_time, rng), std::numeric_limits<TimeMs>::max());
}

TEST(TextLength, CountsGraphemesNotBytesOrCodePoints) {
    EXPECT_EQ(count_graphemes("abc"), 3u);
    EXPECT_EQ(count_graphemes("café"), 4u);
    EXPECT_EQ(count_graphemes("e\xCC\x81"), 1u);                     // e + combining acute
    EXPECT_EQ(count_graphemes("👩‍⚕️"), 1u);                             // ZWJ sequence
    EXPECT_EQ(count_graphemes("🇬🇧🇫🇷"), 2u);                           // two flags
    EXPECT_EQ(mastodon_length("see https://example.org/a/very/long/path ok", 23), 4u + 23u + 3u);
}

TEST(Tid, IsThirteenSortableCharacters) {
    std::string early = make_tid(1'700'000'000'000'000, 5);
    std::string later = make_tid(1'700'000'000'000'001, 5);
    EXPECT_TRUE(is_valid_tid(early));
    EXPECT_EQ(early.size(), 13u);
    EXPECT_LT(early, later);
    EXPECT_NE(make_tid(1'700'000'000'000'000, 6), early);
}

}  // namespace
}  // namespace orlive
