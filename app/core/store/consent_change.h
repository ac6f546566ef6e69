// Consent changes of a case, ended or not: withdrawal cancels what is unsent and schedules the
// deletion of what went out; a downgrade from full holds what is unsent for review again.
// Functions take the caller's Database (one connection per thread).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/redaction_log.h"
#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/case_store.h"
#include "core/store/database.h"

namespace orlive {

struct ConsentChange {
    std::optional<std::int64_t> case_id;  // nothing: the active case
    Consent consent = Consent::None;
    std::string release_ref;               // required for Consent::Full
};

struct ConsentChangeResult {
    std::int64_t case_id = 0;
    int cancelled = 0;  // unsent posts cancelled (withdrawal)
    int held = 0;       // unsent posts held for review again (a downgrade from full)
};

// A post's stored text as it reads under the case's new, lower level: the filter and the
// policy run again over it (the caller owns the filter; the store does not).
struct ReviewedText {
    std::string text;
    int redactions = 0;
    std::string reason;
    std::vector<LogEntry> log;  // one per redaction; post and case ids are filled in here
};
using ReviewUnder = std::function<ReviewedText(const CaseRecord& record, const std::string& text)>;

// Changes consent of any case, ended or not, in one transaction:
// - withdrawal (`none`) cancels every unsent post of the case and schedules the deletion of
//   every sent or in-flight delivery (the schema's trigger);
// - a downgrade from `full` holds every unsent post for review again; `review` (when given)
//   rewrites its text under the new level, otherwise the text stays and only the hold applies.
Result<ConsentChangeResult> change_consent(Database& db, const ConsentChange& change, TimeMs now,
                                           const ReviewUnder& review = {});
// The active case; returns how many posts were cancelled.
Result<int> change_consent(Database& db, Consent consent, const std::string& release_ref, TimeMs now);

}  // namespace orlive
