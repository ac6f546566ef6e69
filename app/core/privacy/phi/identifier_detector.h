// IdentifierDetector: record and account numbers. SSNs; medical record numbers after an MRN
// keyword in any spelling; account, health-plan, member, policy and licence numbers; device
// serials; vehicle plates and VINs; payment cards (Luhn) and IBANs; other long identifiers.
// Immutable after construction; find() is const and safe from any thread.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "core/privacy/phi/span_resolver.h"

namespace orlive {

class IdentifierDetector {
public:
    IdentifierDetector();
    ~IdentifierDetector();
    IdentifierDetector(const IdentifierDetector&) = delete;
    IdentifierDetector& operator=(const IdentifierDetector&) = delete;

    bool ok() const;
    void find(std::string_view text, std::vector<Candidate>& out) const;

private:
    struct KeywordRule {
        std::unique_ptr<RE2> re;
        PhiCategory category;
        const char* rule;
        std::size_t min_digits;
    };
    std::vector<KeywordRule> keyword_rules_;
    std::unique_ptr<RE2> ssn_;
    std::unique_ptr<RE2> card_;
    std::unique_ptr<RE2> iban_;
    std::unique_ptr<RE2> vin_;
    std::unique_ptr<RE2> mac_;  // a network card's hardware address
    std::unique_ptr<RE2> udi_;  // a GS1 unique device identifier with its parts
    std::unique_ptr<RE2> long_number_;
    std::unique_ptr<RE2> alnum_id_;
};

}  // namespace orlive
