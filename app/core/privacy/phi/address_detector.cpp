// [SECTION] index
//   Patterns: street words, states, countries, place words (constants at the top)
//   Construction: the anchor patterns, then the block and place patterns
//   Finding: anchors, growing a block forward and backward, places after cues
#include "core/privacy/phi/address_detector.h"

#include <cctype>
#include <cstring>
#include <string>

#include "core/privacy/phi/name_cues.h"
#include "core/privacy/phi/name_detector.h"
#include "core/privacy/phi/utf8_text.h"

#include "core/privacy/phi/regex_scan.h"

namespace orlive {
namespace {

// A word any vocabulary knows, each part of a hyphenated one too ("pre-op", "follow-up").
bool known_word(const std::string& key, const NameLexicon& lexicon) {
    for (const std::string& part : split_hyphens(key)) {
        if (!lexicon.is_vocabulary(part) && !lexicon.is_clinical_abbreviation(part)) return false;
    }
    return true;
}

void add(std::vector<Candidate>& out, std::size_t s, std::size_t e, const char* rule) {
    add_candidate(out, s, e, PhiCategory::Address, rule, priority::kAddress);
}

const std::string kSuffix =
    "(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|"
    "Terrace|Ter|Way|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Loop|Row|Alley|"
    "Crescent|Cres|Close|Plaza|Plz|Pike|Route|Rte|Expressway|Expy|Freeway|Fwy|Turnpike|"
    "Causeway|Ridge|Run|Path|Walk|Commons|Crossing|Heights|Hts|Grove|Gardens|Mews|Hollow|"
    "Bend|Cove|Landing|Meadows?|Trace|Estates|Manor|Vista|Knoll|Point|Park|Hill|View|Green|"
    "Glen|Creek|Harbor|Center|Ctr)";
// Names of doctors' practices and other places of care than hospitals.
const std::string kPracticeSuffix =
    "Family[ \\t]+(?:Practice|Medicine|Health)|Primary[ \\t]+Care|Medical[ \\t]+(?:Group|Associates)|"
    "Health[ \\t]+Cent(?:er|re)|Urgent[ \\t]+Care|Pediatrics|Dialysis(?:[ \\t]+Cent(?:er|re))?";
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

// State abbreviations that are not also common clinical abbreviations (MD, PA, OR, CT, MS, GA,
// MI, SC, ...): accepted after "City," without a ZIP.
const std::string kSafeStateAbbr =
    "(?:AK|AZ|AR|CA|FL|IL|KS|KY|MN|NV|NH|NJ|NM|NY|TN|TX|VT|WA|WV|WI|WY|DC)";
// Countries and Canadian/Australian/UK regions (public-domain names, written out here).
const std::string kCountry =
    "(?:United[ \\t]+States|USA|U\\.S\\.A?\\.?|United[ \\t]+Kingdom|UK|England|Scotland|Wales|"
    "Northern[ \\t]+Ireland|Ireland|Canada|Mexico|Brazil|Argentina|Chile|Colombia|Peru|Venezuela|"
    "Uruguay|Paraguay|Bolivia|Ecuador|Cuba|Jamaica|Haiti|Guatemala|Honduras|Nicaragua|Panama|"
    "Costa[ \\t]+Rica|El[ \\t]+Salvador|Dominican[ \\t]+Republic|France|Germany|Spain|Portugal|Italy|"
    "Netherlands|Belgium|Luxembourg|Switzerland|Austria|Denmark|Norway|Sweden|Finland|Iceland|"
    "Greenland|Estonia|Latvia|Lithuania|Poland|Czechia|Czech[ \\t]+Republic|Slovakia|Hungary|"
    "Slovenia|Croatia|Serbia|Bosnia|Romania|Bulgaria|Greece|Cyprus|Malta|Albania|Ukraine|Russia|"
    "Belarus|Moldova|Turkey|Israel|Lebanon|Syria|Iraq|Iran|Egypt|Morocco|Algeria|Tunisia|Libya|"
    "Nigeria|Ghana|Kenya|Ethiopia|Somalia|Uganda|Tanzania|Rwanda|Senegal|Cameroon|Zimbabwe|Zambia|"
    "South[ \\t]+Africa|Saudi[ \\t]+Arabia|Qatar|Kuwait|Oman|Yemen|Pakistan|India|Bangladesh|"
    "Sri[ \\t]+Lanka|Nepal|China|Japan|Korea|South[ \\t]+Korea|Taiwan|Vietnam|Thailand|Cambodia|"
    "Laos|Myanmar|Malaysia|Singapore|Indonesia|Philippines|Australia|New[ \\t]+Zealand|"
    "Ontario|Quebec|Québec|British[ \\t]+Columbia|Alberta|Manitoba|Saskatchewan|Nova[ \\t]+Scotia|"
    "New[ \\t]+Brunswick|Newfoundland|Victoria|Queensland|Tasmania|New[ \\t]+South[ \\t]+Wales)";
// A capitalised place word ("Cedar", "Saint-Jean-sur-Richelieu", "O'Fallon", "GDAŃSK").
const std::string kPlaceWord = "\\p{Lu}[\\pL\\pM'\u2019.\\-]*";
const std::string kPlace =
    kPlaceWord + "(?:[ \\t]+(?:(?:de|del|della|di|da|do|dos|la|le|les|nad|am|an|im|sur|upon|on|en|van|"
    "von|u|z|y)[ \\t]+)?" + kPlaceWord + "){0,3}";
const std::string kPostcode =
    "(?:\\d{4,5}(?:-\\d{3,4})?|\\d{3}[ \\t]\\d{2}|[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]+\\d[A-Z]{2})";
const std::string kUnitPart =
    "(?i:apt|apartment|suite|ste|unit|flat|floor|fl|room|rm|bldg|building|box)\\.?[ \\t]*#?[ \\t]*"
    "\\d[0-9A-Za-z\\-]{0,5}";

// Between two parts of an address block: a comma and/or line breaks (with "> " quote marks).
const std::string kPartSep =
    "[ \\t]*(?:,|(?:\\r?\\n[ \\t>]*)+,?)[ \\t]*(?:\\r?\\n[ \\t>]*){0,2}";

bool is_space(char c) { return c == ' ' || c == '\t'; }

// A place name must not be a dictionary word on its own, a clinical word or a title.
// A capital word that can only be a town's name: long enough, in no English or clinical list.
bool unknown_town(const Token& w, const NameLexicon* lex) {
    return lex != nullptr && w.letters >= 4 && !w.has_digit && !lex->is_vocabulary(w.key) &&
           !lex->is_clinical_abbreviation(w.key) && !lex->is_clinical_stopword(w.key) && !is_title_key(w.key);
}

bool place_acceptable(std::string_view place, const NameLexicon* lex) {
    if (lex == nullptr) return true;
    const std::vector<Token> words = tokenize(place);
    if (words.empty()) return false;
    std::size_t dictionary = 0, letters = 0;
    for (const Token& w : words) {
        if (lex->is_clinical_stopword(w.key) || is_title_key(w.key)) return false;
        if (w.has_digit) return false;
        if (lex->is_common_word(w.key) && !w.all_upper) ++dictionary;
        letters += w.letters;
    }
    if (letters < 3 && !(words.size() == 1 && words[0].all_upper)) return false;  // "CO", "ON"
    // "Cedar Rapids" is fine; "Stable" or "Patient" alone is not a place.
    return !(words.size() == 1 && dictionary == 1);
}

}  // namespace

// ==== [SECTION] Construction ====================================================================

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
        "\\b(?i:zip(?:[ \\t]*code)?|postal[ \\t]+code|post[ \\t]*code)[ \\t]*(?:(?i:is)[ \\t]+|[:#=][ \\t]*)?"
        "(\\d{4,5}(?:-\\d{4})?)\\b",
        o);
    zip9_ = std::make_unique<RE2>("\\b\\d{5}-\\d{4}\\b", o);
    military_ = std::make_unique<RE2>(
        "\\b(?:(?:PSC|CMR|Unit)[ \\t]+\\d{3,5},?[ \\t]+Box[ \\t]+\\d{3,5}|[AFD]PO[ \\t]+A[AEP][ \\t]+\\d{5})\\b",
        o);
    street_lower_ = std::make_unique<RE2>(
        "\\b\\d{1,6}[ \\t]+(?:[a-z][a-z'\\-]+[ \\t]+){1,3}"
        "(?:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|terrace|drive)\\b\\.?", o);
    // A street named as a home without its number: "lives on elm street", "home off Route 9" is
    // not (no street word). Group 1 is the first word, checked apart ("lives on the street").
    home_street_ = std::make_unique<RE2>(
        "\\b(?i:lives|living|lived|resides|residing|home|house|apartment|moved)[ \\t]+(?i:on|off)[ \\t]+"
        "(([A-Za-z][A-Za-z'\\-]+)(?:[ \\t]+[A-Za-z][A-Za-z'\\-]+){0,2}[ \\t]+"
        "(?i:street|st|avenue|ave|road|rd|lane|ln|boulevard|blvd|terrace|drive|court|ct|place|way))\\b\\.?", o);
    // Other hospitals a patient came from or goes to: "transferred from St. Agnes Medical Center",
    // "from St. Elsewhere General", "transferred to Mercy Regional".
    other_hospital_ = std::make_unique<RE2>(
        "\\b(?i:from|(?:transferred|sent|admitted|discharged|moved)[ \\t]+to)[ \\t]+"
        "((?:\\p{Lu}[\\pL'’.\\-]*[ \\t]+){1,4}(?i:Hospital|Medical[ \\t]+Cent(?:er|re)|Clinic|"
        "Infirmary|Health[ \\t]+System|Nursing[ \\t]+Home|Rehab(?:ilitation)?(?:[ \\t]+Cent(?:er|re))?|Hospice|"
        "General|Memorial|Regional|Manor|Care[ \\t]+Cent(?:er|re)|Healthcare|" + kPracticeSuffix + "))\\b", o);
    // "PCP is Dr. Abernathy at Harborview Family Practice": after "at" or "with" only a named
    // practice counts (its first word no common word: "at Wound Clinic" is a room of ours).
    practice_ = std::make_unique<RE2>(
        "\\b(?i:at|with)[ \\t]+((\\p{Lu}[\\pL'’.\\-]*)[ \\t]+(?:\\p{Lu}[\\pL'’.\\-]*[ \\t]+){0,2}"
        "(?i:Hospital|Medical[ \\t]+Cent(?:er|re)|" + kPracticeSuffix + "))\\b", o);
    // "to St. Mary's for rehab", "FROM ST ELIZABETH'S": a saint's name after a direction is a
    // facility or a town, either way where the patient was or goes.
    saint_place_ = std::make_unique<RE2>(
        "\\b(?i:from|to|at)[ \\t]+((?i:st\\.?|saint)[ \\t]+\\p{Lu}[\\pL]+(?:['’](?i:s))?"
        "(?:[ \\t]+(?i:hospital|medical[ \\t]+cent(?:er|re)|clinic|infirmary|rehab(?:ilitation)?|nursing[ \\t]+home))?)",
        o);
    // Where a patient lives when it is not a street: "Sunrise Manor", "Maple Grove Assisted Living".
    residence_ = std::make_unique<RE2>(
        "\\b((?:\\p{Lu}[\\pL'’\\-]*[ \\t]+){1,3}(?:Manor|Assisted[ \\t]+Living|Senior[ \\t]+Living|"
        "Nursing[ \\t]+Home|Care[ \\t]+Home|Rest[ \\t]+Home|Retirement[ \\t]+(?:Home|Village|Community)))\\b", o);
    init_block_patterns(o);
}

