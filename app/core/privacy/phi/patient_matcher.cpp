// [SECTION] index
//   Helpers: particles, hyphenated parts, diminutives of given names, person predicates
//   Parts: the patient's name parts and initials, how a token matches one, anchoring
//   Finding: the patient's names, MRN in any format, date of birth in any format
#include "core/privacy/phi/patient_matcher.h"

#include <cctype>
#include <cstdio>
#include <string>

#include "core/privacy/phi/name_cues.h"
#include "core/privacy/phi/name_detector.h"

namespace orlive {
namespace {

struct NamePart {
    std::string key;          // fold_plain
    std::u32string chars;     // key as code points
    std::string original;     // as written in PatientDetails
    bool particle = false;    // "de", "van", "bin": only inside a full name
    bool short_part = false;  // one or two letters: exact, capitalised only
    bool word = false;        // also a common word ("Will", "Rose"): capitalised only
};

bool is_particle(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "de", "da", "del", "della", "der", "den", "di", "do", "dos", "das", "du", "van", "von",
        "la", "le", "y", "e", "bin", "ibn", "bint", "al", "el", "ben", "ter", "ten", "st", "mc"};
    return k.count(key) > 0;
}

void add(std::vector<Candidate>& out, std::size_t s, std::size_t e, PhiCategory cat, const char* rule) {
    add_candidate(out, s, e, cat, rule, priority::kPatient, true);
}


// Common English diminutives of given names, both ways ("Bill" for William, "Liz" for
// Elizabeth). A short table written for ORLive: Debian packages no nickname list.
std::vector<std::string_view> nicknames_of(std::string_view key) {
    static constexpr std::pair<std::string_view, std::string_view> kPairs[] = {
        {"william", "bill"}, {"william", "billy"}, {"william", "will"}, {"william", "willie"}, {"william", "liam"},
        {"robert", "bob"}, {"robert", "bobby"}, {"robert", "rob"}, {"robert", "bert"}, {"richard", "dick"},
        {"richard", "rick"}, {"richard", "rich"}, {"james", "jim"}, {"james", "jimmy"}, {"john", "jack"},
        {"john", "johnny"}, {"joseph", "joe"}, {"joseph", "joey"}, {"thomas", "tom"}, {"thomas", "tommy"},
        {"charles", "charlie"}, {"charles", "chuck"}, {"michael", "mike"}, {"michael", "mick"},
        {"edward", "ed"}, {"edward", "eddie"}, {"edward", "ted"}, {"henry", "hank"}, {"henry", "harry"},
        {"anthony", "tony"}, {"daniel", "dan"}, {"daniel", "danny"}, {"david", "dave"}, {"steven", "steve"},
        {"stephen", "steve"}, {"christopher", "chris"}, {"matthew", "matt"}, {"nicholas", "nick"},
        {"benjamin", "ben"}, {"samuel", "sam"}, {"alexander", "alex"}, {"andrew", "andy"},
        {"patrick", "pat"}, {"peter", "pete"}, {"raymond", "ray"}, {"ronald", "ron"}, {"donald", "don"},
        {"gerald", "gerry"}, {"lawrence", "larry"}, {"leonard", "len"}, {"frederick", "fred"},
        {"francis", "frank"}, {"gregory", "greg"}, {"kenneth", "ken"}, {"timothy", "tim"},
        {"elizabeth", "liz"}, {"elizabeth", "beth"}, {"elizabeth", "betty"}, {"elizabeth", "lizzie"},
        {"elizabeth", "eliza"}, {"margaret", "maggie"}, {"margaret", "peggy"}, {"margaret", "meg"},
        {"katherine", "kate"}, {"katherine", "kathy"}, {"catherine", "cathy"}, {"catherine", "kate"},
        {"patricia", "pat"}, {"patricia", "patty"}, {"jennifer", "jen"}, {"jennifer", "jenny"},
        {"susan", "sue"}, {"deborah", "debbie"}, {"rebecca", "becky"}, {"dorothy", "dot"},
        {"barbara", "barb"}, {"victoria", "vicky"}, {"christine", "chris"}, {"theresa", "terri"},
        {"abigail", "abby"}, {"alexandra", "alex"}, {"josephine", "jo"}, {"kimberly", "kim"},
        {"pamela", "pam"}, {"samantha", "sam"}, {"virginia", "ginny"}, {"eleanor", "ellie"}};
    std::vector<std::string_view> out;
    for (const auto& [full, nick] : kPairs) {
        if (key == full) out.push_back(nick);
        if (key == nick) out.push_back(full);
    }
    return out;
}

bool is_alnum_byte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Calls fn(start, end) for each maximal run of bytes for which in_word is true.
template <typename InWord, typename Fn>
void for_each_run(std::string_view text, InWord in_word, Fn fn) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!in_word(text[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && in_word(text[j])) ++j;
        fn(i, j);
        i = j;
    }
}

