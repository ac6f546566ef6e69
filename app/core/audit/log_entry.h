// Redaction-log entries and the verify report as values (no database types): what the log
// stores, the compliance screen shows and `log export` writes. The log itself is
// core/audit/redaction_log.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/base/clock.h"

namespace orlive {

// What happened. "redacted": replaced before going out. "blocked": the post was refused.
// "released": found, but let out under full consent. "approved"/"discarded": the coordinator's
// decision on a held post. "consent-change", "sign-off", "seal": about the case or the log.
namespace log_action {
inline constexpr const char* kRedacted = "redacted";
inline constexpr const char* kBlocked = "blocked";
inline constexpr const char* kReleased = "released";
inline constexpr const char* kApproved = "approved";
inline constexpr const char* kDiscarded = "discarded";
inline constexpr const char* kConsentChange = "consent-change";
inline constexpr const char* kSignOff = "sign-off";
inline constexpr const char* kSeal = "seal";
inline constexpr const char* kPinFailed = "pin-failed";      // a wrong compliance PIN
inline constexpr const char* kReviewOpened = "review-opened"; // the compliance screen was unlocked
inline constexpr const char* kRestoredOtherKey = "restore-other-key"; // a backup from another device key
inline constexpr const char* kAdminPinFailed = "admin-pin-failed";    // a wrong admin PIN
inline constexpr const char* kRestoredSpan = "restored";              // review: a redaction put back
inline constexpr const char* kRedactedByHand = "redacted-by-hand";    // review: a word redacted by tap
inline constexpr const char* kQuestionHidden = "question-hidden";     // a follower's question hidden (never its text)
}  // namespace log_action

struct LogEntry {
    TimeMs at = 0;
    std::optional<std::int64_t> case_id;
    std::optional<std::int64_t> post_id;
    std::string category;   // "NAME", … or empty
    std::string rule;
    std::string action;
    std::int64_t start = -1;  // UTF-8 byte offsets into the original text, end exclusive
    std::int64_t end = -1;
    std::string span_hmac;    // HMAC-SHA-256 (hex) of the original span
    std::string detail;       // never PHI
};

struct StoredLogEntry {
    std::int64_t seq = 0;
    LogEntry entry;
    std::string prev_hash;
    std::string hash;
};

struct VerifyReport {
    bool intact = true;
    std::int64_t entries = 0;
    std::int64_t head_seq = 0;
    std::string head_hash;
    std::string problem;  // names the first bad entry
};

}  // namespace orlive
