// The consent policy: given what the filter found, decide what may leave the device.
// Pure function; the redaction log (issue 3) records its decisions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

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

// none: anything matching the case's own patient blocks the post; other findings are redacted.
// deidentified: every finding is redacted. full (release on file): names, dates and ages may go
// out, but record numbers, SSNs, accounts, addresses and contact details never do.
PolicyDecision apply_consent_policy(Consent consent, std::string_view text, const std::vector<PhiSpan>& spans);

}  // namespace orlive
