#include "core/privacy/phi/identifier_detector.h"

#include <cctype>
#include <string>

#include "core/privacy/phi/regex_scan.h"

namespace orlive {
namespace {


bool luhn_ok(std::string_view s) {
    int sum = 0;
    bool dbl = false;
    std::size_t n = 0;
    for (std::size_t i = s.size(); i-- > 0;) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) continue;
        int d = s[i] - '0';
        if (dbl) {
            d *= 2;
            if (d > 9) d -= 9;
        }
        sum += d;
        dbl = !dbl;
        ++n;
    }
    return n >= 13 && n <= 19 && sum % 10 == 0;
}

// An identifier after a keyword: optional letter prefix, then digit groups separated by single
// spaces, dashes, dots or slashes ("12-345-678", "AB 123 456", "W123456789").
// Groups joined by "-", "." or "/" may be letters only ("4471-AB-22"); a group after a space
// needs a digit, so the identifier does not swallow the next word.
const std::string kId =
    "(#?[ \\t]*(?:[A-Za-z]{1,4}[ \\t\\-]?)?\\d[0-9A-Za-z]*(?:[\\-./][0-9A-Za-z]+|[ \\t](?:[\\-][ \\t])?"
    "[0-9A-Za-z]*\\d[0-9A-Za-z]*)*)";
// Keyword tail: "number", "no.", "#", "id", ":" and "is".
const std::string kTail =
    "\\b\\.?(?:[ \\t]*(?i:numbers?|num|nos?\\.?|nr|#|identifier|ids?|code)\\b\\.?)?[ \\t]*[:#=]?[ \\t]*"
    "(?:(?i:is|was|of)[ \\t]+)?";

}  // namespace

