// A first filter: the active case's patient details, phone numbers, emails and dates.
// The full Safe Harbor filter replaces it behind the same interface.
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "core/phi_filter.h"

namespace orlive {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

void find_all(const RE2& pattern, std::string_view text, PhiCategory category, const char* rule,
              std::vector<PhiSpan>& out) {
    re2::StringPiece input(text.data(), text.size());
    re2::StringPiece match;
    std::size_t offset = 0;
    while (offset <= text.size() &&
           pattern.Match(input, offset, text.size(), RE2::UNANCHORED, &match, 1)) {
        std::size_t start = static_cast<std::size_t>(match.data() - text.data());
        std::size_t end = start + match.size();
        if (end == start) {
            offset = start + 1;
            continue;
        }
        out.push_back({start, end, category, rule, false});
        offset = end;
    }
}

class BasicPhiFilter final : public PhiFilter {
public:
    std::vector<PhiSpan> find(std::string_view text, const FilterContext& context) const override {
        std::vector<PhiSpan> spans;
        find_all(email_, text, PhiCategory::Email, "email", spans);
        find_all(phone_, text, PhiCategory::Phone, "phone", spans);
        find_all(date_, text, PhiCategory::Date, "date", spans);
        find_patient_words(text, context, spans);
        std::sort(spans.begin(), spans.end(), [](const PhiSpan& a, const PhiSpan& b) {
            return a.start != b.start ? a.start < b.start : a.end > b.end;
        });
        std::vector<PhiSpan> merged;
        for (const PhiSpan& span : spans) {
            if (!merged.empty() && span.start < merged.back().end) {
                merged.back().end = std::max(merged.back().end, span.end);
                merged.back().patient_match = merged.back().patient_match || span.patient_match;
                continue;
            }
            merged.push_back(span);
        }
        return merged;
    }

private:
    static void find_patient_words(std::string_view text, const FilterContext& context, std::vector<PhiSpan>& out) {
        std::string haystack = lower(text);
        auto mark = [&](const std::string& needle, PhiCategory category, const char* rule) {
            if (needle.size() < 2) return;
            for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) {
                bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(haystack[at - 1]));
                std::size_t end = at + needle.size();
                bool word_end = end >= haystack.size() || !std::isalnum(static_cast<unsigned char>(haystack[end]));
                if (word_start && word_end) out.push_back({at, end, category, rule, true});
            }
        };
        for (const std::string& name : context.patient.names) {
            std::string full = lower(name);
            mark(full, PhiCategory::Name, "patient-name");
            std::size_t start = 0;
            while (start < full.size()) {
                std::size_t space = full.find(' ', start);
                std::string part = full.substr(start, space == std::string::npos ? std::string::npos : space - start);
                if (part.size() >= 2) mark(part, PhiCategory::Name, "patient-name");
                if (space == std::string::npos) break;
                start = space + 1;
            }
        }
        if (!context.patient.mrn.empty()) mark(lower(context.patient.mrn), PhiCategory::Mrn, "patient-mrn");
        if (!context.patient.dob.empty()) mark(context.patient.dob, PhiCategory::Date, "patient-dob");
    }

    RE2 email_{R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"};
    RE2 phone_{R"((?:\+?1[ .-]?)?(?:\(\d{3}\)\s?|\b\d{3}[ .-])\d{3}[ .-]\d{4}\b)"};
    RE2 date_{R"(\b(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4})\b)"};
};

}  // namespace

Result<std::unique_ptr<PhiFilter>> load_phi_filter(const std::filesystem::path&) {
    return std::unique_ptr<PhiFilter>(std::make_unique<BasicPhiFilter>());
}

}  // namespace orlive
