// Cases: one procedure being followed, its consent level and the patient details the filter
// must catch. Functions take the caller's Database (one connection per thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/store/consent.h"
#include "core/store/database.h"
#include "core/privacy/phi_filter.h"
#include "core/base/result.h"

namespace orlive {

struct CaseStart {
    std::string procedure_id;
    Consent consent = Consent::None;
    std::string release_ref;               // required for Consent::Full
    PatientDetails patient;
    std::vector<std::string> staff;        // allow-listed: never redacted
    std::vector<std::string> hashtags;     // without '#'; added to the procedure's own
    std::string surgeon;                   // public name for {surgeon}; also allow-listed
};

struct CaseRecord {
    std::int64_t id = 0;
    std::string procedure_id;
    Consent consent = Consent::None;
    std::string release_ref;
    PatientDetails patient;
    std::vector<std::string> staff;
    std::vector<std::string> hashtags;
    std::string surgeon;
    TimeMs started_at = 0;
    std::optional<TimeMs> ended_at;

    // What the filter needs to know about this case.
    FilterContext filter_context(const std::vector<std::string>& extra_allow = {}) const;
};

// Strict reading of `{"names":[...],"mrn":"...","dob":"YYYY-MM-DD"}` (orlivectl case start
// --patient-stdin): every key optional, nothing else allowed, wrong types are errors.
Result<PatientDetails> parse_patient_json(const std::string& text);

// Fails when a case is already active, the release reference is missing for full consent,
// or the DOB is not YYYY-MM-DD. `procedure_id` is checked by the caller against the catalog.
Result<std::int64_t> start_case(Database& db, const CaseStart& start, TimeMs now);
// Ends the active case; its unsent posts stay queued and are still delivered.
Result<std::int64_t> end_active_case(Database& db, TimeMs now);
Result<std::optional<CaseRecord>> active_case(Database& db);
Result<std::optional<CaseRecord>> find_case(Database& db, std::int64_t case_id);
// A case as the compliance officer's list shows it: no patient details.
struct CaseSummary {
    std::int64_t id = 0;
    std::string procedure_id;
    Consent consent = Consent::None;
    TimeMs started_at = 0;
    std::optional<TimeMs> ended_at;
};
// The latest cases, newest first.
Result<std::vector<CaseSummary>> recent_cases(Database& db, int limit);
// The case that ended last, if any (the one whose transcript the Feed screen offers).
Result<std::optional<std::int64_t>> latest_ended_case(Database& db);

}  // namespace orlive
