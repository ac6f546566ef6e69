// The consent policy: given what the filter found, decide what may leave the device.
// Pure function; the redaction log records its decisions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/store/case_store.h"
#include "core/store/outbox.h"
#include "core/privacy/phi_filter.h"

namespace orlive {

struct PolicyDecision {
    PostState state = PostState::Pending;  // Pending (clean), Held (redacted, needs review) or Blocked
    std::string text;                      // what would go out: never holds a redacted span
    std::vector<PhiSpan> redacted;         // the spans replaced in `text`
    std::vector<PhiSpan> released;         // found, but let out under full consent
    std::string reason;                    // why held or blocked, for the coordinator
};

// What the signed release covers besides the spans the patient matcher attributed to the
// patient: the patient's age, known only when a date of birth was given.
struct ReleaseScope {
    std::optional<int> patient_age;
};

// none: anything matching the case's own patient blocks the post; other findings are redacted.
// deidentified: every finding is redacted. full (release on file): the patient's own names,
// dates (the matcher's patient spans) and age may go out; everything else, including a third
// party's name or date, is redacted as under deidentified, and record numbers, SSNs, accounts,
// addresses and contact details never go out.
PolicyDecision apply_consent_policy(Consent consent, std::string_view text, const std::vector<PhiSpan>& spans,
                                    const ReleaseScope& scope = {});

// Whole years from a YYYY-MM-DD date of birth to `now` (local calendar); nothing when the
// date is missing or malformed.
std::optional<int> age_on(const std::string& dob, TimeMs now);

}  // namespace orlive