// Patterns that continue an address block, and place names after cues.
void AddressDetector::init_block_patterns(const RE2::Options& o) {
    street_unit_ = std::make_unique<RE2>(
        "(?:\\b\\d{1,6}[ \\t]+)?(" + kPlaceWord + ")(?:[ \\t]+[\\pL\\pM'.\\-]+){0,3}[ \\t]+\\d{1,5}[A-Za-z]?\\.?"
        ",?[ \\t]*(?:\\r?\\n[ \\t>]*)?(?i:apt|apartment|suite|ste|flat)\\.?[ \\t]*#?[ \\t]*\\d{1,5}\\b",
        o);
    hungarian_ = std::make_unique<RE2>(
        "\\b\\p{Lu}[\\pL\\pM'\\-]+(?:[ \\t]+\\p{Lu}[\\pL\\pM'\\-]+)?[ \\t]+"
        "(?:u\\.|utca|út|útja|tér|tere|körút|krt\\.|rkp\\.|fasor)[ \\t]+\\d{1,4}\\b\\.?",
        o);
    intl_suffix_ = std::make_unique<RE2>(
        "\\b\\p{Lu}[\\pL\\pM\\-]*(?:tie|polku|gata|vegur|braut|stræti|straeti|vegen|vägen|torg|plads|"
        "straat|steenweg|dreef|ulice|cesta|gränd|stig|bakke|vænget|hove)[ \\t]+\\d{1,5}[A-Za-z]?\\b",
        o);
    uk_postcode_ = std::make_unique<RE2>(
        "(?:,[ \\t]*|\\b" + kPlaceWord + "[ \\t]+)([A-Z]{1,2}\\d[A-Z\\d]?[ \\t]+\\d[A-Z]{2})\\b", o);
    next_uk_ = std::make_unique<RE2>(
        kPartSep + "(" + kPlace + "[ \\t]+[A-Z]{1,2}\\d[A-Z\\d]?[ \\t]+\\d[A-Z]{2})\\b", o);
    next_part_ = std::make_unique<RE2>(
        kPartSep +
        "((" + kUnitPart + ")|(" + kPostcode + "(?:[ \\t]+" + kPlace + ")?)|(" + kPlace +
            ")(?:[ \\t]*\\([\\pL ]+\\))?(?:,?[ \\t]+(" + kPostcode + "))?)",
        o);
    next_inline_ = std::make_unique<RE2>(
        "[ \\t]+((" + kUnitPart + ")|(" + kPostcode + "))", o);
    city_region_ = std::make_unique<RE2>(
        "\\b(" + kPlace + "),[ \\t]*(?:" + kSafeStateAbbr + "|" + kStateName + "|" + kCountry +
            ")\\b(?:[ \\t]+\\d{5}(?:-\\d{4})?\\b)?",
        o);
    city_cue_ = std::make_unique<RE2>(
        "\\b(?i:(?:lives|living|lived|resides|residing|resident|born|raised|moved|relocated|"
        "visiting|travell?ed|drove|flew|came|comes|hails|originally|native|home)"
        "(?:[ \\t]+(?:up|down|over|back|here|all[ \\t]+the[ \\t]+way|in))?[ \\t]+"
        "(?:in|from|to|of|near|outside)|hometown(?:[ \\t]+(?:is|of))?:?|city[ \\t]*:)"
        "[ \\t]+(" + kPlace + ")",
        o);
    // Where care moves a patient: another hospital or a town ("transferred from Beth Israel",
    // "airlifted from Nantucket"), never a unit ("transferred to Radiology", "to Urgent Care").
    transfer_cue_ = std::make_unique<RE2>(
        "\\b(?i:transferred|referred|sent|admitted|discharged|transported|airlifted|flown)[ \\t]+(?i:from|to)[ \\t]+"
        "(" + kPlace + ")", o);
    person_from_ = std::make_unique<RE2>(
        "\\b(?:[Pp]atient|[Pp]t|[Ff]amily|[Pp]arents|\\p{Lu}[\\pL\\pM'\\-]+)[ \\t]+from[ \\t]+(" + kPlace + ")", o);
    // Lowercase, only after a cue that says home: "lives in brockton", "home in kalamazoo",
    // "pt from lowell", "wife drove up from kalamazoo".
    city_cue_lower_ = std::make_unique<RE2>(
        "\\b(?:(?i:lives|living|lived|resides|residing|home|hometown|moved|relocated|transferred|visiting|"
        "originally|drove|flew|came|comes|travell?ed)"
        "(?:[ \\t]+(?i:back|here|over|alone|now|currently|still|independently|up|down|in))?[ \\t]+"
        "(?i:in|from|to|is|of|near|outside)|"
        "(?i:pt|patient|family|wife|husband|son|daughter)(?:[ \\t]+(?i:is|was|are))?[ \\t]+(?i:from))[ \\t]+"
        "([a-z][a-z'\\-]{3,}(?:[ \\t]+[a-z][a-z'\\-]{3,})?)",
        o);
    city_state_zip_ = std::make_unique<RE2>(
        "\\b[A-Z][\\pL.'\\-]+(?:[ \\t]+[A-Z][\\pL.'\\-]+){0,2},[ \\t]*(?:" + kStateAbbr + "|" +
            kStateName + ")[ \\t]+\\d{5}(?:-\\d{4})?\\b",
        o);
}

