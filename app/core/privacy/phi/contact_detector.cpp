#include "core/privacy/phi/contact_detector.h"
#include "core/privacy/phi/utf8_text.h"

#include <arpa/inet.h>

#include <strings.h>

#include <cctype>
#include <string>

#include "core/privacy/phi/regex_scan.h"

namespace orlive {
namespace {


// Drops trailing sentence punctuation from a URL-ish match.
std::size_t trim_url_end(std::string_view text, std::size_t s, std::size_t e) {
    while (e > s) {
        const char c = text[e - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
            c == '\'' || c == '"' || c == ']') {
            --e;
        } else {
            break;
        }
    }
    return e;
}

const char* kExt = "(?:[ \\t]*(?:,[ \\t]*)?(?i:x|ext\\.?|extension|ext[ \\t]*#)[ \\t]*\\d{1,6})?";
// An extension written straight after the last digit: "555-123-4567x204".
const char* kGluedExt = "(?:[xX]\\d{1,6})?\\b";

}  // namespace

ContactDetector::ContactDetector() {
    const RE2::Options o = regex_options();
    email_ = std::make_unique<RE2>(
        "\\b[A-Za-z0-9._%+\\-]+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?"
        "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,24}\\b",
        o);
    // Spelled out to slip past: "maria(at)gmail(dot)com", "maria dot lopez at gmail dot com".
    const std::string at = "(?:[ \\t]*[(\\[{<][ \\t]*(?i:at)[ \\t]*[)\\]}>][ \\t]*|[ \\t]+(?i:at)[ \\t]+|[ \\t]*@[ \\t]*)";
    const std::string dot = "(?:[ \\t]*[(\\[{<][ \\t]*(?i:dot)[ \\t]*[)\\]}>][ \\t]*|[ \\t]+(?i:dot)[ \\t]+|\\.)";
    const std::string label = "[A-Za-z0-9_%+\\-]+";
    email_spelled_ = std::make_unique<RE2>(
        "\\b" + label + "(?:" + dot + label + ")*" + at + label + "(?:" + dot + label + ")*" + dot +
            "(?i:com|org|net|edu|gov|io|co|us|uk|ca|de|fr|au|info|biz|me)\\b",
        o);
    url_ = std::make_unique<RE2>("(?i:\\b(?:https?|ftp)://|\\bwww\\.)[^\\s<>\"]+", o);
    domain_ = std::make_unique<RE2>(
        "\\b(?:[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?\\.)+"
        "((?i:com|org|net|edu|gov|mil|info|biz|io|co\\.uk|org\\.uk|ac\\.uk|nhs\\.uk|health|"
        "app|online|site|care|clinic|hospital|ca|de|fr|nl|hu|dk|fi|se|pl|cz|au|nz|uk|ie|es|"
        "pt|br|mx|jp|cn|ru|ch|gr|il|za|tv|xyz|ly|eu|gl|ee|lv|lt|sk|si|ro|bg|hr|rs|ua|tr|ar|cl|"
        "pe|ve|ph|sg|my|kr|tw|hk|vn|th|id|ng|ke|gh|ma|eg|sa|ae|pk|bd|lk|np))\\b(?:/[^\\s<>\"]*)?",
        o);
    ipv4_ = std::make_unique<RE2>(
        "\\b(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
        "(?:/\\d{1,2})?\\b",
        o);
    ipv6_ = std::make_unique<RE2>(
        "(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\\d{1,3}\\.){3}\\d{1,3})?", o);
    phone_us_ = std::make_unique<RE2>(
        std::string("(?:\\+?\\b1[ \\t.\\-]?)?(?:\\(\\d{3}\\)[ \\t]?\\d{3}[ \\t.\\-/]?|\\b\\d{3}[ \\t.\\-/]\\d{3}[ \\t.\\-/])\\d{4}") + kGluedExt +
            kExt,
        o);
    phone_intl_ = std::make_unique<RE2>(
        std::string("(?:\\+|\\b00)\\d{1,3}(?:[ \\t.\\-]?\\(?\\d{1,5}\\)?){1,6}") + kGluedExt + kExt, o);
    phone_keyword_ = std::make_unique<RE2>(
        std::string("\\b(?i:phone|ph|tel|telephone|fax|facsimile|cell|cellphone|mobile|mob|"
                    "pager|beeper|bleep|whatsapp|sms|text|call(?:ed)?|contact|reach(?:ed)?|"
                    "number|no|home|work|ring|dial|desk|office|landline)\\.?"
                    "(?:[ \\t]+(?i:me|us|him|her|them))?"
                    "(?:[ \\t]+(?i:number|no\\.?|#|at|on|is|via))?"
                    "[ \\t]*[:#]?[ \\t]*\\n?[ \\t]*(\\+?\\(?\\d[\\d \\t().\\-]{4,18}\\d)") + kGluedExt +
            kExt,
        o);
    phone_loose_ = std::make_unique<RE2>("\\b\\d{2,4}(?:[ .\\-]\\d{2,4}){2,4}\\b", o);
    // "(08) 8747 6301", "(71) 4233-6306": a bracketed area code, then two digit groups.
    phone_area_ = std::make_unique<RE2>(
        std::string("\\(\\d{2,5}\\)[ \\t]?\\d{2,5}[ \\t.\\-]\\d{3,5}") + kGluedExt + kExt, o);
    // National numbers with a trunk 0: "020 7946 0958", "07700 900123", "0961-7596216".
    phone_trunk_ = std::make_unique<RE2>(
        std::string("\\b0\\d{1,4}(?:[ \\t.\\-]\\d{2,8}){1,3}") + kGluedExt + kExt, o);
    phone_local_ = std::make_unique<RE2>("\\b[2-9]\\d{2}[-. ]\\d{4}\\b", o);
    pager_ = std::make_unique<RE2>(
        "\\b(?i:pager|beeper|bleep|ext|extension)\\.?[ \\t]*(?:#|(?i:no|number)\\.?)?[ \\t]*:?[ \\t]*(\\d{3,6}|\\d{1,2}-\\d{4})\\b", o);
    // Digits, and the teens and tens people group them in ("twelve thirty-four").
    const std::string digit = "(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                              "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
                              "forty|fifty|sixty|seventy|eighty|ninety)";
    spelled_digits_ = std::make_unique<RE2>("\\b" + digit + "(?:[ \\t,\\-]+" + digit + "){6,}\\b", o);
}

ContactDetector::~ContactDetector() = default;

bool ContactDetector::ok() const {
    for (const auto* re : {&email_, &email_spelled_, &url_, &domain_, &ipv4_, &ipv6_, &phone_us_, &phone_intl_,
                           &phone_keyword_, &phone_loose_, &phone_area_, &phone_trunk_, &phone_local_, &pager_,
                           &spelled_digits_}) {
        if (!(*re)->ok()) return false;
    }
    return true;
}

// E-mail addresses, URLs and bare domains.
void ContactDetector::find_web(std::string_view text, std::vector<Candidate>& out) const {
    for_each_match<1>(*email_, text, [&](const auto& g) {
        add_candidate(out, group_begin(text, g[0]), group_end(text, g[0]), PhiCategory::Email, "email",
            priority::kEmail);
    });
    for_each_match<1>(*email_spelled_, text, [&](const auto& g) {
        const std::string_view m = group_view(g[0]);
        // Plain "a@b.com" is the email rule's; this one needs a spelled "at" or "dot".
        if (m.find('@') != std::string_view::npos && m.find(' ') == std::string_view::npos &&
            m.find('(') == std::string_view::npos && m.find('[') == std::string_view::npos) {
            return;
        }
        add_candidate(out, group_begin(text, g[0]), group_end(text, g[0]), PhiCategory::Email, "email-spelled",
                      priority::kEmail);
    });
    for_each_match<1>(*url_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]);
        const std::size_t e = trim_url_end(text, s, group_end(text, g[0]));
        add_candidate(out, s, e, PhiCategory::Url, "url", priority::kUrl);
    });
    for_each_match<2>(*domain_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]);
        const std::size_t e = trim_url_end(text, s, group_end(text, g[0]));
        if (s > 0 && (text[s - 1] == '@' || text[s - 1] == '.')) return;  // part of an e-mail
        // Need a label of at least two characters before the TLD ("e.g." is not a domain).
        const std::size_t tld = group_begin(text, g[1]);
        if (tld < s + 3) return;
        add_candidate(out, s, e, PhiCategory::Url, "url-domain", priority::kUrl);
    });
}

