// Candidate findings from the individual detectors and the step that turns them into the final
// non-overlapping, sorted PhiSpan list. Pure functions; safe from any thread.
#pragma once

#include <string_view>
#include <vector>

#include "core/privacy/phi_filter.h"

namespace orlive {

struct Candidate {
    PhiSpan span;
    int priority = 0;  // higher wins when candidates overlap
};

// How every detector reports a finding.
inline void add_candidate(std::vector<Candidate>& out, std::size_t start, std::size_t end, PhiCategory category,
                          const char* rule, int priority, bool patient_match = false) {
    PhiSpan span;
    span.start = start;
    span.end = end;
    span.category = category;
    span.rule = rule;
    span.patient_match = patient_match;
    out.push_back({span, priority});
}

// Detector priorities (higher = more specific evidence).
namespace priority {
inline constexpr int kPatient = 100;
inline constexpr int kEmail = 90;
inline constexpr int kUrl = 85;
inline constexpr int kIp = 85;
inline constexpr int kSsn = 80;
inline constexpr int kKeywordId = 78;  // MRN / account / device / vehicle after a keyword
inline constexpr int kCard = 72;
inline constexpr int kPhone = 70;
inline constexpr int kDate = 65;
inline constexpr int kAge = 65;
inline constexpr int kAddress = 60;
inline constexpr int kName = 50;
inline constexpr int kGenericId = 40;
inline constexpr int kLoosePhone = 35;
}  // namespace priority

// Overlapping candidates are merged into one span covering them all (so nothing leaks between
// two partial findings); its category and rule come from the strongest member, and it is a
// patient match if any member is. Adjacent NAME spans (touching or one space apart) are joined.
std::vector<PhiSpan> resolve_candidates(std::string_view text, std::vector<Candidate> candidates);

}  // namespace orlive
