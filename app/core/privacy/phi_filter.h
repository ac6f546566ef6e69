// The PHI filter interface: finds protected health information in outgoing text.
// Implementations are pure functions of (text, context) and are safe to call from any thread
// once constructed.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orlive {

// The HIPAA Safe Harbor identifier categories that can occur in free text (README, "The PHI filter").
enum class PhiCategory {
    Name, Date, Age, Phone, Email, Ssn, Mrn, Account, Address, Url, Ip, DeviceId, Vehicle, OtherId
};

// "NAME", "DATE", ... exactly as the contract spells them.
std::string_view category_name(PhiCategory category);
std::optional<PhiCategory> parse_category(std::string_view name);

// One finding. Offsets are UTF-8 byte offsets into the filtered text, end exclusive.
struct PhiSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    PhiCategory category = PhiCategory::OtherId;
    std::string rule;             // which detector fired, e.g. "patient-name", "phone-us"
    bool patient_match = false;   // true when it matched the active case's own patient details
};

// What the filter knows about the active case.
struct PatientDetails {
    std::vector<std::string> names;  // full names as given ("Maria Lopez"); parts are matched too
    std::string mrn;                 // any formatting; matched ignoring separators
    std::string dob;                 // YYYY-MM-DD; matched in any common date format
};

struct FilterContext {
    PatientDetails patient;
    std::vector<std::string> allow;  // staff names that must never be redacted
};

class PhiFilter {
public:
    virtual ~PhiFilter() = default;
    // Non-overlapping spans sorted by start.
    virtual std::vector<PhiSpan> find(std::string_view text, const FilterContext& context) const = 0;
};

// Replaces each span with "[CATEGORY]". Spans must be sorted and non-overlapping.
std::string apply_redactions(std::string_view text, const std::vector<PhiSpan>& spans);

}  // namespace orlive

#include <filesystem>
#include <memory>

#include "core/base/result.h"

namespace orlive {

// The filter ORLive ships, with its word lists from `assets_dir`. Fails with a clear message
// when the lists are missing, so nothing is ever posted unfiltered.
Result<std::unique_ptr<PhiFilter>> load_phi_filter(const std::filesystem::path& assets_dir);

}  // namespace orlive