// IPv4 and IPv6 addresses.
void ContactDetector::find_ip(std::string_view text, std::vector<Candidate>& out) const {
    for_each_match<1>(*ipv4_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (s > 0 && (text[s - 1] == '.' || std::isdigit(static_cast<unsigned char>(text[s - 1])))) return;
        if (e < text.size() && text[e] == '.' && e + 1 < text.size() &&
            std::isdigit(static_cast<unsigned char>(text[e + 1]))) {
            return;
        }
        add_candidate(out, s, e, PhiCategory::Ip, "ipv4", priority::kIp);
    });
    for_each_match<1>(*ipv6_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        const std::string candidate(text.substr(s, e - s));
        std::size_t hex = 0;
        for (char c : candidate) hex += std::isxdigit(static_cast<unsigned char>(c)) ? 1 : 0;
        if (hex < 2) return;
        if (s > 0 && std::isalnum(static_cast<unsigned char>(text[s - 1]))) return;
        in6_addr addr{};
        if (inet_pton(AF_INET6, candidate.c_str(), &addr) != 1) return;
        add_candidate(out, s, e, PhiCategory::Ip, "ipv6", priority::kIp);
    });
}

// Phone numbers in a recognised format: US, international, after a keyword, bracketed area code.
void ContactDetector::find_phones(std::string_view text, std::vector<Candidate>& out) const {
    for_each_match<1>(*phone_us_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (s > 0 && (std::isdigit(static_cast<unsigned char>(text[s - 1])) || text[s - 1] == '/')) return;
        add_candidate(out, s, e, PhiCategory::Phone, "phone-us", priority::kPhone);
    });
    for_each_match<1>(*phone_intl_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        const std::size_t digits = count_digits(text.substr(s, e - s));
        if (digits < 8 || digits > 18) return;
        add_candidate(out, s, e, PhiCategory::Phone, "phone-intl", priority::kPhone);
    });
    for_each_match<2>(*phone_keyword_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[1]);
        std::size_t e = group_end(text, g[0]);
        const std::string_view number = text.substr(s, e - s);
        const std::size_t digits = count_digits(number);
        if (digits < 7 || digits > 18) return;
        // Not a date or a blood pressure written with slashes.
        if (number.find('/') != std::string_view::npos) return;
        add_candidate(out, s, e, PhiCategory::Phone, "phone-keyword", priority::kPhone);
    });
    for_each_match<1>(*phone_area_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        const std::size_t digits = count_digits(text.substr(s, e - s));
        if (digits < 7 || digits > 15) return;
        if (e < text.size() && (text[e] == '/' || text[e] == ':')) return;
        add_candidate(out, s, e, PhiCategory::Phone, "phone-area", priority::kPhone);
    });
}

