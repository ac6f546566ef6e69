#include "core/privacy/consent_policy.h"

namespace orlive {

namespace {

bool released_by_full_consent(PhiCategory category) {
    return category == PhiCategory::Name || category == PhiCategory::Date || category == PhiCategory::Age;
}

std::string categories_of(const std::vector<PhiSpan>& spans) {
    std::string out;
    for (const PhiSpan& span : spans) {
        std::string name(category_name(span.category));
        if (out.find(name) != std::string::npos) continue;
        if (!out.empty()) out += ", ";
        out += name;
    }
    return out;
}

}  // namespace

PolicyDecision apply_consent_policy(Consent consent, std::string_view text, const std::vector<PhiSpan>& spans) {
    PolicyDecision decision;
    for (const PhiSpan& span : spans) {
        if (consent == Consent::Full && released_by_full_consent(span.category)) {
            decision.released.push_back(span);
            continue;
        }
        decision.redacted.push_back(span);
    }
    decision.text = apply_redactions(text, decision.redacted);
    if (decision.redacted.empty()) {
        decision.state = PostState::Pending;
        return decision;
    }

    std::vector<PhiSpan> patient;
    for (const PhiSpan& span : decision.redacted) {
        if (span.patient_match) patient.push_back(span);
    }
    if (consent == Consent::None && !patient.empty()) {
        decision.state = PostState::Blocked;
        decision.reason = "blocked: the text mentions this case's patient (" + categories_of(patient) +
                          ") and consent is 'none'";
        return decision;
    }
    decision.state = PostState::Held;
    decision.reason = "redacted " + categories_of(decision.redacted) + "; review before it is sent";
    return decision;
}

}  // namespace orlive
