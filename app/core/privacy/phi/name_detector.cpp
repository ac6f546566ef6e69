// [SECTION] index
//   1. Token facts: what each word is on its own (classify, stop phrases, eponym/organisation use)
//   2. Context passes: titles, naming and kinship cues, clear names, person-shaped contexts
//   3. Spreading: neighbours of names, middle initials, initials
//   4. Allow list and output
#include "core/privacy/phi/name_detector.h"

#include <algorithm>
#include <cctype>

#include "core/privacy/phi/name_cues.h"

namespace orlive {
using namespace name_cues;

namespace {

enum class Kind {
    None,      // not a name
    Word,      // a name that is also a common word or a clinical term: needs context
    Unknown,   // capitalised word in no list: only next to a name or after a cue
    Name,      // a name on its own
};

struct Info {
    Kind kind = Kind::None;
    bool stop = false;          // clinical stopword / eponym
    bool hard_stop = false;     // part of a stop phrase ("Ivor Lewis"): never a name
    bool eponym_use = false;    // followed by "clamp", "sign", ... or after "a"/"the"
    bool organisation = false;  // part of "Grace Hospital", "St. Mary's"
    bool first = false;         // in the first-name list
    bool surname = false;       // in the surname list
    bool handle = false;        // inside a #hashtag or @mention
    bool initial = false;       // single capital letter followed by '.'
    bool cap_informative = false;
    bool strong = false;        // promoted by a title or cue
    bool name = false;          // final decision
};

// One run of the detector over one text: the token facts and the passes that decide names.
class NameScan {
public:
    NameScan(std::string_view text, const std::vector<Token>& tokens, const NameLexicon& lex)
        : text_(text), tokens_(tokens), lex_(lex), n_(tokens.size()), info_(tokens.size()),
          title_case_(tokens.size(), false) {}

    void run(const AllowList& allowed, std::vector<Candidate>& out);

private:
    // 1. token facts
    void detect_shouting();
    void detect_title_case();
    void classify(std::size_t i);
    void classify_hyphenated(const std::string& key, Info& f, bool& is_sur, bool& is_word) const;
    void mark_stop_phrases();
    void mark_eponym_use();
    void mark_organisations();
    // 2. context
    bool can_be_named(std::size_t i) const;
    bool promote_strong(std::size_t i);
    void title_pass();
    void mark_hospital_area(std::size_t i);
    void promote_word_surname(std::size_t j);
    void promote_after_lowercase_title(std::size_t j, bool lowercase_title);
    void cue_pass();
    bool explicit_lowercase_name(std::size_t i, std::size_t j, bool naming);
    bool social_lowercase_name(std::size_t i, std::size_t j);
    void reverse_kinship_pass();
    void clear_names_pass();
    bool in_proper_phrase(std::size_t i) const;
    void foreign_pair_pass();
    void middle_initial_triple_pass();
    void lowercase_pair_pass();
    bool unknown_cap(std::size_t i) const;
    bool clause_start(std::size_t i) const;
    bool person_shaped(std::size_t i) const;
    bool word_name_as_subject(std::size_t i) const;
    bool capitalised_word_name(std::size_t i) const;
    bool person_predicate_after(std::size_t i) const;
    void person_context_pass();
    void coordination_pass();
    void unknown_pair_pass();
    // 3. spreading
    bool neighbour_ok(std::size_t i, std::size_t j, bool neighbour_is_right) const;
    bool bare_middle_initial(std::size_t i);
    void spread_to_neighbours();
    void initials_pass();
    void patient_initials_pass();
    void board_style_pass();
    void credential_pass();
    void particle_pass();
    void disguised_name_pass();
    void spelled_out_pass();
    void before_initials_pass();
    void after_name_initial_pass();
    void given_name_after_comma(std::size_t j);
    // 4. output
    void find_handle_names(const AllowList& allowed, std::vector<Candidate>& out) const;
    void emit(const AllowList& allowed, std::vector<Candidate>& out) const;

    bool joined(std::size_t a, std::size_t b, std::size_t max_len = 2) const {
        return joined_by_space(text_, tokens_[a], tokens_[b], max_len);
    }