AddressDetector::~AddressDetector() = default;

bool AddressDetector::ok() const {
    for (const auto* re : {&street_, &po_box_, &apartment_, &euro_suffix_, &euro_prefix_,
                           &keyword_, &state_zip_, &zip_keyword_, &zip9_, &city_state_zip_,
                           &military_, &street_unit_, &hungarian_, &intl_suffix_, &uk_postcode_,
                           &next_part_, &next_uk_, &next_inline_, &city_region_, &city_cue_, &transfer_cue_, &person_from_,
                           &city_cue_lower_, &street_lower_, &home_street_, &other_hospital_, &saint_place_, &residence_}) {
        if (!(*re)->ok()) return false;
    }
    return true;
}

// ==== [SECTION] Finding =========================================================================

// Street addresses, boxes, postcodes: the anchors an address block grows from.
void AddressDetector::find_anchors(std::string_view text, const NameLexicon* lexicon,
                                   std::vector<Candidate>& out) const {
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
    whole(*hungarian_, "street-address-intl");
    whole(*intl_suffix_, "street-address-intl");
    whole(*military_, "military-address");
    group1(*keyword_, "address-keyword");
    group1(*state_zip_, "zip-after-state");
    group1(*zip_keyword_, "zip-keyword");
    whole(*zip9_, "zip9");
    whole(*city_state_zip_, "city-state-zip");
    group1(*uk_postcode_, "uk-postcode");
    for_each_match<2>(*street_unit_, text, [&](const auto& g) {
        if (!place_acceptable(group_view(g[1]), lexicon)) return;
        add(out, group_begin(text, g[0]), group_end(text, g[0]), "street-address-unit");
    });

    whole(*street_lower_, "street-address");
    for_each_match<3>(*home_street_, text, [&](const auto& g) {
        const std::string first = fold_case(std::string(group_view(g[2])));
        if (first == "the" || first == "a" || first == "our" || first == "his" || first == "her" ||
            first == "their" || first == "same" || first == "this" || first == "that") {
            return;
        }
        add(out, group_begin(text, g[1]), group_end(text, g[1]), "street-address");
    });
    group1(*other_hospital_, "other-hospital");
    group1(*saint_place_, "other-hospital");
    for_each_match<3>(*practice_, text, [&](const auto& g) {
        const std::string first(group_view(g[2]));
        if (lexicon != nullptr && lexicon->is_common_word(fold_case(first))) return;
        add(out, group_begin(text, g[1]), group_end(text, g[1]), "other-hospital");
    });
    group1(*residence_, "residence");
}

