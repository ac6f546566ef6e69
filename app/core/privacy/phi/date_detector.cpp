// [SECTION] index
//   Helpers: month names, ordinals, score words, validity
//   Scans: one function per written form (ISO, numeric, month names, cues, bare m/d, words)
#include "core/privacy/phi/date_detector.h"

#include <cctype>
#include <string>

#include "core/privacy/phi/regex_scan.h"

namespace orlive {
namespace {

const std::string kMonth =
    "((?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))";
const std::string kYear = "((?:19|20)\\d\\d|'\\d\\d)";
const std::string kDay = "(\\d{1,2})(?:st|nd|rd|th)?";
// Words that introduce a date of birth or an event date.
const std::string kBirthCue =
    "(?i:born(?:\\s+(?:in|on))?|b\\.|dob|d\\.o\\.b\\.?|date\\s+of\\s+birth|birth\\s*date|"
    "birthday|year\\s+of\\s+birth|birth\\s+year)";
const std::string kDateCue =
    "(?i:on|dob|d\\.o\\.b\\.?|born|since|dated?|admitted|discharged|dos|due|from|until|by|b-?day|birthday|bday's)";
// Clinical events a note dates: "extubated 3/6", "cath on 12-3" (the "on" is the cue there).
const std::string kEventCue =
    "(?i:extubated|intubated|started|stopped|placed|removed|performed|scheduled|planned|seen|transferred|"
    "operated|surgery|cath|d/?c'?d|last|next|today|tomorrow|yesterday|"
    "mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|saturday|sunday)";

// A year in words after a date in words: "nineteen fifty two", "two thousand and three".
const std::string kUnitWord = "(?:one|two|three|four|five|six|seven|eight|nine)";
const std::string kTeenWord = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)";
const std::string kTensWord = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
const std::string kYearWords =
    "(?i:,?[ \\t]+(?:(?:nineteen|twenty)[ \\t-]+(?:" + kTeenWord + "|(?:oh[ \\t-]+)?" + kUnitWord + "|" +
    kTensWord + "(?:[ \\t-]+" + kUnitWord + ")?|hundred)|two[ \\t]+thousand(?:[ \\t]+(?:and[ \\t]+)?(?:" +
    kTeenWord + "|" + kTensWord + "(?:[ \\t-]+" + kUnitWord + ")?|" + kUnitWord + "))?))?";

const std::string kOrdinalWord =
    "((?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "twenty[ -]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[ -]?first))";

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    }
    return v;
}

int month_from_name(std::string_view name) {
    static const char* const kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                         "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string lower;
    for (std::size_t i = 0; i < name.size() && i < 3; ++i) {
        lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(name[i]))));
    }
    for (int i = 0; i < 12; ++i) {
        if (lower == kNames[i]) return i + 1;
    }
    return 0;
}

// Month words that are also ordinary words need care: "may", "mar", "dec" (decrease), "jan".
bool month_word_acceptable(std::string_view name, bool has_year) {
    const bool lower = !name.empty() && std::islower(static_cast<unsigned char>(name[0]));
    if (!lower) return true;
    if (name.size() <= 3) return has_year && name != "may";
    if (name.size() == 4 && (name == "sept" || name == "june" || name == "july")) return true;
    return true;
}

// 1..31 for an ordinal word ("third" = 3, "twenty-first" = 21), 0 when unknown.
int ordinal_value(std::string_view word) {
    static const char* const kUnits[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                         "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                         "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
                                         "nineteenth", "twentieth"};
    std::string w;
    for (char c : word) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    int base = 0;
    if (w.rfind("twenty", 0) == 0 && w != "twentieth") base = 20;
    if (w.rfind("thirty", 0) == 0) base = 30;
    if (w == "thirtieth") return 30;
    if (base > 0) w = w.substr(6);
    while (!w.empty() && (w[0] == ' ' || w[0] == '-')) w.erase(0, 1);
    for (int i = 0; i < 20; ++i) {
        if (w == kUnits[i]) return base + i + 1;
    }
    return 0;
}

