#include "core/phi/age_detector.h"

#include <string>

#include "core/phi/regex_scan.h"

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
    PhiSpan span;
    span.start = s;
    span.end = e;
    span.category = PhiCategory::Age;
    span.rule = rule;
    out.push_back({span, priority::kAge});
}

}  // namespace

AgeDetector::AgeDetector() {
    const RE2::Options opts = regex_options();
    number_before_ = std::make_unique<RE2>(
        "\\b(\\d{2,3})(?:[ \\t]*-?[ \\t]*(?i:years?|yrs?|yr|y)[ \\t]*-?[ \\t]*(?i:old|of[ \\t]+age)"
        "|[ \\t]*(?i:yo|y/o|y\\.o\\.?|yr old|yrs old))\\b",
        opts);
    number_after_ = std::make_unique<RE2>(
        "\\b(?i:aged?|age[ \\t]*:|age[ \\t]+of|at[ \\t]+age)[ \\t]*(\\d{2,3})\\b", opts);
    decade_ = std::make_unique<RE2>(
        "\\b(?i:in[ \\t]+(?:his|her|their|the)(?:[ \\t]+(?:early|mid|late))?[ \\t]+)"
        "((?:9\\d|1[0-2]\\d)'?s|(?i:nineties))\\b",
        opts);
    words_ = std::make_unique<RE2>(
        "\\b((?i:(?:ninety|one[ \\t-]+hundred(?:[ \\t-]+and)?|a[ \\t]+hundred(?:[ \\t-]+and)?|hundred)"
        "(?:[ \\t-]+(?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
        "[ \\t-]+(?i:years?)[ \\t-]+(?i:old))"
        "|\\b((?i:nonagenarian|centenarian|supercentenarian))\\b",
        opts);
}

AgeDetector::~AgeDetector() = default;

bool AgeDetector::ok() const {
    return number_before_->ok() && number_after_->ok() && decade_->ok() && words_->ok();
}

void AgeDetector::find(std::string_view text, std::vector<Candidate>& out) const {
    auto numeric = [&](const RE2& re, const char* rule) {
        for_each_match<2>(re, text, [&](const auto& g) {
            const int age = to_int(group_view(g[1]));
            if (age < 90 || age > 130) return;
            add(out, group_begin(text, g[1]), group_end(text, g[1]), rule);
        });
    };
    numeric(*number_before_, "age-over-89");
    numeric(*number_after_, "age-over-89");
    for_each_match<2>(*decade_, text, [&](const auto& g) {
        add(out, group_begin(text, g[1]), group_end(text, g[1]), "age-decade");
    });
    for_each_match<3>(*words_, text, [&](const auto& g) {
        const auto& grp = group_matched(g[1]) ? g[1] : g[2];
        add(out, group_begin(text, grp), group_end(text, grp), "age-words");
    });
}

}  // namespace orlive