// The rest of an address block after [s, e): unit, city, region, country and postcode parts
// on the next lines or after commas. Returns the new end.
std::size_t AddressDetector::grow_forward(std::string_view text, const NameLexicon* lexicon, std::size_t e) const {
    const re2::StringPiece all(text.data(), text.size());
    for (int part = 0; part < 6; ++part) {
        re2::StringPiece g[6];
        std::size_t next = 0;
        if (next_inline_->Match(all, e, text.size(), RE2::ANCHOR_START, g, 2) ||
            next_uk_->Match(all, e, text.size(), RE2::ANCHOR_START, g, 2)) {
            next = group_end(text, g[1]);
        } else if (next_part_->Match(all, e, text.size(), RE2::ANCHOR_START, g, 6)) {
            if (group_matched(g[4]) && !group_matched(g[5]) &&
                !place_acceptable(group_view(g[4]), lexicon)) {
                break;
            }
            next = group_end(text, g[1]);
        } else {
            break;
        }
        // A part ends the line, the clause or the text ("Paris." / "Paris, France").
        std::size_t k = next;
        while (k < text.size() && is_space(text[k])) ++k;
        const bool postcode_first = group_matched(g[3]);  // "10115 Berlin and ..." is fine
        if (!postcode_first && k < text.size() && std::strchr(",\n\r.;?!)", text[k]) == nullptr) break;
        e = next;
    }
    return e;
}