// The lowercase ASCII word starting at or after `pos` (spaces skipped), and where it ends.
std::string next_word(std::string_view text, std::size_t& pos) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    std::string word;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos]))));
        ++pos;
    }
    return word;
}

// "bill is comfortable", "bill said": what follows says the word is a person.
bool person_predicate_follows(std::string_view text, std::size_t end) {
    std::size_t pos = end;
    const std::string verb = next_word(text, pos);
    if (name_cues::is_person_verb(verb)) return true;
    if (verb != "is" && verb != "was") return false;
    return name_cues::is_person_state(next_word(text, pos));
}

}  // namespace

struct PatientMatcher::Parts {
    std::vector<NamePart> parts;
    std::vector<std::string> initials;      // first letters of given names, folded
    std::vector<std::string> initial_sets;  // "wh" for William Hartley
};

void PatientMatcher::find(std::string_view text, const std::vector<Token>& tokens,
                          const std::vector<DateMatch>& dates, const PatientDetails& patient,
                          const std::unordered_set<std::string>& allowed,
                          std::vector<Candidate>& out) const {
    find_names(text, tokens, patient, allowed, out);
    if (!patient.mrn.empty()) find_mrn(text, patient.mrn, out);
    if (!patient.dob.empty()) find_dob(text, dates, patient.dob, out);
}

// The patient's name parts (hyphenated parts too, and the usual diminutives of given names),
// and the initials of the given names.
PatientMatcher::Parts PatientMatcher::collect_parts(const PatientDetails& patient) const {
    Parts out;
    for (const std::string& full : patient.names) {
        const std::vector<Token> name_tokens = tokenize(full);
        std::string all_initials;
        for (std::size_t idx = 0; idx < name_tokens.size(); ++idx) {
            const Token& nt = name_tokens[idx];
            if (!nt.has_letter || is_title_key(nt.key)) continue;
            std::vector<std::string> keys = {nt.key};
            if (nt.key.find('-') != std::string::npos) {
                for (auto& k : split_hyphens(nt.key)) keys.push_back(std::move(k));
            }
            const bool given = idx + 1 < name_tokens.size();
            if (given) {
                for (std::string_view nick : nicknames_of(nt.key)) keys.emplace_back(nick);
            }
            for (const std::string& key : keys) {
                NamePart p;
                p.key = key;
                p.chars = decode_utf8(key);
                p.original = key == nt.key ? std::string(full.substr(nt.start, nt.core_end - nt.start)) : key;
                p.particle = is_particle(key);
                p.short_part = p.chars.size() <= 2;
                p.word = lex_.is_common_word(key) || lex_.is_clinical_stopword(key);
                out.parts.push_back(std::move(p));
            }
            if (given && !nt.key.empty()) out.initials.push_back(nt.key.substr(0, 1));
            if (!is_particle(nt.key) && !nt.key.empty()) all_initials += nt.key.substr(0, 1);
        }
        if (all_initials.size() >= 2) out.initial_sets.push_back(all_initials);
    }
    return out;
}

