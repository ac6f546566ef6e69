// AgeDetector: finds ages over 89 ("92-year-old", "aged 95", "age 101", "in her 90s",
// "ninety-three-year-old"). Ages up to 89 are not PHI under Safe Harbor and are ignored.
// Immutable after construction; find() is const and safe from any thread.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "core/privacy/phi/span_resolver.h"

namespace orlive {

class AgeDetector {
public:
    AgeDetector();
    ~AgeDetector();
    AgeDetector(const AgeDetector&) = delete;
    AgeDetector& operator=(const AgeDetector&) = delete;

    bool ok() const;
    void find(std::string_view text, std::vector<Candidate>& out) const;

private:
    std::unique_ptr<RE2> number_before_;  // 92-year-old, 92 y/o, 92 years of age
    std::unique_ptr<RE2> number_after_;   // aged 95, age: 101
    std::unique_ptr<RE2> shorthand_;      // 95f, 100M, 97 yrs, 99th birthday
    std::unique_ptr<RE2> decade_;         // in her 90s / nineties
    std::unique_ptr<RE2> words_;          // ninety-two-year-old, nonagenarian
    std::unique_ptr<RE2> words_after_;    // "her age is ninety-one"
    std::unique_ptr<RE2> sex_age_;        // "F/92", "92/F", "female, 96", "a man of 92"
    std::unique_ptr<RE2> appositive_;     // "Mr. Smith, 92, is awake", "grandma (93)"
    std::unique_ptr<RE2> person_;         // she is 97, he's ninety-four, turned 102
};

}  // namespace orlive
