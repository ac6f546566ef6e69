// AddressDetector: street addresses (number + street name + suffix, with unit, city, state and
// ZIP when present), the further lines or comma parts of an address block (unit, city, region,
// country, postcode), cities next to a state or country or after "lives in"/"from", PO boxes, apartments, European-style "Name-street 12" addresses, addresses
// after "lives at"/"address:", and ZIP codes after a state or a ZIP keyword.
// Immutable after construction; find() is const and safe from any thread.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "core/privacy/phi/name_lexicon.h"
#include "core/privacy/phi/span_resolver.h"

namespace orlive {

class AddressDetector {
public:
    AddressDetector();
    ~AddressDetector();
    AddressDetector(const AddressDetector&) = delete;
    AddressDetector& operator=(const AddressDetector&) = delete;

    bool ok() const;
    // lexicon (optional) rejects dictionary and clinical words as place names.
    void find(std::string_view text, const NameLexicon* lexicon, std::vector<Candidate>& out) const;

private:
    void init_block_patterns(const RE2::Options& o);
    void find_anchors(std::string_view text, const NameLexicon* lexicon, std::vector<Candidate>& out) const;
    std::size_t grow_forward(std::string_view text, const NameLexicon* lexicon, std::size_t e) const;
    static std::size_t grow_backward(std::string_view text, std::size_t s);
    void find_places(std::string_view text, const NameLexicon* lexicon, std::vector<Candidate>& out) const;
    void find_lowercase_places(std::string_view text, const NameLexicon& lexicon, std::vector<Candidate>& out) const;

    std::unique_ptr<RE2> street_;
    std::unique_ptr<RE2> street_lower_;     // "27 maple st": a lowercase street name
    std::unique_ptr<RE2> home_street_;      // "lives on elm street": a street without a number
    std::unique_ptr<RE2> other_hospital_;   // "transferred from St. Agnes Medical Center"
    std::unique_ptr<RE2> practice_;         // "at Harborview Family Practice"
    std::unique_ptr<RE2> po_box_;
    std::unique_ptr<RE2> apartment_;
    std::unique_ptr<RE2> euro_suffix_;
    std::unique_ptr<RE2> euro_prefix_;
    std::unique_ptr<RE2> keyword_;
    std::unique_ptr<RE2> state_zip_;
    std::unique_ptr<RE2> zip_keyword_;
    std::unique_ptr<RE2> zip9_;
    std::unique_ptr<RE2> city_state_zip_;
    std::unique_ptr<RE2> military_;         // PSC 1234, Box 5678 / APO AE 09123
    std::unique_ptr<RE2> street_unit_;      // "Kesk 53, Suite 343": street and number, then a unit
    std::unique_ptr<RE2> hungarian_;        // "Rákóczi út 13", "Piroska u. 97"
    std::unique_ptr<RE2> intl_suffix_;      // "Laukaantie 80", "Þorsteinsgata 63" (capitalised)
    std::unique_ptr<RE2> uk_postcode_;      // "SW1A 1AA" after a place or comma
    std::unique_ptr<RE2> next_part_;        // one more line/comma part of an address block
    std::unique_ptr<RE2> next_uk_;          // ", London NW8 9AY"
    std::unique_ptr<RE2> next_inline_;      // unit or postcode after a space
    std::unique_ptr<RE2> city_region_;      // "Cedar Rapids, Iowa", "Tucson, AZ", "Cork, Ireland"
    std::unique_ptr<RE2> city_cue_;         // "lives in Marblehead", "visiting from Gdańsk"
    std::unique_ptr<RE2> transfer_cue_;     // "transferred from Beth Israel", "airlifted from Nantucket"
    std::unique_ptr<RE2> person_from_;      // "Hamish from Inverness", "patient from Fresno"
    std::unique_ptr<RE2> city_cue_lower_;   // "lives in brockton", "home in kalamazoo"
    std::unique_ptr<RE2> saint_place_;      // "to St. Mary's", "FROM ST ELIZABETH'S"
    std::unique_ptr<RE2> residence_;        // "Sunrise Manor", "Oak Hill Assisted Living"
};

}  // namespace orlive