    std::string_view text_;
    const std::vector<Token>& tokens_;
    const NameLexicon& lex_;
    std::size_t n_;
    std::vector<Info> info_;
    std::vector<bool> title_case_;
    bool shouting_ = false;
};

void NameScan::run(const AllowList& allowed, std::vector<Candidate>& out) {
    detect_shouting();
    detect_title_case();
    for (std::size_t i = 0; i < n_; ++i) classify(i);
    mark_stop_phrases();
    mark_eponym_use();
    mark_organisations();
    title_pass();
    cue_pass();
    reverse_kinship_pass();
    clear_names_pass();
    foreign_pair_pass();
    middle_initial_triple_pass();
    lowercase_pair_pass();
    person_context_pass();
    coordination_pass();
    unknown_pair_pass();
    spread_to_neighbours();
    initials_pass();
    patient_initials_pass();
    board_style_pass();
    credential_pass();
    before_initials_pass();
    after_name_initial_pass();
    spread_to_neighbours();
    particle_pass();
    disguised_name_pass();
    spelled_out_pass();
    find_handle_names(allowed, out);
    emit(allowed, out);
}

// ==== [SECTION] 1. Token facts ================================================================

// Is the whole text upper case (capitalisation tells nothing then)?
void NameScan::detect_shouting() {
    std::size_t letter_words = 0, upper_words = 0;
    for (const Token& t : tokens_) {
        if (t.letters >= 3) {
            ++letter_words;
            if (t.all_upper) ++upper_words;
        }
    }
    shouting_ = letter_words >= 3 && upper_words * 10 >= letter_words * 7;
}

// Sentences In Title Case: capitals there say nothing about names.
void NameScan::detect_title_case() {
    for (std::size_t s = 0; s < n_;) {
        std::size_t e = s + 1;
        while (e < n_ && !tokens_[e].sentence_start) ++e;
        std::size_t words = 0, capital_words = 0;
        for (std::size_t k = s; k < e; ++k) {
            const Token& t = tokens_[k];
            if (t.letters >= 4 && !t.has_digit && lex_.is_common_word(t.key) && !lex_.is_name(t.key)) {
                ++words;
                if (t.upper_first && !t.sentence_start) ++capital_words;
            }
        }
        const bool tc = capital_words >= 2 && capital_words * 2 >= words;
        for (std::size_t k = s; k < e; ++k) title_case_[k] = tc;
        s = e;
    }
}

// Hyphenated words: a name if every part is a name or unknown and one part is a clear name.
void NameScan::classify_hyphenated(const std::string& key, Info& f, bool& is_sur, bool& is_word) const {
    bool any_clear = false, any_word = false;
    std::size_t p = 0;
    while (p <= key.size()) {
        std::size_t q = key.find('-', p);
        if (q == std::string::npos) q = key.size();
        const std::string part = key.substr(p, q - p);
        if (lex_.is_clinical_stopword(part)) f.stop = true;
        if (lex_.is_common_word(part) || part.size() < 2) {
            any_word = true;
        } else if (lex_.is_name(part)) {
            any_clear = true;
        }
        p = q + 1;
    }
    if (any_clear && !any_word) is_sur = true;
    // "Ji-woo", "Thi-Mai", "Seo-yeon": a romanised given name whose later syllable is an English
    // word. It starts with a name and is no word as a whole ("Pre-op", "X-ray" stay words), so
    // it is a capitalised unknown that context decides.
    const std::string head = key.substr(0, key.find('-'));
    const bool name_headed = lex_.is_name(head) && !lex_.is_common_word(head);
    if (any_word && !(name_headed && !f.stop && !lex_.is_vocabulary(key))) is_word = true;
}

// What token i is on its own.
void NameScan::classify(std::size_t i) {
    const Token& t = tokens_[i];
    Info& f = info_[i];
    f.handle = in_handle(text_, t);
    f.initial = is_initial(text_, t);
    bool effective_start = t.sentence_start;
    if (effective_start && i > 0 && (is_title_key(tokens_[i - 1].key) || info_[i - 1].initial) &&
        tokens_[i - 1].end + 2 >= t.start) {
        effective_start = false;
    }
    f.cap_informative = t.upper_first && !t.all_upper && !effective_start && !title_case_[i] && !shouting_;
    if (f.handle || t.has_digit || !t.has_letter || t.letters < 2) return;
    if (is_contraction(text_.substr(t.start, t.core_end - t.start))) return;
    const std::string& key = t.key;
    if (is_function_word(key) || is_role_word(key) || is_title_key(key) || is_kin(key)) return;
    // Clinical shorthand ("GI", "MAE", "micu") is never a name unless written Like A Name mid-text.
    if (lex_.is_clinical_abbreviation(key) && !f.cap_informative) return;
    f.stop = lex_.is_clinical_stopword(key);
    bool is_first = lex_.first_name_rank(key) != NameLexicon::kNotFound;
    bool is_sur = lex_.surname_rank(key) != NameLexicon::kNotFound;
    // In ALL-CAPS text a listed name that is any English or clinical word ("BOLUS") needs context.
    bool is_word = lex_.is_common_word(key) || (shouting_ && lex_.is_vocabulary(key));
    if (!is_first && !is_sur && key.find('-') != std::string::npos && !f.stop) {
        classify_hyphenated(key, f, is_sur, is_word);
    }
    if (calendar_words().count(key) > 0) is_word = true;
    f.first = is_first;
    f.surname = is_sur;
    const bool listed = is_first || is_sur;
    if (listed && !is_word && !f.stop) {
        if (t.upper_first) {
            f.kind = (t.all_upper && t.letters <= 3 && !shouting_) ? Kind::Word : Kind::Name;
        } else {
            const bool frequent = lex_.first_name_rank(key) < 2000 || lex_.surname_rank(key) < 2000;
            f.kind = (frequent && t.letters >= 3) ? Kind::Name : Kind::Word;
        }
    } else if (listed || f.stop) {
        f.kind = Kind::Word;
    } else if (!is_word && t.upper_first && !t.all_upper) {
        f.kind = Kind::Unknown;
    } else if (!is_word && t.all_upper && shouting_) {
        // Allow-list first where capitals say nothing: a word in no English or clinical vocabulary.
        f.kind = lex_.is_vocabulary(key) ? Kind::None : Kind::Unknown;
    }
}

// Stop phrases ("Ivor Lewis", "Smith & Nephew") are never names.
void NameScan::mark_stop_phrases() {
    for (const auto& phrase : lex_.stop_phrases()) {
        for (std::size_t i = 0; i + phrase.size() <= n_; ++i) {
            bool match = true;
            for (std::size_t k = 0; k < phrase.size() && match; ++k) match = tokens_[i + k].key == phrase[k];
            if (!match) continue;
            for (std::size_t k = 0; k < phrase.size(); ++k) info_[i + k].hard_stop = true;
        }
    }
}

// Eponym use: "Kelly clamp", "Murphy's sign", "a Kelly".
void NameScan::mark_eponym_use() {
    for (std::size_t i = 0; i < n_; ++i) {
        Info& f = info_[i];
        if (f.kind == Kind::None) continue;
        if (i + 1 < n_ && tokens_[i + 1].start - tokens_[i].end <= 2 &&
            same_clause(text_, tokens_[i], tokens_[i + 1]) && lex_.is_eponym_noun(tokens_[i + 1].key) &&
            (!tokens_[i + 1].upper_first || f.stop)) {
            f.eponym_use = true;
        }
        if (i > 0 && determiners().count(tokens_[i - 1].key) > 0 && !tokens_[i].possessive &&
            same_clause(text_, tokens_[i - 1], tokens_[i]) && f.kind != Kind::Name) {
            f.eponym_use = true;
        }
    }
}

// Wards and wings named after people: "Rose ward 3", "Kelly wing", "Rose Ward 3". A capitalised
// "Ward" with no number after it may be the surname ("Rose Ward in recovery"), and a title says
// the words are a person ("Mrs. Rose Ward 3 days post-op" stays a name).
void NameScan::mark_hospital_area(std::size_t i) {
    static const std::unordered_set<std::string> kAreas = {"ward", "wing", "unit", "tower", "building", "pavilion"};
    if (i == 0 || kAreas.count(tokens_[i].key) == 0) return;
    const bool numbered = i + 1 < n_ && tokens_[i + 1].has_digit && !tokens_[i + 1].has_letter && joined(i, i + 1);
    if (tokens_[i].upper_first && !numbered) return;
    std::size_t k = i;
    while (k > 0 && tokens_[k - 1].upper_first && joined(k - 1, k)) --k;
    if (k == i || (k > 0 && is_title_key(tokens_[k - 1].key))) return;
    for (std::size_t m = k; m <= i; ++m) info_[m].organisation = true;
}

// Organisations: "Grace Hospital", "St. Mary's", "Children's".
void NameScan::mark_organisations() {
    for (std::size_t i = 0; i < n_; ++i) {
        mark_hospital_area(i);
        if (!tokens_[i].upper_first) continue;
        const std::string& key = tokens_[i].key;
        const bool org = organisation_words().count(key) > 0 || (key == "children" && tokens_[i].possessive);
        if (org && i > 0) {
            for (std::size_t k = i; k > 0 && tokens_[k - 1].upper_first && joined(k - 1, k); --k) {
                info_[k - 1].organisation = true;
            }
        }
        if (key == "st" || key == "saint" || key == "mount" || key == "mt" || key == "san" ||
            key == "santa" || key == "fort" || key == "lake" || key == "port") {
            for (std::size_t k = i + 1; k < n_ && tokens_[k].upper_first && tokens_[k].start - tokens_[k - 1].end <= 2;
                 ++k) {
                info_[k].organisation = true;
            }
        }
    }
}

// ==== [SECTION] 2. Context passes ==============================================================

bool NameScan::can_be_named(std::size_t i) const {
    const Info& f = info_[i];
    if (f.handle || f.hard_stop || tokens_[i].has_digit || tokens_[i].letters < 2) return false;
    if (f.kind == Kind::None) return false;
    if (f.kind == Kind::Unknown && tokens_[i].all_upper && !tokens_[i].upper_first) return false;
    return true;
}

bool NameScan::promote_strong(std::size_t i) {
    if (!can_be_named(i)) return false;
    const Token& t = tokens_[i];
    // Lower-case words need to be a listed name ("her husband john").
    if (!t.upper_first && info_[i].kind != Kind::Name) return false;
    if (t.all_upper && t.letters <= 3 && !(info_[i].first || info_[i].surname)) return false;
    info_[i].strong = true;
    info_[i].name = true;
    return true;
}

// Titles: "Mrs. Brown", "Dr. J. Rivera", "dr kelly". Roles work as lowercase titles but take
// no common word ("nurse priya", not "nurse manager" or "nurse will").
void NameScan::title_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const Token& title = tokens_[i];
        if (is_staff_role(title.key) && !tokens_[i + 1].upper_first && same_clause(text_, title, tokens_[i + 1])) {
            promote_after_lowercase_title(i + 1, false);
            continue;
        }
        if (!is_title_key(title.key) || title.has_digit) continue;
        if ((title.key == "sr" || title.key == "miss" || title.key == "doctor") && !title.upper_first) continue;
        std::size_t j = i + 1;
        if (!same_clause(text_, title, tokens_[j]) &&
            !(tokens_[j].start - title.end <= 2 && text_[title.end] == '.')) {
            continue;
        }
        while (j < n_ && info_[j].initial && j + 1 < n_ && tokens_[j + 1].start - tokens_[j].end <= 2) {
            info_[j].name = true;
            info_[j].strong = true;
            ++j;
        }
        if (j >= n_) continue;
        // "Mrs L", "Mr. K. in bay 3": a lone capital after a title is the surname's initial.
        if (tokens_[j].letters == 1 && tokens_[j].upper_first && !tokens_[j].has_digit && !info_[j].handle) {
            info_[j].name = true;
            info_[j].strong = true;
            continue;
        }
        const bool promoted = (tokens_[j].upper_first || info_[j].first || info_[j].surname) && promote_strong(j);
        if (!promoted && !tokens_[j].upper_first) promote_after_lowercase_title(j, !title.upper_first);
        if (!promoted && tokens_[j].upper_first) promote_word_surname(j);
        if (info_[j].name && info_[j].first && !info_[j].surname && j + 1 < n_ && joined(j, j + 1, 1)) {
            promote_word_surname(j + 1);
        }
    }
}