IdentifierDetector::IdentifierDetector() {
    const RE2::Options o = regex_options();
    auto rule = [&](const std::string& keywords, PhiCategory cat, const char* name,
                    std::size_t min_digits) {
        keyword_rules_.push_back(
            {std::make_unique<RE2>("\\b" + keywords + kTail + kId, o), cat, name, min_digits});
    };
    // Keywords that end in punctuation ("plate:", "MR#") cannot use the \b of kTail.
    auto punct_rule = [&](const std::string& keywords, PhiCategory cat, const char* name,
                          std::size_t min_digits) {
        keyword_rules_.push_back({std::make_unique<RE2>("\\b" + keywords + "[ \\t]*" + kId, o),
                                  cat, name, min_digits});
    };
    punct_rule("(?i:plates?|tag)[ \\t]*[:#]", PhiCategory::Vehicle, "vehicle-keyword", 1);
    // A UK registration ("car reg AB12 CDE"): its second group has no digit, so kId stops early.
    keyword_rules_.push_back({std::make_unique<RE2>("\\b(?i:reg(?:istration)?|plates?|number[ \\t]+plate)\\.?"
                                                    "(?:[ \\t]+(?i:no\\.?|number|is))?[ \\t]*[:#]?[ \\t]*"
                                                    "([A-Z]{2}\\d{2}[ \\t]?[A-Z]{3})\\b", o),
                              PhiCategory::Vehicle, "vehicle-keyword", 2});
    // "case #2023-00451": a record number; "case #3" is the day's third case, so five digits.
    punct_rule("(?i:case|encounter|visit|admission)[ \\t]*#", PhiCategory::Mrn, "mrn-keyword", 5);
    // "plate 7ABC123": a bare "plate" only before a registration-like token (upper-case letters
    // and digits mixed), never before "3.5 mm" or "6-hole" (orthopaedic plates).
    // An optional state prefix and one inner dash: "plate MA 4XK-291", "plate MI ABC-1234".
    // Also "tag 4GH-721" and the letters-space-digits form "plate ABC 1234".
    keyword_rules_.push_back({std::make_unique<RE2>("\\b(?i:plates?|tag)[ \\t]+((?:[A-Z]{2}[ \\t\\-]+)?(?:[A-Z]+-?[0-9]|[0-9]+-?[A-Z])"
                                                    "[A-Z0-9]{0,6}(?:-[A-Z0-9]{1,5})?|[A-Z]{2,3}[ \\t]\\d{3,4})\\b", o),
                              PhiCategory::Vehicle, "vehicle-keyword", 1});
    // "SSN last four 6789", "last 4 of her social: 6789": part of a social security number.
    keyword_rules_.push_back({std::make_unique<RE2>("\\b(?i:ssn|social(?:[ \\t]+security)?(?:[ \\t]+(?:number|no\\.?|#))?)"
                                                    "[ \\t]*(?i:last[ \\t]+(?:4|four)(?:[ \\t]+digits)?)[ \\t]*(?:(?i:is|are)[ \\t]+)?[:#]?[ \\t]*(\\d{4})\\b", o),
                              PhiCategory::Ssn, "ssn-last-four", 1});
    // A patient's bed or room: specific numbers only ("bed 13A", "rm 5123", "room is 4123"); "OR 7", "room 4"
    // and "Bed 4" name a theatre or a bay that says nothing about who is in it.
    keyword_rules_.push_back({std::make_unique<RE2>("\\b(?i:bed|bay|rm|room)[ \\t]*#?[ \\t]*(?:(?i:is|number|no\\.?)[ \\t]+)?((?:\\d{3,5}[A-Za-z]?|\\d{1,2}[A-Za-z])(?:-\\d{1,3}[A-Za-z]?)?)\\b", o),
                              PhiCategory::OtherId, "bed-room", 1});
    rule("(?i:accession|acc|path(?:ology)?[ \\t]+(?:no|number|id|accession)|specimen[ \\t]+(?:no|number|id)|"
         "requisition|req|lab[ \\t]+(?:no|number|id))",
         PhiCategory::OtherId, "accession-keyword", 4);
    punct_rule("(?i:mr|mrn)#", PhiCategory::Mrn, "mrn-keyword", 4);
    punct_rule("(?i:ss|ssn)#", PhiCategory::Ssn, "ssn-keyword", 7);
    rule("(?i:mrn|mr|medical[ \\t]+record(?:s)?|med(?:ical)?[ \\t]*rec(?:ord)?|"
         "chart|record|hospital|hosp|patient[ \\t]+(?:id|number|no)|"
         "pt[ \\t]+(?:id|no)|unit[ \\t]+(?:number|no)|urn|nhs|chi|ehr[ \\t]+id|emr[ \\t]+id|"
         "encounter|fin|visit|case[ \\t]+(?:number|no|id))",
         PhiCategory::Mrn, "mrn-keyword", 4);
    rule("(?i:ssn|ss|social[ \\t]+security(?:[ \\t]+card)?|sin|social[ \\t]+insurance)",
         PhiCategory::Ssn, "ssn-keyword", 7);
    rule("(?i:account|acct|a/c|billing|invoice|claim|policy|member(?:ship)?|subscriber|"
         "group|health[ \\t]+plan|plan|insurance|insurer|beneficiary|medicaid|medicare|hicn|mbi|"
         "credit[ \\t]+card|debit[ \\t]+card|card|iban|routing|bank|insured)",
         PhiCategory::Account, "account-keyword", 4);
    rule("(?i:licen[cs]e[ \\t]+plate|number[ \\t]+plate|plate[ \\t]+(?:number|no)|"
         "reg(?:istration)?[ \\t]+(?:plate|number|no)|tag[ \\t]+(?:number|no)|vin|"
         "vehicle(?:[ \\t]+id)?)",
         PhiCategory::Vehicle, "vehicle-keyword", 1);
    rule("(?i:licen[cs]e|lic|driver'?s?[ \\t]+licen[cs]e|dl|dea|npi|certificate|cert|"
         "passport|permit|badge|employee|staff[ \\t]+id)",
         PhiCategory::OtherId, "licence-keyword", 4);
    rule("(?i:s/n|sn|serial|device(?:[ \\t]+(?:id|serial))?|"
         "lot|imei|udi|asset(?:[ \\t]+tag)?|implant(?:[ \\t]+(?:id|serial))?|pacemaker|"
         "catalog(?:ue)?|model|mac[ \\t]+address)",
         PhiCategory::DeviceId, "device-keyword", 3);
    ssn_ = std::make_unique<RE2>("\\b\\d{3}-\\d{2}-\\d{4}\\b|\\b\\d{3} \\d{2} \\d{4}\\b", o);
    card_ = std::make_unique<RE2>("\\b(?:\\d{4}[ \\-]?){3}\\d{1,7}\\b|\\b\\d{13,19}\\b", o);
    iban_ = std::make_unique<RE2>("\\b[A-Z]{2}\\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\\b", o);
    vin_ = std::make_unique<RE2>("\\b[A-HJ-NPR-Z0-9]{17}\\b", o);
    long_number_ = std::make_unique<RE2>("#?\\b\\d{7,}\\b", o);
    // A network card's hardware address: "00:1B:44:11:3A:B7", "00-1b-44-11-3a-b7".
    mac_ = std::make_unique<RE2>("\\b(?:(?:[0-9A-Fa-f]{2}:){5}|(?:[0-9A-Fa-f]{2}-){5})[0-9A-Fa-f]{2}\\b", o);
    // A GS1 unique device identifier: "(01)00844588003288(17)141120(10)7654321D", each part kept.
    udi_ = std::make_unique<RE2>("\\(01\\)\\d{14}(?:\\(\\d{2,4}\\)[0-9A-Za-z\\-]{1,20})*", o);
    alnum_id_ = std::make_unique<RE2>("\\b[A-Za-z]{1,4}-?\\d{5,}[A-Za-z]?\\b|#\\d{5,}\\b", o);
}