// Words before a "a/b" that make it a score or a reading, not a date: "pain 3/14", "GCS 9/15".
bool after_score_word(std::string_view text, std::size_t start) {
    std::size_t k = start;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t' || text[k - 1] == ':' || text[k - 1] == '=')) --k;
    std::size_t w = k;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    std::string word;
    for (std::size_t i = w; i < k; ++i) word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    static const char* const kScores[] = {"pain", "score", "scored", "gcs", "strength", "scale", "rated", "rating",
                                          "power", "motor", "vas", "nrs", "mmt", "apgar", "ratio", "grade", "of",
                                          "aldrete", "rass", "bp", "was", "is", "at", "x", "mews", "fraction"};
    for (const char* s : kScores) {
        if (word == s) return true;
    }
    return false;
}

// "2-3 times", "3-4 pillows": a range of a count, not a date.
bool followed_by_count(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    std::string w;
    for (std::size_t k = i; k < j; ++k) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[k]))));
    static const char* const kCounts[] = {"times", "x", "occasions", "episodes", "attempts", "pillows", "puffs",
                                          "tabs", "tablets", "caps", "drops", "beats", "breaths", "stools", "voids",
                                          "sets", "reps", "people", "visitors", "liters", "litres", "loops", "bags"};
    for (const char* c : kCounts) {
        if (w == c) return true;
    }
    return false;
}

// "on may 3", "until may 12": a preposition of time before a lowercase "may" makes it the month.
bool after_date_preposition(std::string_view text, std::size_t start) {
    std::size_t k = start;
    while (k > 0 && (text[k - 1] == ' ' || text[k - 1] == '\t')) --k;
    std::size_t w = k;
    while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1]))) --w;
    std::string word;
    for (std::size_t i = w; i < k; ++i) word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
    static const char* const kPrepositions[] = {"on", "until", "till", "til", "since", "from", "by", "before",
                                                "after", "of", "due", "next", "last", "this", "thru", "through"};
    for (const char* p : kPrepositions) {
        if (word == p) return true;
    }
    return false;
}

bool valid_day(int month, int day) {
    static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}

void set_year(DateReading& r, std::string_view y) {
    if (y.empty()) return;
    if (y[0] == '\'') {
        r.short_year = to_int(y.substr(1));
    } else if (y.size() == 2) {
        r.short_year = to_int(y);
    } else {
        r.year = to_int(y);
    }
}

// Character before start / after end must not continue a number ("1.2.3.4", "12/10/2024/5").
bool isolated(std::string_view text, std::size_t start, std::size_t end) {
    if (start > 0) {
        const char p = text[start - 1];
        if (std::isdigit(static_cast<unsigned char>(p))) return false;
        if ((p == '.' || p == '/' || p == '-' || p == ':') && start > 1 &&
            std::isdigit(static_cast<unsigned char>(text[start - 2]))) {
            return false;
        }
    }
    if (end < text.size()) {
        const char n = text[end];
        if (std::isdigit(static_cast<unsigned char>(n))) return false;
        if ((n == '.' || n == '/' || n == '-' || n == ':') && end + 1 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[end + 1]))) {
            return false;
        }
    }
    return true;
}

// "5 mg", "3 h", "10 min" right after a day number means it is not a date.
bool followed_by_unit(std::string_view text, std::size_t pos) {
    std::size_t i = pos;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) ++j;
    if (j == i) return i < text.size() && text[i] == '%';
    std::string w;
    for (std::size_t k = i; k < j; ++k) {
        w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[k]))));
    }
    static const char* const kUnits[] = {"mg", "mcg", "g", "kg", "ml", "l", "cc", "u", "unit",
                                         "units", "cm", "mm", "min", "mins", "minutes", "h",
                                         "hr", "hrs", "hour", "hours", "day", "days", "week",
                                         "weeks", "mmhg", "bpm", "mmol", "meq", "iu"};
    for (const char* u : kUnits) {
        if (w == u) return true;
    }
    return false;
}

std::unique_ptr<RE2> compile(const std::string& pattern) {
    return std::make_unique<RE2>(pattern, regex_options());
}

}  // namespace