// "Mrs. Angstrom", "Ms. Zoe Ångström": after a title (or a title and a given name that is not
// also a surname) a capitalised word that is also an English word is the surname. Not function, role or kinship words, clinical
// shorthand or a stop phrase ("Dr. Will", "Dr. On call", "Mr. MRSA" stay as they are).
void NameScan::promote_word_surname(std::size_t j) {
    const Token& t = tokens_[j];
    const Info& f = info_[j];
    if (f.kind != Kind::None || !t.upper_first || (t.all_upper && !shouting_) || !f.cap_informative) return;
    if (f.handle || f.hard_stop || f.organisation || t.has_digit || t.letters < 3) return;
    if (is_function_word(t.key) || is_role_word(t.key) || is_title_key(t.key) || is_kin(t.key)) return;
    if (lex_.is_clinical_abbreviation(t.key) || lex_.is_clinical_stopword(t.key) || calendar_words().count(t.key) > 0) {
        return;
    }
    if (is_note_word_after_title(t.key) || is_contraction(text_.substr(t.start, t.core_end - t.start))) return;
    // An unlisted word in -ed or -ing is the note going on ("Dr. Smith Notified", "Dr. Aware").
    const std::string& k = t.key;
    const auto ends_with = [&k](std::string_view end) { return k.size() > end.size() + 2 && k.ends_with(end); };
    if (ends_with("ed") || ends_with("ing") || k == "aware" || k == "right" || k == "left") return;
    info_[j].kind = Kind::Unknown;
    info_[j].name = true;
    info_[j].strong = true;
}

// "mrs okonkwo", "dr tamsin vale", "dr kelly", "mrs grace okafor": after a title, lowercase words
// in no vocabulary, or listed names, are the name, up to two of them. A frequent name that is
// also a common word counts right after a lowercase title ("dr brown"; not "mrs happy", "Sir bot")
// unless a note puts that word there ("dr will see", "dr made aware"); as a second word it must be
// a surname only ("vale", not "happy").
void NameScan::promote_after_lowercase_title(std::size_t j, bool lowercase_title) {
    for (std::size_t k = j; k < n_ && k < j + 2; ++k) {
        const Token& t = tokens_[k];
        if (k > j && !joined(k - 1, k, 1)) return;
        if (t.upper_first || t.has_digit || t.letters < 2 || info_[k].handle || info_[k].eponym_use) return;
        if (is_function_word(t.key) || is_role_word(t.key) || lex_.is_clinical_abbreviation(t.key)) return;
        if (is_note_word_after_title(t.key)) return;
        // A clinical eponym right after the title is the doctor ("dr kelly"), not the clamp.
        if (info_[k].stop && !(k == j && info_[k].first)) return;
        const bool listed = info_[k].first || info_[k].surname;
        const bool surname_only = info_[k].surname && !info_[k].first;
        const bool frequent = lex_.first_name_rank(t.key) < 2000 || lex_.surname_rank(t.key) < 2000;
        const bool common_ok = k == j ? frequent && lowercase_title : surname_only;
        if (lex_.is_common_word(t.key) ? !common_ok : (lex_.is_vocabulary(t.key) && !listed)) return;
        info_[k].name = true;
        info_[k].strong = true;
    }
}

// "my name is vitoria", "call me višeslav": an explicit naming cue takes a lowercase word that
// is in no word list.
bool NameScan::explicit_lowercase_name(std::size_t i, std::size_t j, bool naming) {
    const Token& t = tokens_[j];
    if (!(naming || tokens_[i].key == "named") || t.upper_first) return false;
    if (!(info_[j].kind == Kind::None || (info_[j].kind == Kind::Word && !info_[j].stop))) return false;
    if (t.has_digit || t.letters < 3 || info_[j].handle || lex_.is_common_word(t.key)) return false;
    if (lex_.is_clinical_stopword(t.key) || is_function_word(t.key) || is_role_word(t.key)) return false;
    if (is_contraction(text_.substr(t.start, t.core_end - t.start))) return false;
    info_[j].kind = Kind::Unknown;
    info_[j].strong = true;
    info_[j].name = true;
    return true;
}

