#include "sync/retry_policy.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <ctime>
#include <limits>

namespace orlive {

namespace {

// now + delta without overflow (a clock or a header near the end of time).
TimeMs add_saturating(TimeMs now, TimeMs delta) {
    if (delta > 0 && now > std::numeric_limits<TimeMs>::max() - delta) return std::numeric_limits<TimeMs>::max();
    return now + delta;
}

}  // namespace

TimeMs cap_platform_wait(TimeMs at, TimeMs now) { return std::min(at, add_saturating(now, kMaxPlatformWaitMs)); }

TimeMs RetryPolicy::delay_after(int attempts, std::mt19937_64& rng) const {
    const TimeMs cap = std::max<TimeMs>(1, cap_ms);
    TimeMs delay = std::clamp<TimeMs>(base_ms, 1, cap);
    // Doubling stops at the cap, so it can neither overflow nor loop long for a huge count.
    for (int i = 1; i < attempts && delay < cap; ++i) delay = delay > cap / 2 ? cap : delay * 2;
    std::uniform_int_distribution<TimeMs> jitter(0, std::max<TimeMs>(1, delay / 2));
    return delay / 2 + jitter(rng);
}

TimeMs RetryPolicy::next_attempt_at(int attempts, std::optional<TimeMs> platform_says, TimeMs now,
                                    std::mt19937_64& rng) const {
    TimeMs ours = add_saturating(now, delay_after(attempts, rng));
    // Never earlier than the platform asked, even beyond our cap (asking earlier only earns
    // another 429), but never more than an hour out.
    return platform_says ? std::max(ours, cap_platform_wait(*platform_says, now)) : ours;
}

namespace {

constexpr long long kMaxWaitSeconds = kMaxPlatformWaitMs / 1000;
// 9999-12-31T23:59:59Z: later dates are nonsense, and their milliseconds could overflow.
constexpr long long kLastSecond = 253402300799LL;

std::optional<long long> parse_int(const std::string& text) {
    long long value = 0;
    const char* begin = text.data();
    const char* end = begin + text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(*begin))) ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(end[-1]))) --end;
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || ptr != end || begin == end) return std::nullopt;
    return value;
}

}  // namespace

std::optional<TimeMs> parse_retry_after(const std::string& value, TimeMs now) {
    if (auto seconds = parse_int(value)) {
        if (*seconds < 0) return std::nullopt;
        return add_saturating(now, std::min(*seconds, kMaxWaitSeconds) * 1000);
    }
    // Discord sends fractional seconds ("1.5").
    char* end = nullptr;
    const double fractional = std::strtod(value.c_str(), &end);
    if (end && end != value.c_str() && *end == '\0' && fractional >= 0)  // NaN fails >= 0
        return add_saturating(now, static_cast<TimeMs>(std::min(fractional, double(kMaxWaitSeconds)) * 1000.0));
    std::tm tm{};
    if (!strptime(value.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm)) return std::nullopt;
    const long long seconds = static_cast<long long>(timegm(&tm));
    if (seconds < 0 || seconds > kLastSecond) return std::nullopt;
    return cap_platform_wait(seconds * 1000, now);
}

std::optional<TimeMs> parse_iso8601(const std::string& value) {
    std::tm tm{};
    const char* rest = strptime(value.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    if (!rest) return std::nullopt;
    const long long seconds = static_cast<long long>(timegm(&tm));
    if (seconds < 0 || seconds > kLastSecond) return std::nullopt;
    TimeMs ms = seconds * 1000;
    if (*rest == '.') {
        ++rest;
        int digits = 0;
        TimeMs fraction = 0;
        while (std::isdigit(static_cast<unsigned char>(*rest))) {
            if (digits < 3) fraction = fraction * 10 + (*rest - '0'), ++digits;
            ++rest;
        }
        while (digits < 3) fraction *= 10, ++digits;
        ms += fraction;
    }
    if (*rest == 'Z' || *rest == 'z') return ms;
    int hours = 0, minutes = 0;
    char sign = 0;
    if (std::sscanf(rest, "%c%2d:%2d", &sign, &hours, &minutes) == 3 && (sign == '+' || sign == '-')) {
        TimeMs offset = (hours * 60 + minutes) * 60000LL;
        return sign == '+' ? ms - offset : ms + offset;
    }
    return std::nullopt;
}

std::optional<TimeMs> parse_unix_seconds(const std::string& value) {
    auto seconds = parse_int(value);
    if (!seconds || *seconds <= 0 || *seconds > kLastSecond) return std::nullopt;
    return *seconds * 1000;
}

bool is_transient_status(long status) { return status == 408 || status == 425 || status == 429 || status >= 500; }

PublishOutcome failure_outcome(const HttpResponse& response, const std::string& platform_name,
                               const std::string& platform_error, std::optional<TimeMs> rate_reset, TimeMs now) {
    std::string text = platform_name + " answered " + std::to_string(response.status);
    if (!platform_error.empty()) text += ": " + platform_error;
    PublishOutcome outcome = is_transient_status(response.status) ? PublishOutcome::transient(text)
                                                                   : PublishOutcome::permanent(text);
    if (outcome.kind == PublishOutcome::Kind::Transient) {
        std::optional<TimeMs> when = parse_retry_after(response.header("retry-after"), now);
        if (!when && response.status == 429) when = rate_reset;
        if (when) when = cap_platform_wait(*when, now);  // a reset in 9999 is no reason to wait
        outcome.retry_at = when;
        outcome.account_wide = response.status == 429 || response.status == 503;
    }
    return outcome;
}

PublishOutcome transport_outcome(const TransportFailure& failure) {
    PublishOutcome outcome = PublishOutcome::transient(failure.message);
    outcome.no_answer = failure.kind == TransportFailure::Kind::NoAnswer;
    outcome.account_wide = outcome.no_answer;
    return outcome;
}

}  // namespace orlive