DateDetector::DateDetector()
    : iso_(compile("\\b((?:19|20)\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})\\b")),
      numeric_(compile("\\b(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})\\b")),
      month_day_(compile("\\b" + kMonth + "\\.?[ \\t]+" + kDay +
                         "\\b(?:(?:,[ \\t]*|[ \\t]+)" + kYear + "\\b)?")),
      day_month_(compile("\\b" + kDay + "(?:[ \\t]+of)?(?:[ \\t]+|-)" + kMonth +
                         "\\b\\.?(?:(?:,?[ \\t]+|-)" + kYear + "\\b)?")),
      month_year_(compile("\\b" + kMonth + "\\.?,?[ \\t]+((?:19|20)\\d\\d)\\b")),
      cue_year_(compile("\\b" + kBirthCue + "[ \\t]*[:\\-]?[ \\t]*(?:in[ \\t]+)?((?:19|20)\\d\\d)\\b")),
      cue_short_(compile("\\b(?:(" + kEventCue + ")[ \\t]+)?(" + kDateCue + "|" + kEventCue +
                         ")[ \\t]*:?[ \\t]*(\\d{1,2})([/\\-])(\\d{1,2})\\b")),
      cue_compact_(compile("\\b" + kBirthCue + "[ \\t]*[:\\-]?[ \\t]*(\\d{8})\\b")),
      bare_month_day_(compile("\\b(\\d{1,2})/(\\d{1,2})\\b")),
      glued_(compile("\\b(\\d{1,2})" + kMonth + "(\\d{4}|\\d{2})\\b")),
      ordinal_words_(compile("\\b(?:" + kOrdinalWord + "[ \\t]+of[ \\t]+" + kMonth + "|" + kMonth +
                             "\\.?[ \\t]+(?:the[ \\t]+)?" + kOrdinalWord + ")" + kYearWords + "\\b")) {}

DateDetector::~DateDetector() = default;

bool DateDetector::ok() const {
    for (const auto* re : {&iso_, &numeric_, &month_day_, &day_month_, &month_year_, &cue_year_,
                           &cue_short_, &cue_compact_, &bare_month_day_, &glued_, &ordinal_words_}) {
        if (!(*re)->ok()) return false;
    }
    return true;
}

// ==== [SECTION] Scans ===========================================================================

// YYYY-MM-DD
void DateDetector::scan_iso(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<4>(*iso_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (!isolated(text, s, e)) return;
        DateReading r;
        r.year = to_int(group_view(g[1]));
        r.month = to_int(group_view(g[2]));
        r.day = to_int(group_view(g[3]));
        if (!valid_day(r.month, r.day)) return;
        out.push_back({s, e, {r}, "date-iso"});
    });
}

// 03/05/2024, 3-5-24, 05.03.2024: month/day order is ambiguous, keep both readings.
void DateDetector::scan_numeric(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<4>(*numeric_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (!isolated(text, s, e)) return;
        const int a = to_int(group_view(g[1]));
        const int b = to_int(group_view(g[2]));
        DateMatch m{s, e, {}, "date-numeric"};
        DateReading us;
        set_year(us, group_view(g[3]));
        DateReading eu = us;
        us.month = a;
        us.day = b;
        eu.month = b;
        eu.day = a;
        if (valid_day(us.month, us.day)) m.readings.push_back(us);
        if (a != b && valid_day(eu.month, eu.day)) m.readings.push_back(eu);
        if (!m.readings.empty()) out.push_back(std::move(m));
    });
}