// Digit groups that are phone numbers by length: national with a trunk 0, loose groups.
void ContactDetector::find_loose_phones(std::string_view text, std::vector<Candidate>& out) const {
    for_each_match<1>(*phone_trunk_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        const std::string_view number = text.substr(s, e - s);
        const std::size_t digits = count_digits(number);
        // Dates ("01.02.2023", "05-03-58") have at most 8 digits; phones with a trunk 0 have 9+.
        if (digits < 9 || digits > 15) return;
        if (s > 0 && (text[s - 1] == '.' || text[s - 1] == '/' || text[s - 1] == ':' ||
                      text[s - 1] == '-' || text[s - 1] == '+')) {
            return;
        }
        if (e < text.size() && (text[e] == '/' || text[e] == ':' ||
                                (text[e] == '.' && e + 1 < text.size() &&
                                 std::isdigit(static_cast<unsigned char>(text[e + 1]))))) {
            return;
        }
        add_candidate(out, s, e, PhiCategory::Phone, "phone-trunk", priority::kLoosePhone);
    });
    for_each_match<1>(*phone_loose_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        const std::string_view number = text.substr(s, e - s);
        const std::size_t digits = count_digits(number);
        if (digits < 8 || digits > 13) return;
        if (s > 0 && (text[s - 1] == '.' || text[s - 1] == '/' || text[s - 1] == ':')) return;
        if (e < text.size() && (text[e] == '/' || text[e] == ':')) return;
        add_candidate(out, s, e, PhiCategory::Phone, "phone-digits", priority::kLoosePhone);
    });
}

// Local numbers, pager and extension numbers, and numbers spelled out digit by digit.
void ContactDetector::find_short_phones(std::string_view text, std::vector<Candidate>& out) const {
    // "555-2368", "555 2368": a 7-digit local number (exchange 2-9), not a range of doses
    // ("150-2000 mL").
    for_each_match<1>(*phone_local_, text, [&](const auto& g) {
        const std::size_t s = group_begin(text, g[0]), e = group_end(text, g[0]);
        if (s > 0 && (text[s - 1] == '.' || text[s - 1] == '/' || text[s - 1] == ':' || text[s - 1] == '-')) return;
        if (e < text.size() && (text[e] == '/' || text[e] == ':' || text[e] == '-' || text[e] == '%')) return;
        std::size_t k = e;
        while (k < text.size() && text[k] == ' ') ++k;
        std::size_t w = k;
        while (w < text.size() && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
        static const char* const kUnits[] = {"mg", "ml", "mcg", "g", "units", "u", "cc", "mmhg", "bpm", "kg"};
        for (const char* u : kUnits) {
            if (w - k == std::char_traits<char>::length(u) && strncasecmp(text.data() + k, u, w - k) == 0) return;
        }
        add_candidate(out, s, e, PhiCategory::Phone, "phone-local", priority::kLoosePhone);
    });
    for_each_match<2>(*pager_, text, [&](const auto& g) {
        add_candidate(out, group_begin(text, g[1]), group_end(text, g[1]), PhiCategory::Phone, "phone-pager",
                      priority::kPhone);
    });
    for_each_match<1>(*spelled_digits_, text, [&](const auto& g) {
        // After "MRN" or "record" the number read out is the record's, not a phone's.
        const std::size_t s = group_begin(text, g[0]);
        const std::string before = fold_case(text.substr(s > 24 ? s - 24 : 0, s > 24 ? 24 : s));
        const bool record = before.find("mrn") != std::string::npos || before.find("record") != std::string::npos ||
                            before.find("chart") != std::string::npos;
        add_candidate(out, s, group_end(text, g[0]), record ? PhiCategory::Mrn : PhiCategory::Phone,
                      record ? "mrn-words" : "phone-words", priority::kPhone);
    });
}

void ContactDetector::find(std::string_view text, std::vector<Candidate>& out) const {
    find_web(text, out);
    find_ip(text, out);
    find_phones(text, out);
    find_loose_phones(text, out);
    find_short_phones(text, out);
}

}  // namespace orlive
