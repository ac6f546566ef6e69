// AddressDetector: street addresses (number + street name + suffix, with unit, city, state and
// ZIP when present), PO boxes, apartments, European-style "Name-street 12" addresses, addresses
// after "lives at"/"address:", and ZIP codes after a state or a ZIP keyword.
// Immutable after construction; find() is const and safe from any thread.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "core/phi/span_resolver.h"

namespace orlive {

class AddressDetector {
public:
    AddressDetector();
    ~AddressDetector();
    AddressDetector(const AddressDetector&) = delete;
    AddressDetector& operator=(const AddressDetector&) = delete;

    bool ok() const;
    void find(std::string_view text, std::vector<Candidate>& out) const;

private:
    std::unique_ptr<RE2> street_;
    std::unique_ptr<RE2> po_box_;
    std::unique_ptr<RE2> apartment_;
    std::unique_ptr<RE2> euro_suffix_;
    std::unique_ptr<RE2> euro_prefix_;
    std::unique_ptr<RE2> keyword_;
    std::unique_ptr<RE2> state_zip_;
    std::unique_ptr<RE2> zip_keyword_;
    std::unique_ptr<RE2> zip9_;
    std::unique_ptr<RE2> city_state_zip_;
};

}  // namespace orlive