// March 5, 2024 / Mar 5th / March 5 '24
void DateDetector::scan_month_day(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<4>(*month_day_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]);
        std::size_t e = group_end(text, g[0]);
        const bool has_year = group_matched(g[3]);
        // A lowercase month before a day number is a date ("dec 12") unless it is the verb "may"
        // and words run on ("may 2 tabs").
        const std::size_t after = group_end(text, g[0]);
        const bool phrase_ends = after >= text.size() || std::ispunct(static_cast<unsigned char>(text[after])) ||
                                 text[after] == '\n';
        const bool verb_may = group_view(g[1]) == "may" && !phrase_ends && !after_date_preposition(text, s);
        if (verb_may || (group_view(g[1]) != "may" && !month_word_acceptable(group_view(g[1]), true))) return;
        DateReading r;
        r.month = month_from_name(group_view(g[1]));
        r.day = to_int(group_view(g[2]));
        if (!valid_day(r.month, r.day)) return;
        if (has_year) {
            set_year(r, group_view(g[3]));
        } else if (followed_by_unit(text, group_end(text, g[2])) ||
                   (group_end(text, g[2]) < text.size() &&
                    (text[group_end(text, g[2])] == ':' || text[group_end(text, g[2])] == '.') &&
                    group_end(text, g[2]) + 1 < text.size() &&
                    std::isdigit(static_cast<unsigned char>(text[group_end(text, g[2]) + 1])))) {
            return;  // "May 5 mg", "Mar 5:30"
        } else {
            e = group_end(text, g[0]);
        }
        out.push_back({s, e, {r}, "date-month-name"});
    });
}

// 5 March 2024 / 5th of March / 05-Mar-24
void DateDetector::scan_day_month(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<4>(*day_month_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (s > 0 && (std::isdigit(static_cast<unsigned char>(text[s - 1])) || text[s - 1] == '.' ||
                      text[s - 1] == ':' || text[s - 1] == '/')) {
            return;
        }
        const bool has_year = group_matched(g[3]);
        const bool of_form = group_view(g[0]).find(" of") != std::string_view::npos;  // "3rd of may"
        if (!month_word_acceptable(group_view(g[2]), has_year || of_form)) return;
        DateReading r;
        r.day = to_int(group_view(g[1]));
        r.month = month_from_name(group_view(g[2]));
        if (!valid_day(r.month, r.day)) return;
        if (has_year) set_year(r, group_view(g[3]));
        out.push_back({s, e, {r}, "date-month-name"});
    });
}

// March 2024
void DateDetector::scan_month_year(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<3>(*month_year_, text, [&](const auto& g) {
        if (!month_word_acceptable(group_view(g[1]), true)) return;
        DateReading r;
        r.month = month_from_name(group_view(g[1]));
        r.year = to_int(group_view(g[2]));
        out.push_back({group_begin(text, g[0]), group_end(text, g[0]), {r}, "date-month-year"});
    });
}

// born 1950, DOB: 1950 -> the year only.
void DateDetector::scan_cue_year(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<2>(*cue_year_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[1]), e = group_end(text, g[1]);
        if (!isolated(text, s, e)) return;
        DateReading r;
        r.year = to_int(group_view(g[1]));
        out.push_back({s, e, {r}, "date-birth-year"});
    });
}

// After a cue: "admitted 3/4", "extubated 3/6", "cath on 12-3". A dash makes it a range as often
// as a date ("on 2-3 L", "on 3-4 pillows"), so it counts after an event word, or when the day
// can only be a day (13..31).
void DateDetector::scan_cue_short(std::string_view text, std::vector<DateMatch>& out) const {
    static const RE2 event("^" + kEventCue + "$");
    for_each_match<6>(*cue_short_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[3]), e = group_end(text, g[5]);
        if (!isolated(text, s, e) || followed_by_unit(text, e)) return;
        const int a = to_int(group_view(g[3]));
        const int b = to_int(group_view(g[5]));
        const bool after_event = group_matched(g[1]) || RE2::FullMatch(group_view(g[2]), event);
        if (group_view(g[4]) == "-" && ((b < 13 && !after_event) || followed_by_count(text, e))) return;
        DateMatch m{s, e, {}, "date-numeric"};
        if (valid_day(a, b)) m.readings.push_back({-1, -1, a, b});
        if (a != b && valid_day(b, a)) m.readings.push_back({-1, -1, b, a});
        if (!m.readings.empty()) out.push_back(std::move(m));
    });
}