// Kinship and naming cues: "her husband John", "the daughter, Ana", "named Will".
void NameScan::cue_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const std::string& key = tokens_[i].key;
        const bool kin = is_kin(key);
        const bool call_me = (key == "call" || key == "calls" || key == "called") && i + 2 < n_ &&
                             (tokens_[i + 1].key == "me" || tokens_[i + 1].key == "him" || tokens_[i + 1].key == "her");
        const bool name_is = key == "name" && (tokens_[i + 1].key == "is" || text_[tokens_[i].end] == ':' ||
                                               text_[tokens_[i].end] == '?');
        if (!kin && name_cues::name_cues().count(key) == 0 && !name_is && !call_me) continue;
        std::size_t j = call_me ? i + 2 : i + 1;
        for (std::size_t skipped = 0; j < n_ && skipped < 2 && cue_fillers().count(tokens_[j].key) > 0 &&
                                      same_clause(text_, tokens_[j - 1], tokens_[j]);
             ++skipped) {
            ++j;
        }
        const bool answer = j < n_ && name_is && text_[tokens_[i].end] == '?' && tokens_[j].start - tokens_[i].end <= 3;
        if (!answer && (j >= n_ || !light_gap(text_, tokens_[j - 1], tokens_[j]))) continue;
        if (explicit_lowercase_name(i, j, name_is || call_me)) continue;
        const Token& t = tokens_[j];
        // Patient-style cues need a capitalised name-like word; kinship accepts listed lowercase.
        if (key == "patient" || key == "pt" || key == "pts" || key == "contact" || key == "love" ||
            key == "meet" || key == "welcome" || key == "signed") {
            if (!t.upper_first || info_[j].kind == Kind::None) continue;
            if (info_[j].kind == Kind::Word && !info_[j].cap_informative && !info_[j].first && !info_[j].surname) continue;
        }
        if (social_lowercase_name(i, j)) continue;
        // ALL CAPS says nothing: "CALLED BACK", "TOLD FAMILY" are words unless a first name.
        if (shouting_ && !kin && !name_is && info_[j].kind == Kind::Word && !info_[j].first) continue;
        if (info_[j].kind == Kind::Word && info_[j].stop && !kin) continue;
        if (info_[j].eponym_use && !kin) continue;
        // After a kinship word a lowercase listed first name in no vocabulary: "son kwame".
        if (kin && !t.upper_first && info_[j].first && info_[j].kind == Kind::Word && !info_[j].stop &&
            !lex_.is_vocabulary(t.key)) {
            info_[j].kind = Kind::Name;
        }
        if (promote_strong(j) && name_is) given_name_after_comma(j);
    }
}

// "name: tran, bao": the surname a naming cue gave, a comma, then a listed first name.
void NameScan::given_name_after_comma(std::size_t j) {
    const std::size_t k = j + 1;
    if (k >= n_ || text_.substr(tokens_[j].end, tokens_[k].start - tokens_[j].end) != ", ") return;
    if (!info_[k].first || !can_be_named(k) || info_[k].stop || lex_.is_common_word(tokens_[k].key)) return;
    info_[k].name = true;
    info_[k].strong = true;
}

// "thx kelly", "hi grace": after a greeting or thanks, a lowercase frequent first name is the
// person greeted even when it is also a word or an eponym.
bool NameScan::social_lowercase_name(std::size_t i, std::size_t j) {
    static const std::unordered_set<std::string> kSocial = {"thanks", "thx", "thanx", "ty", "tysm", "hi", "hello",
                                                            "hey", "dear", "congrats", "congratulations", "shoutout",
                                                            "kudos", "love", "welcome"};
    const Token& t = tokens_[j];
    if (kSocial.count(tokens_[i].key) == 0 || t.upper_first || t.has_digit || t.letters < 3) return false;
    if (!info_[j].first || lex_.first_name_rank(t.key) >= 2000 || info_[j].eponym_use || info_[j].handle) return false;
    if (is_function_word(t.key) || is_role_word(t.key) || is_note_word_after_title(t.key)) return false;
    info_[j].name = true;
    info_[j].strong = true;
    return true;
}

// Reverse kinship: "Ana, her daughter" / "Ana (daughter)".
void NameScan::reverse_kinship_pass() {
    static const std::unordered_set<std::string> owners = {"her", "his", "their", "the", "a",
                                                           "pt", "patient", "pts", "our", "my"};
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        if (!tokens_[i].upper_first || !can_be_named(i)) continue;
        std::size_t j = i + 1;
        const std::string_view gap = text_.substr(tokens_[i].end, tokens_[j].start - tokens_[i].end);
        if (gap != ", " && gap != " (" && gap != ",") continue;
        for (int skip = 0; skip < 2 && j + 1 < n_ && owners.count(tokens_[j].key) > 0 && joined(j, j + 1); ++skip) ++j;
        if (is_kin(tokens_[j].key)) promote_strong(i);
    }
}

// A capitalised name-word next to a capitalised non-name reads as a proper noun phrase:
// "Rose Garden", "Entertainment Weekly", "Grand Rounds".
bool NameScan::in_proper_phrase(std::size_t i) const {
    const Info& f = info_[i];
    if (i + 1 < n_ && joined(i, i + 1) && tokens_[i + 1].upper_first &&
        (info_[i + 1].kind == Kind::None || (info_[i + 1].kind == Kind::Unknown && !f.first))) {
        return true;
    }
    if (i > 0 && joined(i - 1, i) && tokens_[i - 1].upper_first && info_[i - 1].kind == Kind::None &&
        !is_title_key(tokens_[i - 1].key)) {
        return true;
    }
    for (std::size_t j : {i + 1, i - 1}) {
        if (j >= n_ || (j < i && i == 0)) continue;
        const std::size_t a = std::min(i, j), b = std::max(i, j);
        if (joined(a, b) && tokens_[j].upper_first && info_[j].kind == Kind::Word && lex_.is_common_word(tokens_[j].key) &&
            !(a == i ? (f.first && info_[j].surname) : (info_[j].first && f.surname))) {
            return true;
        }
    }
    return false;
}

// Unambiguous names, and ambiguous ones capitalised mid-sentence.
void NameScan::clear_names_pass() {
    for (std::size_t i = 0; i < n_; ++i) {
        Info& f = info_[i];
        if (!can_be_named(i) || f.name || f.eponym_use || f.organisation) continue;
        if (f.kind == Kind::Name) {
            f.name = true;
        } else if (f.kind == Kind::Word && !f.stop && f.cap_informative &&
                   calendar_words().count(tokens_[i].key) == 0 && (f.first || f.surname)) {
            f.name = !in_proper_phrase(i);
        }
    }
}

// Two capitalised unknown words with non-English letters: "Krisztián Szöllösy".
void NameScan::foreign_pair_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        if (info_[i].kind != Kind::Unknown || info_[i + 1].kind != Kind::Unknown) continue;
        if (title_case_[i] || info_[i].handle || info_[i + 1].handle || !joined(i, i + 1, 1)) continue;
        const Token& a = tokens_[i];
        const Token& b = tokens_[i + 1];
        if (!has_non_ascii(text_.substr(a.start, a.core_end - a.start)) &&
            !has_non_ascii(text_.substr(b.start, b.core_end - b.start))) {
            continue;
        }
        if (a.letters < 3 || b.letters < 3) continue;
        info_[i].name = true;
        info_[i + 1].name = true;
    }
}