// How token t matches a part: 0 none, 1 stands alone, 2 needs a neighbouring part; fuzzy set
// when only a one-letter misspelling matches.
int PatientMatcher::match_token(std::string_view text, const Token& t, const Parts& parts,
                                const std::unordered_set<std::string>& allowed, bool& fuzzy) const {
    std::vector<std::string> keys = {t.key};
    if (t.key.find('-') != std::string::npos) {
        for (auto& k : split_hyphens(t.key)) keys.push_back(std::move(k));
    }
    int match = 0;
    for (const NamePart& p : parts.parts) {
        for (const std::string& key : keys) {
            if (key == p.key) {
                int m = 1;
                if (p.particle) {
                    m = 2;
                } else if (p.short_part) {
                    const std::string_view written = text.substr(t.start, t.core_end - t.start);
                    m = (written == p.original && !t.sentence_start) ? 1 : 2;
                } else if (p.word && !t.upper_first) {
                    // A nickname that is a word ("bill") stands alone only as a person's subject.
                    m = person_predicate_follows(text, t.end) ? 1 : 2;
                }
                if (match == 0 || m < match) match = m;
                fuzzy = false;
            } else if (match == 0 && p.chars.size() >= 4 && !p.particle) {
                const std::u32string chars = decode_utf8(key);
                if (chars.size() < 3 || edit_distance(chars, p.chars, 1) > 1) continue;
                // One-letter misspellings must not turn ordinary words into names.
                if (lex_.is_clinical_stopword(key) || allowed.count(key) > 0) continue;
                if (lex_.is_common_word(key) && !(t.upper_first && !t.sentence_start)) continue;
                match = 1;
                fuzzy = true;
            }
        }
    }
    // "pt WH": the patient's initials written as one capitalised token.
    if (match == 0 && t.all_upper && !t.has_digit) {
        for (const std::string& ini : parts.initial_sets) {
            if (t.key == ini) match = 1;
        }
    }
    return match;
}

// Parts that need a neighbour are kept only next to a part that stands alone.
void PatientMatcher::drop_unanchored(const std::vector<Token>& tokens, std::vector<int>& match) {
    const std::size_t n = tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (match[i] != 2) continue;
        const bool left = i > 0 && match[i - 1] != 0 && tokens[i].start - tokens[i - 1].end <= 2;
        const bool right = i + 1 < n && match[i + 1] != 0 && tokens[i + 1].start - tokens[i].end <= 2;
        if (!left && !right) match[i] = 0;
    }
    // Second pass so a chain of "needs neighbour" parts cannot keep itself alive alone.
    for (std::size_t i = 0; i < n; ++i) {
        if (match[i] != 2) continue;
        bool anchored = false;
        for (std::size_t k = i; k > 0 && match[k - 1] != 0 && tokens[k].start - tokens[k - 1].end <= 2; --k) {
            if (match[k - 1] == 1) anchored = true;
        }
        for (std::size_t k = i + 1; k < n && match[k] != 0 && tokens[k].start - tokens[k - 1].end <= 2; ++k) {
            if (match[k] == 1) anchored = true;
        }
        if (!anchored) match[i] = 0;
    }
}

void PatientMatcher::find_names(std::string_view text, const std::vector<Token>& tokens,
                                const PatientDetails& patient,
                                const std::unordered_set<std::string>& allowed,
                                std::vector<Candidate>& out) const {
    const Parts parts = collect_parts(patient);
    if (parts.parts.empty()) return;
    const std::size_t n = tokens.size();
    std::vector<int> match(n, 0);
    std::vector<bool> fuzzy(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (!tokens[i].has_letter || tokens[i].has_digit) continue;
        bool f = false;
        match[i] = match_token(text, tokens[i], parts, allowed, f);
        fuzzy[i] = f;
    }
    drop_unanchored(tokens, match);
    find_embedded_names(text, parts, out);
    for (std::size_t i = 0; i < n; ++i) {
        if (match[i] == 0) continue;
        std::size_t start = tokens[i].start;
        // A given-name initial right before: "M. Lopez".
        if (i > 0 && tokens[i - 1].letters == 1 && tokens[i - 1].upper_first &&
            tokens[i - 1].end < text.size() && text[tokens[i - 1].end] == '.' &&
            tokens[i].start - tokens[i - 1].end <= 2) {
            for (const std::string& ini : parts.initials) {
                if (tokens[i - 1].key == ini) start = tokens[i - 1].start;
            }
        }
        add(out, start, tokens[i].core_end, PhiCategory::Name, fuzzy[i] ? "patient-name-fuzzy" : "patient-name");
    }
}

