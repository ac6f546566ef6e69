#include "core/privacy/phi/span_resolver.h"

#include <algorithm>

namespace orlive {
namespace {

// Strongest member of a cluster: highest priority, then longest.
bool stronger(const Candidate& a, const Candidate& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return (a.span.end - a.span.start) > (b.span.end - b.span.start);
}

}  // namespace

std::vector<PhiSpan> resolve_candidates(std::string_view text, std::vector<Candidate> candidates) {
    candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                    [&](const Candidate& c) {
                                        return c.span.start >= c.span.end ||
                                               c.span.end > text.size();
                                    }),
                     candidates.end());
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        if (a.span.start != b.span.start) return a.span.start < b.span.start;
        return a.span.end > b.span.end;
    });
    std::vector<PhiSpan> out;
    std::size_t i = 0;
    while (i < candidates.size()) {
        std::size_t cluster_end = candidates[i].span.end;
        std::size_t j = i + 1;
        while (j < candidates.size() && candidates[j].span.start < cluster_end) {
            cluster_end = std::max(cluster_end, candidates[j].span.end);
            ++j;
        }
        // Prefer a member that covers the whole cluster; otherwise the strongest member.
        const Candidate* best = nullptr;
        bool patient = false;
        const Candidate* patient_member = nullptr;
        for (std::size_t k = i; k < j; ++k) {
            const Candidate& c = candidates[k];
            if (c.span.patient_match) {
                patient = true;
                if (patient_member == nullptr || stronger(c, *patient_member)) patient_member = &c;
            }
            if (best == nullptr || stronger(c, *best)) best = &c;
        }
        PhiSpan merged = best->span;
        merged.start = candidates[i].span.start;
        merged.end = cluster_end;
        merged.patient_match = patient;
        if (patient_member != nullptr && patient_member->span.category == merged.category) {
            merged.rule = patient_member->span.rule;
        }
        out.push_back(std::move(merged));
        i = j;
    }
    // Join "[NAME] [NAME]" into one span when separated by a single space.
    std::vector<PhiSpan> joined;
    for (PhiSpan& s : out) {
        if (!joined.empty()) {
            PhiSpan& last = joined.back();
            if (last.category == PhiCategory::Name && s.category == PhiCategory::Name &&
                (s.start == last.end || (s.start == last.end + 1 && text[last.end] == ' '))) {
                last.end = s.end;
                if (s.patient_match && !last.patient_match) last.rule = s.rule;
                last.patient_match = last.patient_match || s.patient_match;
                continue;
            }
        }
        joined.push_back(std::move(s));
    }
    return joined;
}

}  // namespace orlive