// A house number or "Flat 3," just before an address anchor starting at s. Returns the new start.
std::size_t AddressDetector::grow_backward(std::string_view text, std::size_t s) {
    for (int part = 0; part < 2; ++part) {
        std::size_t k = s;
        while (k > 0 && (is_space(text[k - 1]) || text[k - 1] == ',')) --k;
        if (k == s || s >= text.size()) break;
        std::size_t d = k;
        while (d > 0 && text[d - 1] >= '0' && text[d - 1] <= '9' && k - d < 6) --d;
        if (d < k && (d == 0 || std::strchr(" \t\r\n,:>", text[d - 1]) != nullptr)) {
            s = d;  // house number before the street: "6750 Koskikatu 25"
            continue;
        }
        // "Flat 3," / "Apt. 4B" before the street number.
        if (!(text[s] >= '0' && text[s] <= '9')) break;
        std::size_t u = k;
        while (u > 0 && (text[u - 1] == '.' || text[u - 1] == '#' || is_space(text[u - 1]))) --u;
        std::size_t v = u;
        while (v > 0 && std::isalpha(static_cast<unsigned char>(text[v - 1]))) --v;
        const std::string word = fold_plain(text.substr(v, u - v));
        if (word == "flat" || word == "apt" || word == "apartment" || word == "unit" || word == "suite") {
            s = v;
            continue;
        }
        break;
    }
    return s;
}