// "Ravil G Yefimov", "Martim A Pereira": First, a bare capital, Last. A listed first name or a
// word in no list, then one capital letter, then a listed surname or a word in no list.
void NameScan::middle_initial_triple_pass() {
    auto name_like = [&](std::size_t k, bool first) {
        const Info& f = info_[k];
        if (!can_be_named(k) || !tokens_[k].upper_first || tokens_[k].all_upper || f.stop || f.organisation) return false;
        if (title_case_[k] || lex_.is_common_word(tokens_[k].key)) return false;
        return f.kind == Kind::Unknown || (first ? f.first : f.surname);
    };
    for (std::size_t i = 0; i + 2 < n_; ++i) {
        const Token& m = tokens_[i + 1];
        if (m.letters != 1 || !m.upper_first || m.has_digit || m.end != m.core_end) continue;
        if (!joined(i, i + 1, 1) || !joined(i + 1, i + 2, 1)) continue;
        if (!name_like(i, true) || !name_like(i + 2, false)) continue;
        for (std::size_t k = i; k < i + 3; ++k) info_[k].name = true;
    }
}

// "aksel kristensen", "olga krylova": a lowercase listed first name that is no English word, then
// a lowercase word in no vocabulary at all (not English, not clinical).
void NameScan::lowercase_pair_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const Token& a = tokens_[i];
        const Token& b = tokens_[i + 1];
        if (a.upper_first || b.upper_first || a.has_digit || b.has_digit || !joined(i, i + 1, 1)) continue;
        if (info_[i].handle || info_[i + 1].handle || a.letters < 3 || b.letters < 4) continue;
        if (calendar_words().count(a.key) > 0 || calendar_words().count(b.key) > 0) continue;  // "sunday june 4th"
        if (!info_[i].first || lex_.is_common_word(a.key) || lex_.is_vocabulary(a.key) || info_[i].stop) continue;
        if (lex_.is_vocabulary(b.key) || lex_.is_clinical_abbreviation(b.key) || lex_.is_clinical_stopword(b.key)) continue;
        if (is_function_word(b.key) || is_role_word(b.key)) continue;
        info_[i].name = true;
        info_[i + 1].name = true;
    }
}

// A capitalised word in no list (or a name that is also a rare word) that context may name.
bool NameScan::unknown_cap(std::size_t i) const {
    const Info& f = info_[i];
    const Token& t = tokens_[i];
    if (!can_be_named(i) || f.eponym_use || f.organisation || f.stop || title_case_[i]) return false;
    if (!t.upper_first || t.all_upper || t.letters < 2) return false;
    if (calendar_words().count(t.key) > 0) return false;
    return f.kind == Kind::Unknown || f.kind == Kind::Name ||
           (f.kind == Kind::Word && (f.first || f.surname) && !lex_.is_common_word(t.key));
}

bool NameScan::clause_start(std::size_t i) const {
    if (i == 0 || tokens_[i].sentence_start) return true;
    for (std::size_t k = tokens_[i - 1].end; k < tokens_[i].start; ++k) {
        if (text_[k] == ',' || text_[k] == ';' || text_[k] == ':' || text_[k] == '\n') return true;
    }
    const std::string& p = tokens_[i - 1].key;
    return p == "and" || p == "but" || p == "then" || p == "while" || p == "when" || p == "so" ||
           p == "because" || p == "that";
}

// "Zbigniew, 52, was admitted", "Zbigniew's daughter", "…, Zbigniew needs a lift".
bool NameScan::person_shaped(std::size_t i) const {
    const Token& t = tokens_[i];
    if (!t.possessive && i + 1 < n_ && tokens_[i + 1].has_digit && !tokens_[i + 1].has_letter &&
        tokens_[i + 1].core_end - tokens_[i + 1].start <= 3) {
        const std::string_view gap = text_.substr(t.end, tokens_[i + 1].start - t.end);
        const std::size_t e = tokens_[i + 1].end;
        const bool closes = e < text_.size() && (text_[e] == ',' || text_[e] == ')');
        const bool years = i + 2 < n_ && (tokens_[i + 2].key == "yo" || tokens_[i + 2].key == "y" ||
                                          tokens_[i + 2].key == "years" || tokens_[i + 2].key == "yrs");
        if ((gap == ", " && (closes || years)) || (gap == " (" && closes)) return true;
    }
    if (t.possessive && i + 1 < n_ && is_kin(tokens_[i + 1].key) && joined(i, i + 1, 1)) return true;
    if (!t.possessive && i + 1 < n_ && clause_start(i) && joined(i, i + 1, 1)) {
        const std::string& v = tokens_[i + 1].key;
        if (is_person_verb(v)) return true;
        if ((v == "is" || v == "was") && i + 2 < n_ && is_person_state(tokens_[i + 2].key)) return true;
    }
    return false;
}

// A capitalised listed first name that is also a word or an eponym ("Rose", "Bill", "Kelly"). Only
// a person's context makes it a name; "Kelly clamp" (eponym use) never is.
bool NameScan::capitalised_word_name(std::size_t i) const {
    const Info& f = info_[i];
    const Token& t = tokens_[i];
    if (!can_be_named(i) || f.kind != Kind::Word || !f.first || f.eponym_use || f.organisation) return false;
    return t.upper_first && !t.all_upper && calendar_words().count(t.key) == 0;
}

// Does a verb only people do, or "is/was" and a state only people are in, follow token i?
bool NameScan::person_predicate_after(std::size_t i) const {
    if (i + 1 >= n_ || !joined(i, i + 1, 1)) return false;
    const std::string& v = tokens_[i + 1].key;
    if (is_person_verb(v)) return true;
    return (v == "is" || v == "was") && i + 2 < n_ && joined(i + 1, i + 2, 1) && is_person_state(tokens_[i + 2].key);
}

// Such a name as the clause-initial subject of a person's verb ("Rose said she was cold", "Grace
// is awake", "Bill and Addison brought coffee"), or the object of telling or thanking ("Tell Kelly").
bool NameScan::word_name_as_subject(std::size_t i) const {
    if (!capitalised_word_name(i) || tokens_[i].possessive) return false;
    if (i > 0 && is_person_object_verb(tokens_[i - 1].key) && joined(i - 1, i, 1)) return true;
    if (!clause_start(i)) return false;
    if (person_predicate_after(i)) return true;
    // "Bill and Addison brought …": two such names joined by "and" before the verb.
    return i + 3 < n_ && tokens_[i + 1].key == "and" && joined(i, i + 1, 1) && joined(i + 1, i + 2, 1) &&
           (capitalised_word_name(i + 2) || unknown_cap(i + 2)) && person_predicate_after(i + 2);
}

