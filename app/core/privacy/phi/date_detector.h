// DateDetector: finds calendar dates in free text (ISO, numeric US/EU, month names, ordinals,
// years next to a birth cue) and parses them so a patient's DOB can be recognised in any format.
// Times of day and durations are never dates. Immutable after construction; find() is const and
// safe from any thread.
#pragma once

#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace orlive {

struct DateReading {
    int year = -1;        // four-digit year, or -1 when absent
    int short_year = -1;  // two-digit year as written ("24"), or -1
    int month = 0;        // 1..12, or 0 when only a year is known
    int day = 0;          // 1..31, or 0
};

struct DateMatch {
    std::size_t start = 0;
    std::size_t end = 0;
    std::vector<DateReading> readings;  // ambiguous numeric dates have two
    const char* rule = "date";
};

class DateDetector {
public:
    DateDetector();
    ~DateDetector();
    DateDetector(const DateDetector&) = delete;
    DateDetector& operator=(const DateDetector&) = delete;

    bool ok() const;
    std::vector<DateMatch> find(std::string_view text) const;

private:
    // One scan per pattern; each appends its matches.
    void scan_iso(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_numeric(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_month_day(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_day_month(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_month_year(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_cue_year(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_cue_short(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_compact(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_bare_month_day(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_glued(std::string_view text, std::vector<DateMatch>& out) const;
    void scan_ordinal_words(std::string_view text, std::vector<DateMatch>& out) const;

    std::unique_ptr<RE2> iso_;
    std::unique_ptr<RE2> numeric_;
    std::unique_ptr<RE2> month_day_;
    std::unique_ptr<RE2> day_month_;
    std::unique_ptr<RE2> month_year_;
    std::unique_ptr<RE2> cue_year_;
    std::unique_ptr<RE2> cue_short_;
    std::unique_ptr<RE2> cue_compact_;
    std::unique_ptr<RE2> bare_month_day_;  // 7/22 (no year, no cue): told apart from scores
    std::unique_ptr<RE2> glued_;           // 05mar1960
    std::unique_ptr<RE2> ordinal_words_;   // the third of may, may third
};

// Parses "YYYY-MM-DD" (the PatientDetails.dob format). Returns false when malformed.
bool parse_iso_date(std::string_view text, DateReading& out);

// True when some reading of the match is that date (year may be absent or two-digit).
bool date_matches(const DateMatch& match, const DateReading& dob);

}  // namespace orlive