IdentifierDetector::~IdentifierDetector() = default;

bool IdentifierDetector::ok() const {
    for (const auto& r : keyword_rules_) {
        if (!r.re->ok()) return false;
    }
    for (const auto* re : {&ssn_, &card_, &iban_, &vin_, &long_number_, &alnum_id_, &mac_, &udi_}) {
        if (!(*re)->ok()) return false;
    }
    return true;
}

void IdentifierDetector::find(std::string_view text, std::vector<Candidate>& out) const {
    for (const KeywordRule& r : keyword_rules_) {
        for_each_match<2>(*r.re, text, [&](const auto& g) {
            std::size_t s = group_begin(text, g[1]);
            const std::size_t e = group_end(text, g[1]);
            const std::string_view id = text.substr(s, e - s);
            if (count_digits(id) < r.min_digits) return;
            // Values that are really times, doses or vitals ("14:05", "5 mg") never get here
            // because the keyword must come right before them.
            if (r.category == PhiCategory::Vehicle && id.size() < 3) return;
            while (s < e && (text[s] == '#' || text[s] == ' ' || text[s] == '\t')) ++s;
            add_candidate(out, s, e, r.category, r.rule, priority::kKeywordId);
        });
    }
    for_each_match<1>(*ssn_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (s > 0 && (text[s - 1] == '-' || text[s - 1] == '+')) return;
        if (e < text.size() && text[e] == '-' && e + 1 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[e + 1]))) {
            return;
        }
        add_candidate(out, s, e, PhiCategory::Ssn, "ssn", priority::kSsn);
    });
    for_each_match<1>(*card_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (!luhn_ok(text.substr(s, e - s))) return;
        add_candidate(out, s, e, PhiCategory::Account, "payment-card", priority::kCard);
    });
    for_each_match<1>(*iban_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (count_digits(text.substr(s, e - s)) < 8) return;
        add_candidate(out, s, e, PhiCategory::Account, "iban", priority::kCard);
    });
    for_each_match<1>(*vin_, text, [&](const auto& g) {
        const std::string_view v = group_view(g[0]);
        const std::size_t digits = count_digits(v);
        if (digits < 3 || digits > 14) return;  // need letters and digits mixed
        add_candidate(out, group_begin(text, g[0]), group_end(text, g[0]), PhiCategory::Vehicle, "vin",
            priority::kCard);
    });
    for (const RE2* re : {mac_.get(), udi_.get()}) {
        for_each_match<1>(*re, text, [&](const auto& g) {
            add_candidate(out, group_begin(text, g[0]), group_end(text, g[0]), PhiCategory::DeviceId,
                          re == mac_.get() ? "mac-address" : "udi", priority::kCard);
        });
    }
    for_each_match<1>(*long_number_, text, [&](const auto& g) {
        add_candidate(out, group_begin(text, g[0]), group_end(text, g[0]), PhiCategory::OtherId,
            "long-number", priority::kGenericId);
    });
    for_each_match<1>(*alnum_id_, text, [&](const auto& g) {
        add_candidate(out, group_begin(text, g[0]), group_end(text, g[0]), PhiCategory::OtherId,
            "alphanumeric-id", priority::kGenericId);
    });
}

}  // namespace orlive