void NameScan::person_context_pass() {
    for (std::size_t i = 0; i < n_; ++i) {
        if (info_[i].name) continue;
        if (!(unknown_cap(i) && person_shaped(i)) && !word_name_as_subject(i)) continue;
        info_[i].name = true;
        info_[i].strong = true;
        // The second of "Bill and Addison brought" is named with the first.
        if (i + 2 < n_ && tokens_[i + 1].key == "and" && capitalised_word_name(i + 2)) {
            info_[i + 2].name = true;
            info_[i + 2].strong = true;
        }
    }
}

// Coordination with a clear name: "Usamov and Bowers", "Gaetane, Hannah and Anthony".
void NameScan::coordination_pass() {
    auto clear_name = [&](std::size_t j) { return info_[j].name && !info_[j].initial && tokens_[j].upper_first; };
    auto coordinated = [&](std::size_t a, std::size_t b) {  // a < b
        const std::string_view gap = text_.substr(tokens_[a].end, tokens_[b].start - tokens_[a].end);
        return gap == ", " || gap == " & ";
    };
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < n_; ++i) {
            if (info_[i].name || !unknown_cap(i) || info_[i].kind == Kind::Word || tokens_[i].possessive) continue;
            bool ok = (i + 1 < n_ && coordinated(i, i + 1) && clear_name(i + 1)) ||
                      (i > 0 && coordinated(i - 1, i) && clear_name(i - 1));
            ok = ok || (i + 2 < n_ && tokens_[i + 1].key == "and" && joined(i, i + 1, 1) && joined(i + 1, i + 2, 1) &&
                        clear_name(i + 2));
            ok = ok || (i >= 2 && tokens_[i - 1].key == "and" && joined(i - 1, i, 1) && joined(i - 2, i - 1, 1) &&
                        clear_name(i - 2));
            if (ok) {
                info_[i].name = true;
                changed = true;
            }
        }
    }
}

// Two capitalised words in no list side by side: "Gyala Antall", "Ushurma Dratchev".
void NameScan::unknown_pair_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        if (info_[i].kind != Kind::Unknown || info_[i + 1].kind != Kind::Unknown) continue;
        if (!unknown_cap(i) || !unknown_cap(i + 1) || tokens_[i].possessive || !joined(i, i + 1, 1)) continue;
        if (tokens_[i].letters < 3 || tokens_[i + 1].letters < 3) continue;
        if (i + 2 < n_ && lex_.is_eponym_noun(tokens_[i + 2].key) && joined(i + 1, i + 2)) continue;
        info_[i].name = true;
        info_[i + 1].name = true;
    }
}

// ==== [SECTION] 3. Spreading ==================================================================

// May token i become a name because its neighbour j is one ("Will Smith", "Maria Kreutzmann")?
bool NameScan::neighbour_ok(std::size_t i, std::size_t j, bool neighbour_is_right) const {
    const Info& f = info_[i];
    if (!info_[j].name || info_[j].initial) return false;
    if (!joined(std::min(i, j), std::max(i, j), 1)) return false;
    if (tokens_[i].upper_first != tokens_[j].upper_first) return false;
    if (!tokens_[i].upper_first && f.kind != Kind::Name) {
        // "lena andersson": a listed surname (not a word) after a lowercase first name.
        if (!(f.surname && !neighbour_is_right && info_[j].first && !f.stop && !lex_.is_common_word(tokens_[i].key))) {
            return false;
        }
    }
    if (neighbour_is_right && tokens_[i].possessive) return false;
    if (!neighbour_is_right && tokens_[j].possessive) return false;
    // "Tell Kelly", "Thank Rose": the verb that made the name is not part of it.
    if (neighbour_is_right && is_person_object_verb(tokens_[i].key) && f.kind != Kind::Name) return false;
    // "Kelly Lopez": a stopword that is a first name before a surname, or after one.
    if (f.stop) return neighbour_is_right ? f.first : f.surname;
    return true;
}

// A bare middle initial after a name: "Kate M Begum". Marks the initial, and the word after it
// when that can be a name. Returns whether anything changed.
bool NameScan::bare_middle_initial(std::size_t i) {
    if (i == 0 || i + 1 >= n_) return false;
    const Token& t = tokens_[i];
    if (info_[i].name || t.letters != 1 || !t.upper_first || t.has_digit || info_[i].handle) return false;
    if (t.end != t.core_end || (t.end < text_.size() && text_[t.end] == '.')) return false;
    if (!info_[i - 1].name || info_[i - 1].initial || !tokens_[i - 1].upper_first) return false;
    if (!tokens_[i + 1].upper_first || !joined(i - 1, i, 1) || !joined(i, i + 1, 1)) return false;
    const Info& next = info_[i + 1];
    if (!next.name) {
        if (!can_be_named(i + 1) || next.eponym_use || next.organisation || next.stop) return false;
        if (!(next.kind == Kind::Unknown || next.first || next.surname)) return false;
        info_[i + 1].name = true;
    }
    info_[i].name = true;
    return true;
}

void NameScan::spread_to_neighbours() {
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < n_; ++i) {
            if (bare_middle_initial(i)) changed = true;
            Info& f = info_[i];
            if (f.name || !can_be_named(i) || f.eponym_use || f.organisation) continue;
            if (!tokens_[i].upper_first && !(f.first || f.surname)) continue;
            bool ok = (i + 1 < n_ && neighbour_ok(i, i + 1, true)) || (i > 0 && neighbour_ok(i, i - 1, false));
            // Initials between names: "Vanessa P. Hertzog", "vanessa p. hertzog"; a word goes on
            // with the sentence ("Maria L. doing well").
            const bool surname_like = tokens_[i].upper_first || !lex_.is_vocabulary(tokens_[i].key);
            if (!ok && i >= 2 && surname_like && info_[i - 1].initial && info_[i - 2].name &&
                tokens_[i].start - tokens_[i - 1].end <= 2 && tokens_[i - 1].start - tokens_[i - 2].end <= 2) {
                ok = true;
                info_[i - 1].name = true;
            }
            if (ok) {
                f.name = true;
                changed = true;
            }
        }
    }
}

// Initials: "M.L.", "M. L.", "J. Smith".
void NameScan::initials_pass() {
    for (std::size_t i = 0; i < n_; ++i) {
        if (!info_[i].initial || info_[i].name || info_[i].handle) continue;
        std::size_t j = i;
        std::string letters;
        while (j < n_ && info_[j].initial && (j == i || tokens_[j].start - tokens_[j - 1].end <= 2)) {
            letters += tokens_[j].key;
            ++j;
        }
        const bool near = j < n_ && tokens_[j].start - tokens_[j - 1].end <= 2 && tokens_[j].upper_first;
        const bool followed_by_name = near && info_[j].name;
        const bool followed_by_candidate = near && can_be_named(j) && !info_[j].stop && !info_[j].eponym_use &&
                                           (info_[j].kind == Kind::Unknown || info_[j].first || info_[j].surname);
        if (dotted_abbreviations().count(letters) > 0) {
            i = j - 1;  // "Y.O. MALE", "P.O. meds": an abbreviation, not initials
            continue;
        }
        if (letters.size() >= 2) {
            for (std::size_t k = i; k < j; ++k) info_[k].name = true;
            if (followed_by_candidate) info_[j].name = true;
        } else if (followed_by_name || followed_by_candidate) {
            for (std::size_t k = i; k < j; ++k) info_[k].name = true;
            info_[j].name = true;
        }
    }
}

