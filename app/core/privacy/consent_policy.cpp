#include "core/privacy/consent_policy.h"

#include <ctime>

namespace orlive {

namespace {

int number_in(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c >= '0' && c <= '9') value = value * 10 + (c - '0');
        if (value > 1000) break;
    }
    return value;
}

// A full release names one person: only what the matcher tied to the case's patient (or an
// age equal to theirs) is covered. Record numbers stay out even when they are the patient's.
bool released_by_full_consent(const PhiSpan& span, std::string_view text, const ReleaseScope& scope) {
    if (span.category == PhiCategory::Name || span.category == PhiCategory::Date) return span.patient_match;
    if (span.category == PhiCategory::Age) {
        if (!scope.patient_age || span.end > text.size()) return false;
        return number_in(text.substr(span.start, span.end - span.start)) == *scope.patient_age;
    }
    return false;
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

std::optional<int> age_on(const std::string& dob, TimeMs now) {
    if (dob.size() != 10 || dob[4] != '-' || dob[7] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (dob[i] < '0' || dob[i] > '9') return std::nullopt;
    }
    const int year = std::stoi(dob.substr(0, 4));
    const int month = std::stoi(dob.substr(5, 2));
    const int day = std::stoi(dob.substr(8, 2));
    std::time_t seconds = static_cast<std::time_t>(now / 1000);
    std::tm local{};
    if (!localtime_r(&seconds, &local)) return std::nullopt;
    int age = local.tm_year + 1900 - year;
    if (local.tm_mon + 1 < month || (local.tm_mon + 1 == month && local.tm_mday < day)) --age;
    if (age < 0) return std::nullopt;
    return age;
}

PolicyDecision apply_consent_policy(Consent consent, std::string_view text, const std::vector<PhiSpan>& spans,
                                    const ReleaseScope& scope) {
    PolicyDecision decision;
    for (const PhiSpan& span : spans) {
        if (consent == Consent::Full && released_by_full_consent(span, text, scope)) {
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
