// SafeHarborFilter: the PhiFilter that finds every HIPAA Safe Harbor identifier that can occur in
// an OR update (names, dates, ages over 89, contact details, record/account/device/vehicle
// numbers, URLs, IPs, addresses) plus the active patient's own details. Construction loads the
// name lists (slowish); find() is const, allocation-light and safe to call from any thread.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "core/privacy/phi/address_detector.h"
#include "core/privacy/phi/age_detector.h"
#include "core/privacy/phi/contact_detector.h"
#include "core/privacy/phi/date_detector.h"
#include "core/privacy/phi/identifier_detector.h"
#include "core/privacy/phi/name_detector.h"
#include "core/privacy/phi/name_lexicon.h"
#include "core/privacy/phi/patient_matcher.h"
#include "core/privacy/phi/text_normalizer.h"
#include "core/privacy/phi_filter.h"
#include "core/base/result.h"

namespace orlive {

class SafeHarborFilter : public PhiFilter {
public:
    explicit SafeHarborFilter(NameLexicon lexicon);
    SafeHarborFilter(const SafeHarborFilter&) = delete;
    SafeHarborFilter& operator=(const SafeHarborFilter&) = delete;

    // False if a built-in pattern failed to compile (a programming error).
    bool ok() const;

    std::vector<PhiSpan> find(std::string_view text, const FilterContext& context) const override;

private:
    // The detectors on the normalised text (offsets into it).
    std::vector<PhiSpan> find_normalized(std::string_view text, const FilterContext& context) const;
    static void add_review_spans(const NormalizedText& normalized, std::vector<PhiSpan>& spans);

    NameLexicon lexicon_;
    DateDetector dates_;
    AgeDetector ages_;
    ContactDetector contacts_;
    IdentifierDetector identifiers_;
    AddressDetector addresses_;
    NameDetector names_;
    PatientMatcher patient_;
};

// Loads the name lists from assets_dir/names/ and builds the filter. Returns an Error naming the
// missing or corrupt file.
Result<std::unique_ptr<PhiFilter>> load_safe_harbor_filter(const std::filesystem::path& assets_dir);

}  // namespace orlive