// "pt ML to PACU", "Patient JS": two or three capitals right after a mixed-case "pt" are the
// patient's initials, unless they are a clinical abbreviation ("pt NPO", "pt DNR"). Units are
// abbreviations too but never follow "pt", so "ML" there is initials. An all-caps note ("PT OK")
// says nothing by case and is left alone.
void NameScan::patient_initials_pass() {
    static const std::unordered_set<std::string> kUnits = {"ml", "mg", "cc", "cm", "mm", "kg", "dl", "mcg"};
    static const std::unordered_set<std::string> kStates = {"ok", "ga", "hoh", "ama", "dc", "prn", "npo", "dnr",
                                                            "dni", "cmo", "loc", "gcs", "ett", "od", "ex"};
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const Token& cue = tokens_[i];
        // "pt's MRN" is a thing of the patient's, not their initials.
        if ((cue.key != "pt" && cue.key != "patient") || cue.all_upper || cue.possessive || !joined(i, i + 1, 1)) {
            continue;
        }
        const Token& t = tokens_[i + 1];
        if (!t.all_upper || t.has_digit || t.letters < 2 || t.letters > 3 || info_[i + 1].handle) continue;
        if (kStates.count(t.key) > 0) continue;
        if (lex_.is_clinical_abbreviation(t.key) && kUnits.count(t.key) == 0) continue;
        info_[i + 1].name = true;
        info_[i + 1].strong = true;
    }
}

// Whiteboard style "LOPEZ-GARCIA, ANA B": after an ALL-CAPS surname that is a name and a comma,
// an ALL-CAPS listed first name of any length ("ANA", "BO"), then a bare middle initial.
void NameScan::board_style_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const std::size_t j = i + 1;
        if (!info_[i].name || !tokens_[i].all_upper || tokens_[i].letters < 2) continue;
        if (text_.substr(tokens_[i].end, tokens_[j].start - tokens_[i].end) != ", ") continue;
        if (!tokens_[j].all_upper || !info_[j].first || tokens_[j].letters < 2 || !can_be_named(j)) continue;
        // A first name that is also a word must end the entry: "WORCESTER, WILL VISIT" is a sentence.
        if (info_[j].kind == Kind::Word && j + 1 < n_ && joined(j, j + 1, 1) && tokens_[j + 1].letters >= 2) continue;
        info_[j].name = true;
        const std::size_t k = j + 1;
        if (k < n_ && tokens_[k].letters == 1 && tokens_[k].upper_first && !tokens_[k].has_digit && joined(j, k, 1) &&
            (k + 1 >= n_ || !joined(k, k + 1, 1) || !tokens_[k + 1].upper_first || tokens_[k + 1].all_upper)) {
            info_[k].name = true;
        }
    }
}

// "Called Kelly RN from 11W", "report to Jo NP": a capitalised listed name right before a
// nurse's or doctor's credential is that person, even when it is a word or an eponym. Shift and
// unit words ("Charge RN", "PACU RN") are not names and are never listed as such here.
void NameScan::credential_pass() {
    static const std::unordered_set<std::string> kCredentials = {"rn", "md", "np", "pa", "crna", "lpn", "cna",
                                                                 "rrt", "aprn", "bsn", "msn", "dnp", "pharmd"};
    static const std::unordered_set<std::string> kShiftWords = {
        "charge", "primary", "night", "day", "float", "floor", "resource", "travel", "circulating", "bedside",
        "covering", "oncoming", "evening", "staff", "unit", "team", "admitting", "triage", "head", "lead"};
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const Token& t = tokens_[i];
        const Token& next = tokens_[i + 1];
        if (info_[i].name || !t.upper_first || t.all_upper || !joined(i, i + 1, 1)) continue;
        if (!next.all_upper || kCredentials.count(next.key) == 0) continue;
        if (!(info_[i].first || info_[i].surname) || info_[i].organisation || !can_be_named(i)) continue;
        if (kShiftWords.count(t.key) > 0 || lex_.is_clinical_abbreviation(t.key)) continue;
        info_[i].name = true;
        info_[i].strong = true;
    }
}

// "Ludwig van der Berg", "Ana de la Cruz", "Willemine ten Pas": lowercase particles between two
// capitalised names belong to the name.
void NameScan::particle_pass() {
    static const std::unordered_set<std::string> kParticles = {
        "van", "der", "den", "de", "la", "le", "du", "des", "del", "della", "di", "da", "dos", "das", "do",
        "von", "zu", "ten", "ter", "bin", "ibn", "al", "el", "af", "av", "y"};
    for (std::size_t i = 0; i + 2 < n_; ++i) {
        if (!info_[i].name || !tokens_[i].upper_first) continue;
        std::size_t j = i + 1;
        while (j < n_ && j <= i + 3 && !tokens_[j].upper_first && kParticles.count(tokens_[j].key) > 0 &&
               joined(j - 1, j, 1)) {
            ++j;
        }
        if (j == i + 1 || j >= n_ || !joined(j - 1, j, 1) || !tokens_[j].upper_first) continue;
        if (!info_[j].name && !(can_be_named(j) && !info_[j].stop && !info_[j].organisation &&
                                (info_[j].kind == Kind::Unknown || info_[j].surname))) {
            continue;
        }
        for (std::size_t k = i + 1; k <= j; ++k) info_[k].name = true;
    }
}

// "M4ria", "L0pez", "Mar-ia": a word written with look-alike digits or a stray hyphen to slip past
// the lists. Undone, it must be a listed name of some frequency that is no English word.
void NameScan::disguised_name_pass() {
    for (std::size_t i = 0; i < n_; ++i) {
        const Token& t = tokens_[i];
        if (info_[i].name || info_[i].handle || t.letters < 2) continue;
        if (!t.has_digit && t.key.find('-') == std::string::npos) continue;
        std::string plain;
        for (char c : t.key) {
            static const std::string_view kDigits = "013457", kLetters = "oieast";
            if (c == '-') continue;
            const std::size_t d = kDigits.find(c);
            plain.push_back(d == std::string_view::npos ? c : kLetters[d]);
        }
        if (plain.size() < 4 || plain.find_first_of("0123456789") != std::string::npos) continue;
        const bool frequent = lex_.first_name_rank(plain) < 20000 || lex_.surname_rank(plain) < 20000;
        if (!frequent || lex_.is_common_word(plain) || lex_.is_vocabulary(plain)) continue;
        // Real hyphenated names ("Anne-Marie") are names already; a word pair ("follow-up") never folds to one.
        info_[i].name = true;
        info_[i].strong = true;
    }
}