// DOB 19600305 / 03051960
void DateDetector::scan_compact(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<2>(*cue_compact_, text, [&](const auto& g) {
        const std::string_view d = group_view(g[1]);
        DateMatch m{group_begin(text, g[1]), group_end(text, g[1]), {}, "date-compact"};
        const int y1 = to_int(d.substr(0, 4)), m1 = to_int(d.substr(4, 2)), d1 = to_int(d.substr(6, 2));
        if (y1 >= 1900 && valid_day(m1, d1)) m.readings.push_back({y1, -1, m1, d1});
        const int a = to_int(d.substr(0, 2)), b = to_int(d.substr(2, 2)), y2 = to_int(d.substr(4, 4));
        if (y2 >= 1900 && valid_day(a, b)) m.readings.push_back({y2, -1, a, b});
        if (y2 >= 1900 && valid_day(b, a)) m.readings.push_back({y2, -1, b, a});
        if (!m.readings.empty()) out.push_back(std::move(m));
    });
}

// 7/22, 10/15 with no year and no cue: the day must be 13..31 (so a/b with b <= 12 stays a
// fraction or score) and no score word may come before it ("pain 3/14", "GCS 9/15").
void DateDetector::scan_bare_month_day(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<3>(*bare_month_day_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (!isolated(text, s, e) || followed_by_unit(text, e) || after_score_word(text, s)) return;
        const int month = to_int(group_view(g[1]));
        const int day = to_int(group_view(g[2]));
        if (day < 13 || !valid_day(month, day)) return;
        out.push_back({s, e, {{-1, -1, month, day}}, "date-month-day"});
    });
}

// 05mar1960, 12Dec23
void DateDetector::scan_glued(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<4>(*glued_, text, [&](const auto& g) {
        DateReading r;
        r.day = to_int(group_view(g[1]));
        r.month = month_from_name(group_view(g[2]));
        if (!valid_day(r.month, r.day)) return;
        set_year(r, group_view(g[3]));
        out.push_back({group_begin(text, g[0]), group_end(text, g[0]), {r}, "date-glued"});
    });
}

// "the third of may", "May twenty-first"; a lowercase "may" before an ordinal is the verb.
void DateDetector::scan_ordinal_words(std::string_view text, std::vector<DateMatch>& out) const {
    for_each_match<5>(*ordinal_words_, text, [&](const auto& g) {
        const bool of_form = group_matched(g[1]);
        const std::string_view month = of_form ? group_view(g[2]) : group_view(g[3]);
        if (!of_form && month == "may") return;
        DateReading r;
        r.month = month_from_name(month);
        r.day = ordinal_value(of_form ? group_view(g[1]) : group_view(g[4]));
        if (!valid_day(r.month, r.day)) return;
        out.push_back({group_begin(text, g[0]), group_end(text, g[0]), {r}, "date-words"});
    });
}

std::vector<DateMatch> DateDetector::find(std::string_view text) const {
    std::vector<DateMatch> out;
    scan_iso(text, out);
    scan_numeric(text, out);
    scan_month_day(text, out);
    scan_day_month(text, out);
    scan_month_year(text, out);
    scan_cue_year(text, out);
    scan_cue_short(text, out);
    scan_compact(text, out);
    scan_bare_month_day(text, out);
    scan_glued(text, out);
    scan_ordinal_words(text, out);
    return out;
}

bool parse_iso_date(std::string_view text, DateReading& out) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    out.year = to_int(text.substr(0, 4));
    out.month = to_int(text.substr(5, 2));
    out.day = to_int(text.substr(8, 2));
    out.short_year = out.year % 100;
    return valid_day(out.month, out.day);
}

bool date_matches(const DateMatch& match, const DateReading& dob) {
    for (const DateReading& r : match.readings) {
        if (r.month == 0) {
            if (r.year == dob.year) return true;  // "born in 1960"
            continue;
        }
        if (r.month != dob.month) continue;
        if (r.day != 0 && r.day != dob.day) continue;
        if (r.day == 0 && r.year != dob.year) continue;  // "March 1960" needs the year
        if (r.year != -1 && r.year != dob.year) continue;
        if (r.short_year != -1 && r.short_year != dob.year % 100) continue;
        return true;
    }
    return false;
}

}  // namespace orlive
