#include "core/phi/address_detector.h"

#include <string>

#include "core/phi/regex_scan.h"

namespace orlive {
namespace {

void add(std::vector<Candidate>& out, std::size_t s, std::size_t e, const char* rule) {
    PhiSpan span;
    span.start = s;
    span.end = e;
    span.category = PhiCategory::Address;
    span.rule = rule;
    out.push_back({span, priority::kAddress});
}

const std::string kSuffix =
    "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
    "Terrace|Ter|Way|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Loop|Row|Alley|"
    "Crescent|Cres|Close|Plaza|Plz|Pike|Route|Rte|Expressway|Expy|Freeway|Fwy|Turnpike|"
    "Causeway|Ridge|Run|Path|Walk|Commons|Crossing|Heights|Hts|Grove|Gardens|Mews|Hollow|"
    "Bend|Cove|Landing|Meadows?|Trace|Estates|Manor|Vista|Knoll|Point|Park|Hill|View|Green|"
    "Glen|Creek|Harbor|Center|Ctr)";
const std::string kSuffixCaps =
    "(?:STREET|ST|AVENUE|AVE|ROAD|RD|BOULEVARD|BLVD|LANE|LN|DRIVE|DR|COURT|CT|PLACE|PL|WAY|"
    "CIRCLE|CIR|PARKWAY|PKWY|HIGHWAY|HWY|TERRACE|TRAIL|SQUARE)";
const std::string kStateAbbr =
    "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|"
    "NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)";
const std::string kStateName =
    "(?:Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Puerto Rico)";
// A capitalised street-name word, a numbered street ("42nd") or an initial.
const std::string kStreetWord = "(?:[A-Z][\\pL'.\\-]*|\\d{1,3}(?:st|nd|rd|th))";
const std::string kUnit =
    "(?:,?[ \\t]*(?:#|(?i:apt|apartment|unit|suite|ste|fl|floor|bldg|building|rm|room))\\.?[ \\t]*#?"
    "[ \\t]*[0-9A-Za-z\\-]{1,6}\\b)?";
const std::string kCityStateZip =
    "(?:,?[ \\t]*(?:[A-Z][\\pL.'\\-]+(?:[ \\t]+[A-Z][\\pL.'\\-]+){0,2}),?[ \\t]+(?:" + kStateAbbr +
    "|" + kStateName + ")\\b(?:[ \\t]+\\d{5}(?:-\\d{4})?\\b)?)?";

}  // namespace

AddressDetector::AddressDetector() {
    const RE2::Options o = regex_options();
    street_ = std::make_unique<RE2>(
        "\\b\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?[ \\t]+(?:(?:[NSEW]|North|South|East|West)\\.?[ \\t]+)?"
        "(?:(?:" + kStreetWord + "[ \\t]+){0,3}" + kStreetWord + "[ \\t]+(?:" + kSuffix + "|" +
            kSuffixCaps + ")\\b\\.?)"
        "(?:[ \\t]+(?:N|S|E|W|NE|NW|SE|SW)\\b\\.?)?" + kUnit + kCityStateZip,
        o);
    po_box_ = std::make_unique<RE2>(
        "(?i:\\bp\\.?[ \\t]?o\\.?[ \\t]*box|\\bpost[ \\t]+office[ \\t]+box)[ \\t]*#?[ \\t]*\\d+" +
            kCityStateZip,
        o);
    apartment_ = std::make_unique<RE2>(
        "\\b(?i:apt|apartment)\\.?[ \\t]*#?[ \\t]*[0-9][0-9A-Za-z\\-]{0,5}\\b", o);
    euro_suffix_ = std::make_unique<RE2>(
        "(?:\\b\\p{Lu}[\\pL'.\\-]*[ \\t]+){0,2}[\\pL\\-]*"
        "(?i:vägen|gatan|straße|strasse|str\\.|weg|laan|kuja|katu|vej|gade|veien|vei|allé|allee|"
        "plein|gracht|kade|dijk|platz|utca|gasse|steeg)"
        "[ \\t]+\\d{1,5}[A-Za-z]?\\b",
        o);
    euro_prefix_ = std::make_unique<RE2>(
        "\\b(?:Rue|Via|Viale|Calle|Avenida|Rua|Piazza|Plaza|Chemin|Carrer|Paseo|Strada|Corso|"
        "Largo|Travessa|Praça|Boulevard|Avenue|Allée|Impasse|Quai|ul\\.|ulica|Ulica|al\\.|Aleja)"
        "(?:[ \\t]+[\\pL'.\\-]+){1,4}?,?[ \\t]+\\d{1,5}[A-Za-z]?\\b",
        o);
    keyword_ = std::make_unique<RE2>(
        "\\b(?i:lives[ \\t]+at|living[ \\t]+at|resides[ \\t]+at|residing[ \\t]+at|home[ \\t]+at|"
        "(?:home|mailing|street|postal)?[ \\t]*address(?:[ \\t]+is)?)[ \\t]*:?[ \\t]*"
        "(\\d{1,6}[A-Za-z]?(?:[ \\t]+(?:\\p{Lu}[\\pL'.\\-]*|\\d+\\pL*)){1,5})",
        o);
    state_zip_ = std::make_unique<RE2>(
        "\\b(?:" + kStateAbbr + "|" + kStateName + "),?[ \\t]+(\\d{5}(?:-\\d{4})?)\\b", o);
    zip_keyword_ = std::make_unique<RE2>(
        "\\b(?i:zip(?:[ \\t]*code)?|postal[ \\t]+code|post[ \\t]*code)[ \\t]*[:#]?[ \\t]*"
        "(\\d{5}(?:-\\d{4})?)\\b",
        o);
    zip9_ = std::make_unique<RE2>("\\b\\d{5}-\\d{4}\\b", o);
    city_state_zip_ = std::make_unique<RE2>(
        "\\b[A-Z][\\pL.'\\-]+(?:[ \\t]+[A-Z][\\pL.'\\-]+){0,2},[ \\t]*(?:" + kStateAbbr + "|" +
            kStateName + ")[ \\t]+\\d{5}(?:-\\d{4})?\\b",
        o);
}

AddressDetector::~AddressDetector() = default;

bool AddressDetector::ok() const {
    for (const auto* re : {&street_, &po_box_, &apartment_, &euro_suffix_, &euro_prefix_,
                           &keyword_, &state_zip_, &zip_keyword_, &zip9_, &city_state_zip_}) {
        if (!(*re)->ok()) return false;
    }
    return true;
}

void AddressDetector::find(std::string_view text, std::vector<Candidate>& out) const {
    auto whole = [&](const RE2& re, const char* rule) {
        for_each_match<1>(re, text, [&](const auto& g) {
            add(out, group_begin(text, g[0]), group_end(text, g[0]), rule);
        });
    };
    auto group1 = [&](const RE2& re, const char* rule) {
        for_each_match<2>(re, text, [&](const auto& g) {
            add(out, group_begin(text, g[1]), group_end(text, g[1]), rule);
        });
    };
    whole(*street_, "street-address");
    whole(*po_box_, "po-box");
    whole(*apartment_, "apartment");
    whole(*euro_suffix_, "street-address-intl");
    whole(*euro_prefix_, "street-address-intl");
    group1(*keyword_, "address-keyword");
    group1(*state_zip_, "zip-after-state");
    group1(*zip_keyword_, "zip-keyword");
    whole(*zip9_, "zip9");
    whole(*city_state_zip_, "city-state-zip");
}

}  // namespace orlive