// "M a r i a", "L.O.P.E.Z": four or more single letters with the same one separator between
// each, spelling something that is no word or abbreviation ("S O A P" stays). Shorthand mixes
// separators and slashes ("Y/O F S/P"); a spelled name does not.
void NameScan::spelled_out_pass() {
    for (std::size_t i = 0; i < n_;) {
        std::size_t j = i;
        std::string word;
        char separator = 0;
        while (j < n_ && tokens_[j].letters == 1 && !tokens_[j].has_digit && tokens_[j].core_end - tokens_[j].start <= 4) {
            if (j > i) {
                if (tokens_[j].start - tokens_[j - 1].end != 1) break;
                const char sep = text_[tokens_[j - 1].end];
                if (sep == '/' || (separator != 0 && sep != separator)) break;
                separator = sep;
            }
            word += tokens_[j].key;
            ++j;
        }
        if (j - i >= 4 && !lex_.is_vocabulary(word) && !lex_.is_clinical_abbreviation(word)) {
            for (std::size_t k = i; k < j; ++k) info_[k].name = true;
        }
        i = j > i ? j : i + 1;
    }
}

// A capitalised word before initials that became a name: "Sari J. Paavolainen".
void NameScan::before_initials_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        const Info& f = info_[i];
        if (f.name || !info_[i + 1].initial || !info_[i + 1].name) continue;
        if (!tokens_[i].upper_first || f.kind == Kind::None || !can_be_named(i)) continue;
        if (f.stop || f.eponym_use || f.organisation || title_case_[i] || !joined(i, i + 1, 1)) continue;
        if (f.kind == Kind::Word && !(f.first || f.surname)) continue;
        info_[i].name = true;
    }
}

// A surname's initial after a name, as staff sign: "RN: Jessica M.", "NP: Tom B.".
void NameScan::after_name_initial_pass() {
    for (std::size_t i = 0; i + 1 < n_; ++i) {
        if (!info_[i].name || !tokens_[i].upper_first || !info_[i + 1].initial || info_[i + 1].name) continue;
        if (!joined(i, i + 1, 1)) continue;
        info_[i + 1].name = true;
    }
}

// ==== [SECTION] 4. Allow list and output =======================================================

// Names inside #hashtags and @handles: "#TeamMariaLopez", "@maria_lopez". The handle is cut at
// case changes and underscores; a listed first name followed by a listed surname (neither a
// common word) is a name.
void NameScan::find_handle_names(const AllowList& allowed, std::vector<Candidate>& out) const {
    struct Piece {
        std::size_t start, end;
        std::string key;
    };
    std::vector<Piece> pieces;
    for (std::size_t i = 0; i < n_; ++i) {
        if (!info_[i].handle) continue;
        const Token& t = tokens_[i];
        // "@MariaLopez88": digits at the end are dropped, digits inside leave the handle alone.
        std::size_t end = t.core_end;
        while (end > t.start && std::isdigit(static_cast<unsigned char>(text_[end - 1]))) --end;
        if (end == t.start || text_.substr(t.start, end - t.start).find_first_of("0123456789") != std::string_view::npos) {
            continue;
        }
        std::size_t p = t.start;
        for (std::size_t k = t.start + 1; k <= end; ++k) {
            const bool cut = k == end || (std::isupper(static_cast<unsigned char>(text_[k])) &&
                                                 std::islower(static_cast<unsigned char>(text_[k - 1])));
            if (!cut) continue;
            pieces.push_back({p, k, fold_plain(text_.substr(p, k - p))});
            p = k;
        }
    }
    for (std::size_t k = 0; k + 1 < pieces.size(); ++k) {
        const Piece& a = pieces[k];
        const Piece& b = pieces[k + 1];
        if (b.start > a.end + 1 || a.key.size() < 3 || b.key.size() < 3) continue;
        if (lex_.first_name_rank(a.key) == NameLexicon::kNotFound || lex_.surname_rank(b.key) == NameLexicon::kNotFound) {
            continue;
        }
        if (lex_.is_common_word(a.key) || lex_.is_common_word(b.key) || allowed.protects({a.key, b.key})) continue;
        add_candidate(out, a.start, b.end, PhiCategory::Name, "name-in-handle", priority::kName);
    }
}

// Allow-listed staff: a name run the allow list protects is dropped (AllowList::protects).
void NameScan::emit(const AllowList& allowed, std::vector<Candidate>& out) const {
    for (std::size_t i = 0; i < n_;) {
        if (!info_[i].name) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < n_ && info_[j].name && tokens_[j].start - tokens_[j - 1].end <= 2 &&
               text_.substr(tokens_[j - 1].end, tokens_[j].start - tokens_[j - 1].end).find_first_not_of(" \t.") ==
                   std::string_view::npos) {
            ++j;
        }
        std::vector<std::string> run;
        for (std::size_t k = i; k < j; ++k) {
            if (!info_[k].initial) run.push_back(tokens_[k].key);
        }
        if (!allowed.protects(run)) {
            for (std::size_t k = i; k < j; ++k) {
                const Info& f = info_[k];
                const std::size_t end = f.initial ? tokens_[k].end + 1 : tokens_[k].core_end;
                add_candidate(out, tokens_[k].start, end, PhiCategory::Name,
                              f.strong ? "name-context" : (f.initial ? "name-initials" : "name-list"), priority::kName);
            }
        }
        i = j;
    }
}

}  // namespace

bool is_title_key(const std::string& key) { return titles().count(key) > 0; }

bool AllowList::protects(const std::vector<std::string>& run) const {
    if (run.empty()) return false;
    for (const std::vector<std::string>& person : people) {
        if (run == person) return true;
        if (run.size() == 1 && run[0] == person.back()) return true;
    }
    return false;
}

bool AllowList::names_organisation(const std::vector<std::string>& keys) const {
    static const std::unordered_set<std::string> kGeneric = {"st", "saint", "general", "regional", "rehab",
                                                             "rehabilitation", "nursing", "home", "the"};
    for (const std::vector<std::string>& org : organisations) {
        bool any = false, all = true;
        for (const std::string& k : keys) {
            if (kGeneric.count(k) > 0 || organisation_words().count(k) > 0) continue;
            any = true;
            all = all && std::find(org.begin(), org.end(), k) != org.end();
        }
        if (any && all) return true;
    }
    return false;
}

AllowList make_allow_list(const std::vector<std::string>& allow) {
    AllowList list;
    for (const std::string& entry : allow) {
        std::vector<std::string> keys;
        bool organisation = false;
        for (const Token& t : tokenize(entry)) {
            if (t.letters < 2 || is_title_key(t.key) || is_role_word(t.key)) continue;
            organisation = organisation || organisation_words().count(t.key) > 0;
            keys.push_back(t.key);
            list.keys.insert(t.key);
        }
        // The hospital's own name is not a person: it protects no one's name.
        if (keys.empty()) continue;
        if (organisation) {
            list.organisations.push_back(std::move(keys));
        } else {
            list.people.push_back(std::move(keys));
        }
    }
    return list;
}

void NameDetector::find(std::string_view text, const std::vector<Token>& tokens, const AllowList& allowed,
                        std::vector<Candidate>& out) const {
    NameScan(text, tokens, lex_).run(allowed, out);
}

}  // namespace orlive
