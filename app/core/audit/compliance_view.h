// What the compliance screen shows: the log filter, the page of entries and the chain's
// status, as values (no database types). ComplianceDesk (compliance_desk.h) fills it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/log_entry.h"
#include "core/base/clock.h"

namespace orlive {

enum class LogRange { Today, Week, All };

struct LogFilter {
    LogRange range = LogRange::Week;
    std::string action;    // empty: any
    std::string category;  // empty: any
};

struct LogRow {
    StoredLogEntry stored;
    std::string post_text;  // the post as it went out (redacted): the entry's context
};

// A recent case in the officer's list, where consent can be withdrawn (no patient details).
struct CaseListRow {
    std::int64_t id = 0;
    std::string procedure;          // the template's name
    std::string consent;            // none | deidentified | full
    TimeMs started_at = 0;
    std::optional<TimeMs> ended_at;
};

struct ComplianceView {
    bool pin_configured = false;
    bool unlocked = false;
    int failed_attempts = 0;
    TimeMs locked_until = 0;  // wrong-PIN lockout
    LogFilter filter;
    std::vector<LogRow> rows;          // newest first
    std::optional<VerifyReport> verify;
    TimeMs verified_at = 0;
    std::int64_t head_seq = 0;
    std::int64_t last_signed_off = 0;  // highest entry covered by a sign-off
    std::string last_export;           // path of the last export
    std::vector<CaseListRow> cases;    // recent cases, newest first (only while unlocked)
};

}  // namespace orlive