void AddressDetector::find(std::string_view text, const NameLexicon* lexicon,
                           std::vector<Candidate>& out) const {
    const std::size_t first = out.size();
    find_anchors(text, lexicon, out);
    const std::size_t anchors = out.size();
    for (std::size_t c = first; c < anchors; ++c) {
        const std::size_t e = grow_forward(text, lexicon, out[c].span.end);
        const std::size_t s = grow_backward(text, out[c].span.start);
        if (s != out[c].span.start || e != out[c].span.end) add(out, s, e, "address-block");
    }
    find_places(text, lexicon, out);
}

// A city or town: next to a region or country, or after a home/travel cue.
void AddressDetector::find_places(std::string_view text, const NameLexicon* lexicon,
                                  std::vector<Candidate>& out) const {
    // Cities: "Cedar Rapids, Iowa", "Tucson, AZ", "lives in Marblehead".
    for_each_match<2>(*city_region_, text, [&](const auto& g) {
        const std::size_t end = group_end(text, g[0]);
        std::size_t k = end;
        while (k < text.size() && is_space(text[k])) ++k;
        if (k < text.size() && text[k] >= '0' && text[k] <= '9') return;  // "Smith, TX 7" is not a city
        if (!place_acceptable(group_view(g[1]), lexicon)) return;
        add(out, group_begin(text, g[1]), group_end(text, g[1]), "city-region");
    });
    auto cue_place = [&](const auto& g, bool strict) {
        std::string_view place = group_view(g[1]);
        // In capitals a place runs on into the sentence ("LIVES IN REVERE WITH DAUGHTER"): it ends
        // before a function, kinship or role word.
        std::vector<Token> words = tokenize(place);
        for (std::size_t k = 1; k < words.size(); ++k) {
            const std::string& key = words[k].key;
            if (!name_cues::is_function_word(key) && !name_cues::is_kin(key) && !name_cues::is_role_word(key)) continue;
            place = place.substr(0, words[k - 1].end);
            words.resize(k);
            break;
        }
        // The full stop after "lives in Braintree." ends the sentence; after "St." it is the word's.
        if (!words.empty() && !place.empty() && place.back() == '.' && words.back().letters >= 3) {
            place.remove_suffix(1);
        }
        // Stop before an organisation word: "from Mercy Hospital" is a place of care, not a home.
        for (const Token& w : words) {
            static const char* const kOrg[] = {"hospital", "clinic", "medical", "health", "center",
                                               "centre", "university", "college", "school", "inc",
                                               "llc", "institute", "pharmacy", "memorial"};
            for (const char* o : kOrg) {
                if (w.key == o) return;
            }
        }
        // "from PACU", "to ICU": one capital word is a unit, unless a home cue names it and it
        // is in no vocabulary ("D/C HOME TO NEWTON", "LIVES IN BROCKTON").
        if (words.size() == 1 && words[0].all_upper && (strict || !unknown_town(words[0], lexicon))) return;
        if (!place_acceptable(place, lexicon)) return;
        if (strict && lexicon != nullptr) {
            // "X from Y" without a home/travel verb: Y must not be a known name or short code.
            for (const Token& w : words) {
                if (lexicon->is_name(w.key) || w.letters < 4) return;
            }
        }
        add(out, group_begin(text, g[1]), group_begin(text, g[1]) + place.size(), "city-context");
    };
    for_each_match<2>(*city_cue_, text, [&](const auto& g) { cue_place(g, false); });
    for_each_match<2>(*person_from_, text, [&](const auto& g) { cue_place(g, true); });
    for_each_match<2>(*transfer_cue_, text, [&](const auto& g) {
        if (lexicon == nullptr) return;
        // A place of care has a word no vocabulary knows; "Urgent Care", "Pre-op Holding" are units.
        for (const Token& w : tokenize(group_view(g[1]))) {
            if (lexicon->is_clinical_abbreviation(w.key) || lexicon->is_clinical_stopword(w.key)) return;
        }
        for (const Token& w : tokenize(group_view(g[1]))) {
            if (w.has_digit || known_word(w.key, *lexicon)) continue;
            cue_place(g, false);
            return;
        }
    });
    if (lexicon != nullptr) find_lowercase_places(text, *lexicon, out);
}

// "lives in brockton": lowercase says nothing, so each word must be in no vocabulary at all
// ("lives in fear", "home in time", "transferred to pacu" are not places). A second word that
// is a word ends the place ("kalamazoo next week").
void AddressDetector::find_lowercase_places(std::string_view text, const NameLexicon& lexicon,
                                            std::vector<Candidate>& out) const {
    for_each_match<2>(*city_cue_lower_, text, [&](const auto& g) {
        const std::vector<Token> words = tokenize(group_view(g[1]));
        auto unknown = [&](const Token& w) {
            return !w.has_digit && !lexicon.is_vocabulary(w.key) && !lexicon.is_clinical_abbreviation(w.key) &&
                   !lexicon.is_clinical_stopword(w.key) && !is_title_key(w.key);
        };
        if (words.empty() || !unknown(words[0])) return;
        const std::size_t start = group_begin(text, g[1]);
        const Token& last = words.size() > 1 && unknown(words[1]) ? words[1] : words[0];
        add(out, start + words[0].start, start + last.end, "city-context");
    });
}

}  // namespace orlive