// "#teammarialopez", "@maria_lopez1958", "lopez1958": the patient's name inside a hashtag,
// handle or word glued to digits or underscores. A part must be four letters or more and not a
// common word, so "#rose" or "banana" never match "Rose" or "Ana"; the whole word is redacted.
void PatientMatcher::find_embedded_names(std::string_view text, const Parts& parts,
                                         std::vector<Candidate>& out) const {
    auto word_byte = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '#' || c == '@' ||
               (static_cast<unsigned char>(c) & 0x80);
    };
    for_each_run(text, word_byte, [&](std::size_t i, std::size_t j) {
        const std::string_view word = text.substr(i, j - i);
        if (word.find_first_of("#@_0123456789") == std::string_view::npos) return;
        const std::string folded = fold_plain(word);
        for (const NamePart& part : parts.parts) {
            if (part.particle || part.word || part.chars.size() < 4 || folded.find(part.key) == std::string::npos) continue;
            add(out, i, j, PhiCategory::Name, "patient-name-embedded");
            return;
        }
    });
}

void PatientMatcher::find_mrn(std::string_view text, const std::string& mrn,
                              std::vector<Candidate>& out) const {
    std::string want;
    for (char c : mrn) {
        if (is_alnum_byte(c)) want.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    }
    if (want.size() < 4) return;
    // Normalised text: alphanumerics only, each remembering its byte offset. Separators between
    // alphanumerics (spaces, dashes, dots, slashes, '#', ':') are skipped; anything else breaks.
    std::string norm;
    std::vector<std::size_t> offset;
    std::vector<bool> run_start;  // an alphanumeric that follows a break or separator
    auto is_sep = [](char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '_' || c == '#' || c == ':' || c == '\t';
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (is_alnum_byte(c)) {
            const bool starts = i == 0 || !is_alnum_byte(text[i - 1]);
            norm.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
            offset.push_back(i);
            run_start.push_back(starts);
        } else if (!is_sep(c)) {
            norm.push_back('\0');  // hard break
            offset.push_back(i);
            run_start.push_back(true);
        }
    }
    std::size_t pos = 0;
    while ((pos = norm.find(want, pos)) != std::string::npos) {
        const std::size_t last = pos + want.size() - 1;
        const std::size_t s = offset[pos];
        const std::size_t e = offset[last] + 1;
        const bool starts_ok = run_start[pos];
        const bool ends_ok = e >= text.size() || !is_alnum_byte(text[e]);
        if (starts_ok && ends_ok) add(out, s, e, PhiCategory::Mrn, "patient-mrn");
        pos += 1;
    }
    find_mrn_part(text, want, out);
}

// "mrn ends in 5678", "last four 5678": four or more of the MRN's last characters standing alone
// say whose record it is as well as the whole number does.
void PatientMatcher::find_mrn_part(std::string_view text, const std::string& want, std::vector<Candidate>& out) const {
    if (want.size() < 6) return;
    for_each_run(text, is_alnum_byte, [&](std::size_t i, std::size_t j) {
        std::string run;
        for (std::size_t k = i; k < j; ++k) run.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(text[k]))));
        const bool has_digit = run.find_first_of("0123456789") != std::string::npos;
        if (has_digit && run.size() >= 4 && run.size() < want.size() && want.ends_with(run)) {
            add(out, i, j, PhiCategory::Mrn, "patient-mrn-part");
        }
    });
}

void PatientMatcher::find_dob(std::string_view text, const std::vector<DateMatch>& dates,
                              const std::string& dob, std::vector<Candidate>& out) const {
    DateReading want;
    if (!parse_iso_date(dob, want)) return;
    for (const DateMatch& m : dates) {
        if (date_matches(m, want)) add(out, m.start, m.end, PhiCategory::Date, "patient-dob");
    }
    // Compact forms without a cue: 19600305, 03051960, 05031960.
    char buf[3][16];
    std::snprintf(buf[0], sizeof buf[0], "%04d%02d%02d", want.year, want.month, want.day);
    std::snprintf(buf[1], sizeof buf[1], "%02d%02d%04d", want.month, want.day, want.year);
    std::snprintf(buf[2], sizeof buf[2], "%02d%02d%04d", want.day, want.month, want.year);
    for (const char* form : buf) {
        const std::string_view f(form);
        std::size_t pos = 0;
        while ((pos = text.find(f, pos)) != std::string_view::npos) {
            const std::size_t e = pos + f.size();
            const bool iso = (pos == 0 || !std::isdigit(static_cast<unsigned char>(text[pos - 1]))) &&
                             (e == text.size() || !std::isdigit(static_cast<unsigned char>(text[e])));
            if (iso) add(out, pos, e, PhiCategory::Date, "patient-dob");
            pos = e;
        }
    }
}

}  // namespace orlive
