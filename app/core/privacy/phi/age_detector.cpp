#include "core/privacy/phi/age_detector.h"

#include <cctype>
#include <string>

#include "core/privacy/phi/regex_scan.h"

namespace orlive {
namespace {

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        if (c >= '0' && c <= '9') v = v * 10 + (c - '0');
    }
    return v;
}

void add(std::vector<Candidate>& out, std::size_t s, std::size_t e, const char* rule) {
    add_candidate(out, s, e, PhiCategory::Age, rule, priority::kAge);
}

}  // namespace

namespace {

// "turned 90 degrees", "is 97%", "is 98.6", "is 92 kg": the number at [.., e) is a measurement.
bool followed_by_measure(std::string_view text, std::size_t e) {
    std::size_t k = e;
    if (k < text.size() && (text[k] == '%' || text[k] == '.' || text[k] == '/' || text[k] == ':') &&
        !(text[k] == '.' && (k + 1 >= text.size() || text[k + 1] == ' ' || text[k + 1] == '\n'))) {
        return true;
    }
    while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
    std::size_t w = k;
    while (w < text.size() && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
    std::string unit(text.substr(k, w - k));
    for (char& c : unit) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    static const char* const kUnits[] = {"degrees", "deg", "kg", "lb", "lbs", "mm", "cm", "ml",
                                         "mg", "bpm", "percent", "minutes", "min", "mins",
                                         "units", "mmhg", "f", "c", "g", "l", "s", "sec",
                                         "hours", "h", "hrs", "days", "patients", "cases"};
    for (const char* u : kUnits) {
        if (unit == u) return true;
    }
    return k < text.size() && static_cast<unsigned char>(text[k]) == 0xC2;  // "°"
}

}  // namespace

AgeDetector::AgeDetector() {
    const RE2::Options opts = regex_options();
    number_before_ = std::make_unique<RE2>(
        "\\b(\\d{2,3})(?:[ \\t]*-?[ \\t]*(?i:years?|yrs?|yr|y)[ \\t]*-?[ \\t]*(?i:old|of[ \\t]+age)"
        "|[ \\t]*(?i:yo|y/o|y\\.o\\.?|yr old|yrs old))\\b",
        opts);
    decade_ = std::make_unique<RE2>(
        "\\b(?i:in[ \\t]+(?:his|her|their|the)(?:[ \\t]+(?:early|mid|late))?[ \\t]+)"
        "((?:9\\d|1[0-2]\\d)'?s|(?i:nineties))\\b",
        opts);
    // "she is 97", "he's ninety-four", "turned 102": a person's age without "years old".
    const std::string word_age =
        "(?:ninety(?:[ \\t-]+(?:one|two|three|four|five|six|seven|eight|nine))?|"
        "(?:one|a)[ \\t-]+hundred(?:[ \\t-]+(?:and[ \\t-]+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)";
    // "aged 93", "age: 91", "her age is ninety-one", "at the age of 95".
    const std::string age_cue =
        "\\b(?i:aged?|age[ \\t]*:|age[ \\t]+(?:of|is|was|now)|at[ \\t]+(?:the[ \\t]+)?age(?:[ \\t]+of)?)";
    number_after_ = std::make_unique<RE2>(age_cue + "[ \\t]*(\\d{2,3})\\b", opts);
    words_after_ = std::make_unique<RE2>(age_cue + "[ \\t]+((?i:" + word_age + "))\\b", opts);
    person_ = std::make_unique<RE2>(
        "\\b(?i:(?:he|she|they|who|patient|pt|mom|mum|dad|grandma|grandpa)(?:'s|\u2019s|[ \\t]+(?:is|was|"
        "turned|turns|will[ \\t]+be|just[ \\t]+turned))|turned|turns|turning|celebrat(?:ed|es|ing)[ \\t]+(?:her|his)"
        "(?:[ \\t]+\\d{2,3}(?:st|nd|rd|th))?)[ \\t]+(\\d{2,3}|(?i:" + word_age + "))\\b",
        opts);
    // Chart shorthand: "95f", "100M", "97 yrs", "91 y/o", "99th birthday".
    shorthand_ = std::make_unique<RE2>(
        "\\b(\\d{2,3})(?:[MFmf]|[ \\t]*(?i:yrs?|years?|y/o|yo|y\\.o\\.?)(?:[ \\t]+(?i:young|male|female|man|woman|m|f))?"
        "|(?i:st|nd|rd|th)[ \\t]+(?i:birthday|bday))\\b",
        opts);
    // Sex and age in chart shorthand: "F/92", "M 91,", "female, 96", "a man of 92", "92/F"; not a
    // temperature or a share ("F 98.6", "M 95%").
    sex_age_ = std::make_unique<RE2>(
        "\\b(?:[MF]|(?i:male|female|man|woman|lady|gentleman|boy|girl))(?:[ \\t]*[/,][ \\t]*|[ \\t]+(?i:of[ \\t]+)?)"
        "(\\d{2,3})(?:[^.%\\d\\x{00B0}]|$)|\\b(\\d{2,3})[ \\t]*/[ \\t]*[MFmf]\\b",
        opts);
    // An age set off after a name or a relative: "Mr. Smith, 92, is awake", "grandma (93)".
    appositive_ = std::make_unique<RE2>(
        "(?:\\b\\p{Lu}[\\pL'\\-]+,[ \\t]*(\\d{2,3})[ \\t]*,|\\b(?i:grandma|grandpa|grandmother|grandfather|"
        "mom|mum|mother|dad|father|aunt|uncle|husband|wife|ages)[ \\t]*(?:\\([ \\t]*)?(\\d{2,3})\\b)",
        opts);
    words_ = std::make_unique<RE2>(
        "\\b((?i:(?:ninety|one[ \\t-]+hundred(?:[ \\t-]+and)?|a[ \\t]+hundred(?:[ \\t-]+and)?|hundred)"
        "(?:[ \\t-]+(?:one|two|three|four|five|six|seven|eight|nine|ten))?))"
        "[ \\t-]+(?i:years?|yrs?|y/?o)(?:[ \\t-]+(?i:old))?"
        "|\\b((?i:nonagenarian|centenarian|supercentenarian))\\b",
        opts);
}

AgeDetector::~AgeDetector() = default;

bool AgeDetector::ok() const {
    return number_before_->ok() && shorthand_->ok() && number_after_->ok() && decade_->ok() && words_->ok() &&
           words_after_->ok() && sex_age_->ok() && appositive_->ok() &&
           person_->ok();
}

void AgeDetector::find(std::string_view text, std::vector<Candidate>& out) const {
    auto numeric = [&](const RE2& re, const char* rule) {
        for_each_match<2>(re, text, [&](const auto& g) {
            const int age = to_int(group_view(g[1]));
            if (age < 90 || age > 130) return;
            // "95f", "99th": the letters glued to the number go with it.
            std::size_t e = group_end(text, g[1]);
            while (e < text.size() && std::isalpha(static_cast<unsigned char>(text[e]))) ++e;
            add(out, group_begin(text, g[1]), e, rule);
        });
    };
    numeric(*number_before_, "age-over-89");
    numeric(*number_after_, "age-over-89");
    numeric(*shorthand_, "age-shorthand");
    for (const RE2* re : {sex_age_.get(), appositive_.get()}) {
        const char* rule = re == sex_age_.get() ? "age-shorthand" : "age-appositive";
        for_each_match<3>(*re, text, [&](const auto& g) {
            const auto& number = group_matched(g[1]) ? g[1] : g[2];
            const int age = to_int(group_view(number));
            // "92/F" is sex after the age; a measure follows only the other forms ("pt 92 kg").
            if (age < 90 || age > 130 || (group_matched(g[1]) && followed_by_measure(text, group_end(text, number)))) return;
            add(out, group_begin(text, number), group_end(text, number), rule);
        });
    }
    for_each_match<2>(*person_, text, [&](const auto& g) {
        const std::string_view v = group_view(g[1]);
        const std::size_t s = group_begin(text, g[1]), e = group_end(text, g[1]);
        if (v[0] >= '0' && v[0] <= '9') {
            const int age = to_int(v);
            if (age < 90 || age > 130) return;
            if (followed_by_measure(text, e)) return;
        }
        add(out, s, e, "age-person");
    });
    for_each_match<2>(*words_after_, text, [&](const auto& g) {
        add(out, group_begin(text, g[1]), group_end(text, g[1]), "age-words");
    });
    for_each_match<2>(*decade_, text, [&](const auto& g) {
        add(out, group_begin(text, g[1]), group_end(text, g[1]), "age-decade");
    });
    for_each_match<3>(*words_, text, [&](const auto& g) {
        const auto& grp = group_matched(g[1]) ? g[1] : g[2];
        add(out, group_begin(text, grp), group_end(text, grp), "age-words");
    });
}

}  // namespace orlive
