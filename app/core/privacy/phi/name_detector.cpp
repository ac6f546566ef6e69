#include "core/privacy/phi/name_detector.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace orlive {
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

const std::unordered_set<std::string>& titles() {
    static const std::unordered_set<std::string> k = {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "doctor", "rev", "sr",
        "mister", "madam", "mme", "mlle", "sra", "sr", "herr", "frau", "sir", "dame", "lady", "lord"};
    return k;
}

const std::unordered_set<std::string>& kin_words() {
    static const std::unordered_set<std::string> k = {
        "daughter", "son", "husband", "wife", "mother", "mom", "mum", "mommy", "father", "dad",
        "daddy", "brother", "sister", "partner", "spouse", "fiance", "fiancee", "boyfriend",
        "girlfriend", "niece", "nephew", "grandson", "granddaughter", "grandmother", "grandfather",
        "grandma", "grandpa", "granny", "aunt", "auntie", "uncle", "cousin", "relative", "guardian",
        "caregiver", "carer", "friend", "neighbor", "neighbour", "stepson", "stepdaughter",
        "stepmother", "stepfather", "sibling", "child", "kid", "baby", "twin", "parent", "parents",
        "kin", "nok", "widow", "widower", "roommate", "colleague", "grandchild", "godmother",
        "godfather", "in-law", "daughter-in-law", "son-in-law", "mother-in-law", "father-in-law",
        "sister-in-law", "brother-in-law", "wife's", "husband's"};
    return k;
}

// Words after which the next capitalised word is someone's name.
const std::unordered_set<std::string>& name_cues() {
    static const std::unordered_set<std::string> k = {
        "named", "called", "aka", "dear", "hi", "hello", "hey", "thanks", "says", "said",
        "asked", "told", "patient", "pt", "pts", "mrs", "visitor", "contact", "signed", "love",
        "congrats", "congratulations", "welcome", "meet", "née", "nee"};
    return k;
}

// Words that may sit between a cue and the name: "her husband, Mr. John", "name is Ana".
const std::unordered_set<std::string>& cue_fillers() {
    static const std::unordered_set<std::string> k = {"is", "was", "named", "called", "name",
                                                      "the", "mr", "mrs", "ms", "miss", "dr"};
    return k;
}

const std::unordered_set<std::string>& determiners() {
    static const std::unordered_set<std::string> k = {
        "a", "an", "the", "this", "that", "each", "another", "one", "two", "three", "four",
        "both", "second", "first", "third", "new", "standard", "modified", "open", "lap",
        "laparoscopic", "robotic", "via", "using", "with"};
    return k;
}

const std::unordered_set<std::string>& organisation_words() {
    static const std::unordered_set<std::string> k = {
        "hospital", "hospitals", "clinic", "medical", "health", "healthcare", "institute",
        "university", "college", "school", "foundation", "center", "centre", "memorial",
        "pharmacy", "labs", "laboratories", "inc", "llc", "corp", "pavilion", "award", "lecture",
        "society", "surgical", "scientific", "medicine", "prize", "fellowship", "library"};
    return k;
}

const std::unordered_set<std::string>& calendar_words() {
    static const std::unordered_set<std::string> k = {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "christmas", "easter",
        // Directions and US states: places, never a person on capitalisation alone.
        "north", "south", "east", "west", "central", "grand", "upper", "lower", "main",
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
        "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
        "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio",
        "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia",
        "washington", "wisconsin", "wyoming", "dakota", "carolina", "jersey", "york"};
    return k;
}

// Two- and three-letter dotted abbreviations that are not initials.
const std::unordered_set<std::string>& dotted_abbreviations() {
    static const std::unordered_set<std::string> k = {
        "po", "iv", "or", "md", "rn", "am", "pm", "us", "er", "dc", "npo", "bp", "hr", "ct", "mri",
        "ekg", "ecg", "do", "pa", "np", "crna", "id", "ed", "gi", "ob", "gyn", "ent", "uk", "asa",
        "nb", "ps", "eg", "ie", "vs", "qd", "bid", "tid", "qid", "hs", "ac", "pc", "od", "os", "ou",
        "ad", "au", "sq", "im", "sc", "pr", "ng", "og", "jp", "ld", "rt", "lt", "ot", "pt", "st",
        "usa", "ny", "la", "icu", "ok", "rip", "aka", "ie", "ea", "no", "dob", "ssn", "mrn", "bs",
        "ba", "ms", "phd", "dds", "dmd", "mph", "mba", "ma", "sn", "pe", "cv", "gp", "uti", "ap",
        "mg", "kg", "cc", "hb", "ph", "rr", "hx", "dx", "tx", "rx", "sx", "fx", "bx", "cx"};
    return k;
}

// Short English function words that are also in the name lists ("By", "In", "Do").
bool is_function_word(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "a", "an", "the", "by", "in", "on", "at", "to", "of", "and", "or", "for", "as", "is", "it",
        "so", "no", "do", "be", "he", "me", "we", "my", "up", "us", "if", "but", "not", "all",
        "can", "her", "his", "him", "she", "you", "our", "per", "via", "from", "with", "into",
        "over", "than", "then", "when", "says", "said", "very", "just", "more"};
    return k.count(key) > 0;
}

// People's roles and OR words that begin sentences next to names ("Patient Maria", "Nurse Jo").
bool is_role_word(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "patient", "pt", "nurse", "doctor", "surgeon", "resident", "fellow", "attending",
        "anesthetist", "anesthesiologist", "anaesthetist", "tech", "scrub", "circulator", "team",
        "family", "case", "room", "bed", "update", "congrats", "thanks", "welcome", "today",
        "tonight", "tomorrow", "yesterday", "specimen", "consent", "chart"};
    return k.count(key) > 0;
}

// Verbs that, right after a clause-initial capitalised word, say it is a person ("Zbigniew said").
bool is_person_verb(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "said", "says", "told", "tells", "asked", "asks", "shouted", "replied", "smiled", "laughed",
        "cried", "thanked", "thinks", "thought", "feels", "felt", "hopes", "hoped", "wants",
        "wanted", "loves", "loved", "lives", "lived", "died", "woke", "walked", "spent", "married",
        "needs", "wishes", "wished", "prays", "prayed", "waved", "whispered", "insisted", "agreed",
        "refused", "consented", "declined"};
    return k.count(key) > 0;
}

// "X is/was <state>": states only a person is in.
bool is_person_state(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "from", "born", "awake", "asleep", "resting", "recovering", "comfortable", "happy",
        "married", "crying", "smiling", "walking", "eating", "talking", "doing", "reliable"};
    return k.count(key) > 0;
}

// Contractions ("I've", "I'm", "we'll") are never names.
bool is_contraction(std::string_view word) {
    for (std::string_view suffix :
         {"'ve", "'m", "'ll", "'re", "'d", "n't", "\xE2\x80\x99" "ve", "\xE2\x80\x99" "m",
          "\xE2\x80\x99" "ll", "\xE2\x80\x99" "re", "\xE2\x80\x99" "d", "n\xE2\x80\x99" "t"}) {
        if (word.size() > suffix.size() && word.substr(word.size() - suffix.size()) == suffix) return true;
    }
    return false;
}

bool has_non_ascii(std::string_view word) {
    for (char c : word) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

bool is_kin(const std::string& key) {
    if (kin_words().count(key) > 0) return true;
    if (key.size() > 1 && key.back() == 's' && kin_words().count(key.substr(0, key.size() - 1))) {
        return true;
    }
    return false;
}

// The gap between two tokens has no sentence or clause break.
bool same_clause(std::string_view text, const Token& a, const Token& b) {
    for (std::size_t k = a.end; k < b.start; ++k) {
        const char c = text[k];
        if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';' || c == '(' || c == ')' ||
            c == '[' || c == ']' || c == '"') {
            return false;
        }
    }
    return b.start - a.end <= 4;
}

// Gap between tokens is only spaces, or ", " / ": " / " - " style punctuation.
bool light_gap(std::string_view text, const Token& a, const Token& b) {
    if (b.start < a.end || b.start - a.end > 4) return false;
    for (std::size_t k = a.end; k < b.start; ++k) {
        const char c = text[k];
        if (c != ' ' && c != '\t' && c != ',' && c != ':' && c != '-') return false;
    }
    return true;
}

bool in_handle(std::string_view text, const Token& t) {
    std::size_t k = t.start;
    while (k > 0) {
        const char c = text[k - 1];
        if (c == '#' || c == '@') return true;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '(' || c == ',') return false;
        --k;
    }
    return false;
}

bool is_initial(std::string_view text, const Token& t) {
    return t.letters == 1 && !t.has_digit && t.upper_first && t.end == t.core_end &&
           t.end < text.size() && text[t.end] == '.';
}

}  // namespace

bool is_title_key(const std::string& key) { return titles().count(key) > 0; }

std::unordered_set<std::string> allow_keys(const std::vector<std::string>& allow) {
    std::unordered_set<std::string> keys;
    for (const std::string& entry : allow) {
        for (const Token& t : tokenize(entry)) {
            if (t.letters < 2 || is_title_key(t.key)) continue;
            keys.insert(t.key);
            // Hyphenated staff names: allow each part too.
            std::size_t p = 0;
            while (p < t.key.size()) {
                const std::size_t q = t.key.find('-', p);
                const std::string part = t.key.substr(p, q == std::string::npos ? q : q - p);
                if (part.size() >= 2) keys.insert(part);
                if (q == std::string::npos) break;
                p = q + 1;
            }
        }
    }
    return keys;
}

void NameDetector::find(std::string_view text, const std::vector<Token>& tokens,
                        const std::unordered_set<std::string>& allowed,
                        std::vector<Candidate>& out) const {
    const std::size_t n = tokens.size();
    std::vector<Info> info(n);

    // Is the whole text upper case (capitalisation tells nothing then)?
    std::size_t letters_words = 0, upper_words = 0;
    for (const Token& t : tokens) {
        if (t.letters >= 3) {
            ++letters_words;
            if (t.all_upper) ++upper_words;
        }
    }
    const bool shouting = letters_words >= 3 && upper_words * 10 >= letters_words * 7;

    // Sentence ranges and title-case sentences.
    std::vector<bool> title_case(n, false);
    for (std::size_t s = 0; s < n;) {
        std::size_t e = s + 1;
        while (e < n && !tokens[e].sentence_start) ++e;
        std::size_t words = 0, capital_words = 0;
        for (std::size_t k = s; k < e; ++k) {
            const Token& t = tokens[k];
            if (t.letters >= 4 && !t.has_digit && lex_.is_common_word(t.key) && !lex_.is_name(t.key)) {
                ++words;
                if (t.upper_first && !tokens[k].sentence_start) ++capital_words;
            }
        }
        const bool tc = capital_words >= 2 && capital_words * 2 >= words;
        for (std::size_t k = s; k < e; ++k) title_case[k] = tc;
        s = e;
    }

    // 1. What each token is on its own.
    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = tokens[i];
        Info& f = info[i];
        f.handle = in_handle(text, t);
        f.initial = is_initial(text, t);
        bool effective_start = t.sentence_start;
        if (effective_start && i > 0 &&
            (is_title_key(tokens[i - 1].key) || info[i - 1].initial) && tokens[i - 1].end + 2 >= t.start) {
            effective_start = false;
        }
        f.cap_informative = t.upper_first && !t.all_upper && !effective_start && !title_case[i] && !shouting;
        if (f.handle || t.has_digit || !t.has_letter || t.letters < 2) continue;
        if (is_contraction(text.substr(t.start, t.core_end - t.start))) continue;
        const std::string& key = t.key;
        if (is_function_word(key) || is_role_word(key) || is_title_key(key)) continue;
        f.stop = lex_.is_clinical_stopword(key);
        // Hyphenated words: a name if every part is a name or unknown and one part is a clear name.
        bool is_first = lex_.first_name_rank(key) != NameLexicon::kNotFound;
        bool is_sur = lex_.surname_rank(key) != NameLexicon::kNotFound;
        bool is_word = lex_.is_common_word(key);
        if (!is_first && !is_sur && key.find('-') != std::string::npos && !f.stop) {
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
            if (any_word) is_word = true;
        }
        if (calendar_words().count(key) > 0) is_word = true;
        f.first = is_first;
        f.surname = is_sur;
        const bool listed = is_first || is_sur;
        if (listed && !is_word && !f.stop) {
            if (t.upper_first) {
                f.kind = (t.all_upper && t.letters <= 3 && !shouting) ? Kind::Word : Kind::Name;
            } else {
                const bool frequent = lex_.first_name_rank(key) < 2000 || lex_.surname_rank(key) < 2000;
                f.kind = (frequent && t.letters >= 3) ? Kind::Name : Kind::Word;
            }
        } else if (listed || f.stop) {
            f.kind = Kind::Word;
        } else if (!is_word && t.upper_first && !t.all_upper) {
            f.kind = Kind::Unknown;
        } else if (!is_word && t.all_upper && shouting) {
            f.kind = Kind::Unknown;
        }
    }

    // 2. Stop phrases ("Ivor Lewis", "Smith & Nephew").
    for (const auto& phrase : lex_.stop_phrases()) {
        for (std::size_t i = 0; i + phrase.size() <= n; ++i) {
            bool match = true;
            for (std::size_t k = 0; k < phrase.size() && match; ++k) {
                match = tokens[i + k].key == phrase[k];
            }
            if (!match) continue;
            for (std::size_t k = 0; k < phrase.size(); ++k) info[i + k].hard_stop = true;
        }
    }

    // 3. Eponym and organisation use: "Kelly clamp", "Murphy's sign", "a Kelly", "Grace Hospital".
    for (std::size_t i = 0; i < n; ++i) {
        Info& f = info[i];
        if (f.kind == Kind::None) continue;
        if (i + 1 < n && tokens[i + 1].start - tokens[i].end <= 2 &&
            same_clause(text, tokens[i], tokens[i + 1]) && lex_.is_eponym_noun(tokens[i + 1].key) &&
            !tokens[i + 1].upper_first) {
            f.eponym_use = true;
        }
        if (i + 1 < n && tokens[i + 1].start - tokens[i].end <= 2 &&
            same_clause(text, tokens[i], tokens[i + 1]) && lex_.is_eponym_noun(tokens[i + 1].key) &&
            tokens[i + 1].upper_first && f.stop) {
            f.eponym_use = true;
        }
        if (i > 0 && determiners().count(tokens[i - 1].key) > 0 && !tokens[i].possessive &&
            same_clause(text, tokens[i - 1], tokens[i]) && f.kind != Kind::Name) {
            f.eponym_use = true;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!tokens[i].upper_first) continue;
        const std::string& key = tokens[i].key;
        const bool org = organisation_words().count(key) > 0 ||
                         (key == "children" && tokens[i].possessive);
        if (org && i > 0) {
            // Mark the capitalised run before it.
            std::size_t k = i;
            while (k > 0 && tokens[k - 1].upper_first && joined_by_space(text, tokens[k - 1], tokens[k])) {
                info[k - 1].organisation = true;
                --k;
            }
        }
        if (key == "st" || key == "saint" || key == "mount" || key == "mt" || key == "san" ||
            key == "santa" || key == "fort" || key == "lake" || key == "port") {
            std::size_t k = i + 1;
            while (k < n && tokens[k].upper_first && tokens[k].start - tokens[k - 1].end <= 2) {
                info[k].organisation = true;
                ++k;
            }
        }
    }

    auto can_be_named = [&](std::size_t i) {
        const Info& f = info[i];
        if (f.handle || f.hard_stop || tokens[i].has_digit || tokens[i].letters < 2) return false;
        if (f.kind == Kind::None) return false;
        if (f.kind == Kind::Unknown && tokens[i].all_upper && !tokens[i].upper_first) return false;
        return true;
    };
    auto promote_strong = [&](std::size_t i) {
        if (!can_be_named(i)) return false;
        const Token& t = tokens[i];
        // Lower-case words need to be a listed name ("her husband john").
        if (!t.upper_first && info[i].kind != Kind::Name) return false;
        if (t.all_upper && t.letters <= 3 && !(info[i].first || info[i].surname)) return false;
        info[i].strong = true;
        info[i].name = true;
        return true;
    };

    // 4. Titles: "Mrs. Brown", "Dr. J. Rivera", "dr kelly".
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (!is_title_key(tokens[i].key) || tokens[i].has_digit) continue;
        if (tokens[i].key == "sr" || tokens[i].key == "miss" || tokens[i].key == "doctor") {
            if (!tokens[i].upper_first) continue;
        }
        std::size_t j = i + 1;
        if (!same_clause(text, tokens[i], tokens[j]) && !(tokens[j].start - tokens[i].end <= 2 &&
                                                          text[tokens[i].end] == '.')) {
            continue;
        }
        while (j < n && info[j].initial && j + 1 < n && tokens[j + 1].start - tokens[j].end <= 2) {
            info[j].name = true;
            info[j].strong = true;
            ++j;
        }
        if (j < n && (tokens[j].upper_first || info[j].first || info[j].surname)) promote_strong(j);
    }

    // 5. Kinship and naming cues: "her husband John", "the daughter, Ana", "named Will".
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const std::string& key = tokens[i].key;
        const bool kin = is_kin(key);
        const bool call_me = (key == "call" || key == "calls" || key == "called") && i + 2 < n &&
                             (tokens[i + 1].key == "me" || tokens[i + 1].key == "him" ||
                              tokens[i + 1].key == "her");
        const bool name_is = key == "name" && i + 1 < n &&
                             (tokens[i + 1].key == "is" || text[tokens[i].end] == ':' || text[tokens[i].end] == '?');
        const bool cue = name_cues().count(key) > 0 || name_is || call_me;
        if (!kin && !cue) continue;
        std::size_t j = call_me ? i + 2 : i + 1;
        std::size_t skipped = 0;
        while (j < n && skipped < 2 && cue_fillers().count(tokens[j].key) > 0 &&
               same_clause(text, tokens[j - 1], tokens[j])) {
            ++j;
            ++skipped;
        }
        if (j < n && name_is && text[tokens[i].end] == '?' && tokens[j].start - tokens[i].end <= 3) {
            // "What's your name? Ana": the answer follows the question mark.
        } else if (j >= n || !light_gap(text, tokens[j - 1], tokens[j])) {
            continue;
        }
        const Token& t = tokens[j];
        // "my name is vitoria", "call me višeslav": an explicit naming cue takes a lowercase
        // word that is in no word list.
        if ((name_is || call_me || key == "named") && !t.upper_first &&
            (info[j].kind == Kind::None || (info[j].kind == Kind::Word && !info[j].stop)) &&
            !t.has_digit && t.letters >= 3 && !info[j].handle && !lex_.is_common_word(t.key) &&
            !lex_.is_clinical_stopword(t.key) && !is_function_word(t.key) && !is_role_word(t.key) &&
            !is_contraction(text.substr(t.start, t.core_end - t.start))) {
            info[j].kind = Kind::Unknown;
            info[j].strong = true;
            info[j].name = true;
            continue;
        }
        // Patient-style cues need a capitalised name-like word; kinship accepts listed lowercase.
        if (key == "patient" || key == "pt" || key == "pts" || key == "contact" || key == "love" ||
            key == "meet" || key == "welcome" || key == "signed") {
            if (!t.upper_first || info[j].kind == Kind::None) continue;
            if (info[j].kind == Kind::Word && !info[j].cap_informative && !info[j].first && !info[j].surname) continue;
        }
        if (info[j].kind == Kind::Word && info[j].stop && !kin) continue;
        if (info[j].eponym_use && !kin) continue;
        promote_strong(j);
    }
    // Reverse kinship: "Ana, her daughter" / "Ana (daughter)".
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (!tokens[i].upper_first || !can_be_named(i)) continue;
        std::size_t j = i + 1;
        std::string gap(text.substr(tokens[i].end, tokens[j].start - tokens[i].end));
        if (gap != ", " && gap != " (" && gap != ",") continue;
        static const std::unordered_set<std::string> owners = {"her", "his", "their", "the", "a",
                                                               "pt", "patient", "pts", "our", "my"};
        for (int skip = 0; skip < 2 && j + 1 < n && owners.count(tokens[j].key) > 0 &&
                           joined_by_space(text, tokens[j], tokens[j + 1]);
             ++skip) {
            ++j;
        }
        if (is_kin(tokens[j].key)) promote_strong(i);
    }

    // 6. Unambiguous names, and ambiguous ones capitalised mid-sentence.
    for (std::size_t i = 0; i < n; ++i) {
        Info& f = info[i];
        if (!can_be_named(i) || f.name) continue;
        if (f.eponym_use || f.organisation) continue;
        if (f.kind == Kind::Name) {
            f.name = true;
        } else if (f.kind == Kind::Word && !f.stop && f.cap_informative &&
                   calendar_words().count(tokens[i].key) == 0 && (f.first || f.surname)) {
            // "Grant" mid-sentence is a name unless the next word is a capitalised non-name
            // ("Rose Garden") which suggests a proper noun phrase.
            bool phrase = false;
            if (i + 1 < n && joined_by_space(text, tokens[i], tokens[i + 1]) && tokens[i + 1].upper_first &&
                (info[i + 1].kind == Kind::None || (info[i + 1].kind == Kind::Unknown && !f.first))) {
                phrase = true;  // "Rose Garden", "Southern Tunisia"
            }
            if (i > 0 && joined_by_space(text, tokens[i - 1], tokens[i]) && tokens[i - 1].upper_first &&
                info[i - 1].kind == Kind::None && !is_title_key(tokens[i - 1].key)) {
                phrase = true;  // "Entertainment Weekly"
            }
            for (std::size_t j : {i + 1, i - 1}) {
                // Two capitalised dictionary words together are a phrase: "Grand Rounds".
                if (j >= n || (j < i && i == 0)) continue;
                const std::size_t a = std::min(i, j), b = std::max(i, j);
                if (joined_by_space(text, tokens[a], tokens[b]) && tokens[j].upper_first &&
                    info[j].kind == Kind::Word && lex_.is_common_word(tokens[j].key) &&
                    !(a == i ? (f.first && info[j].surname) : (info[j].first && f.surname))) {
                    phrase = true;
                }
            }
            if (!phrase) f.name = true;
        }
    }

    // 6b. Two capitalised unknown words with non-English letters: "Krisztián Szöllösy".
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (info[i].kind != Kind::Unknown || info[i + 1].kind != Kind::Unknown) continue;
        if (title_case[i] || info[i].handle || info[i + 1].handle) continue;
        if (!joined_by_space(text, tokens[i], tokens[i + 1], 1)) continue;
        const std::string_view a = text.substr(tokens[i].start, tokens[i].core_end - tokens[i].start);
        const std::string_view b = text.substr(tokens[i + 1].start, tokens[i + 1].core_end - tokens[i + 1].start);
        if (!has_non_ascii(a) && !has_non_ascii(b)) continue;
        if (tokens[i].letters < 3 || tokens[i + 1].letters < 3) continue;
        info[i].name = true;
        info[i + 1].name = true;
    }

    // 6c. Person-shaped contexts for a capitalised word in no list (or a name that is also a
    // word): "Zbigniew, 52,", "Zbigniew's daughter", "Usamov and Bowers", "Zbigniew said".
    auto unknown_cap = [&](std::size_t i) {
        const Info& f = info[i];
        const Token& t = tokens[i];
        if (!can_be_named(i) || f.eponym_use || f.organisation || f.stop || title_case[i]) return false;
        if (!t.upper_first || t.all_upper || t.letters < 2) return false;
        if (calendar_words().count(t.key) > 0) return false;
        return f.kind == Kind::Unknown || f.kind == Kind::Name ||
               (f.kind == Kind::Word && (f.first || f.surname) && !lex_.is_common_word(t.key));
    };
    auto clause_start = [&](std::size_t i) {
        if (i == 0 || tokens[i].sentence_start) return true;
        for (std::size_t k = tokens[i - 1].end; k < tokens[i].start; ++k) {
            if (text[k] == ',' || text[k] == ';' || text[k] == ':' || text[k] == '\n') return true;
        }
        const std::string& p = tokens[i - 1].key;
        return p == "and" || p == "but" || p == "then" || p == "while" || p == "when" || p == "so" ||
               p == "because" || p == "that";
    };
    for (std::size_t i = 0; i < n; ++i) {
        if (info[i].name || !unknown_cap(i)) continue;
        const Token& t = tokens[i];
        bool person = false;
        // Age apposition: "Zbigniew, 52, was admitted", "Zbigniew (52)".
        if (!t.possessive && i + 1 < n && tokens[i + 1].has_digit && !tokens[i + 1].has_letter &&
            tokens[i + 1].core_end - tokens[i + 1].start <= 3) {
            const std::string_view gap = text.substr(t.end, tokens[i + 1].start - t.end);
            const std::size_t e = tokens[i + 1].end;
            const bool closes = e < text.size() && (text[e] == ',' || text[e] == ')');
            const bool years = i + 2 < n && (tokens[i + 2].key == "yo" || tokens[i + 2].key == "y" ||
                                             tokens[i + 2].key == "years" || tokens[i + 2].key == "yrs");
            if ((gap == ", " && (closes || years)) || (gap == " (" && closes)) person = true;
        }
        // Possessive before a kinship word: "Zbigniew's daughter".
        if (t.possessive && i + 1 < n && is_kin(tokens[i + 1].key) && joined_by_space(text, t, tokens[i + 1], 1)) {
            person = true;
        }
        // Clause-initial subject of a verb only people do: "…, Zbigniew needs a lift".
        if (!t.possessive && i + 1 < n && clause_start(i) && joined_by_space(text, t, tokens[i + 1], 1)) {
            const std::string& v = tokens[i + 1].key;
            if (is_person_verb(v)) person = true;
            if ((v == "is" || v == "was") && i + 2 < n && is_person_state(tokens[i + 2].key)) person = true;
        }
        if (person) {
            info[i].name = true;
            info[i].strong = true;
        }
    }
    // Coordination with a clear name: "Usamov and Bowers", "Gaetane, Hannah and Anthony".
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            if (info[i].name || !unknown_cap(i) || info[i].kind == Kind::Word) continue;
            auto clear_name = [&](std::size_t j) {
                return info[j].name && !info[j].initial && tokens[j].upper_first;
            };
            auto coordinated = [&](std::size_t a, std::size_t b) {  // a < b
                const std::string_view gap = text.substr(tokens[a].end, tokens[b].start - tokens[a].end);
                return gap == ", " || gap == " & ";
            };
            bool ok = false;
            if (i + 1 < n && coordinated(i, i + 1) && clear_name(i + 1)) ok = true;
            if (i > 0 && coordinated(i - 1, i) && clear_name(i - 1)) ok = true;
            if (i + 2 < n && tokens[i + 1].key == "and" && joined_by_space(text, tokens[i], tokens[i + 1], 1) &&
                joined_by_space(text, tokens[i + 1], tokens[i + 2], 1) && clear_name(i + 2)) {
                ok = true;
            }
            if (i >= 2 && tokens[i - 1].key == "and" && joined_by_space(text, tokens[i - 1], tokens[i], 1) &&
                joined_by_space(text, tokens[i - 2], tokens[i - 1], 1) && clear_name(i - 2)) {
                ok = true;
            }
            if (ok && !tokens[i].possessive) {
                info[i].name = true;
                changed = true;
            }
        }
    }
    // Two capitalised words in no list side by side: "Gyala Antall", "Ushurma Dratchev".
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (info[i].kind != Kind::Unknown || info[i + 1].kind != Kind::Unknown) continue;
        if (!unknown_cap(i) || !unknown_cap(i + 1) || tokens[i].possessive) continue;
        if (!joined_by_space(text, tokens[i], tokens[i + 1], 1)) continue;
        if (tokens[i].letters < 3 || tokens[i + 1].letters < 3) continue;
        if (i + 2 < n && lex_.is_eponym_noun(tokens[i + 2].key) && joined_by_space(text, tokens[i + 1], tokens[i + 2])) {
            continue;
        }
        info[i].name = true;
        info[i + 1].name = true;
    }

    // 7. Neighbours of names: "Will Smith", "Maria Kreutzmann", "Vanessa P. Hertzog".
    auto spread_to_neighbours = [&]() {
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < n; ++i) {
            Info& f = info[i];
            if (f.name || !can_be_named(i) || f.eponym_use || f.organisation) continue;
            if (!tokens[i].upper_first && !(f.first || f.surname)) continue;
            auto neighbour_ok = [&](std::size_t j, bool neighbour_is_right) {
                if (!info[j].name || info[j].initial) return false;
                if (!joined_by_space(text, tokens[std::min(i, j)], tokens[std::max(i, j)], 1)) return false;
                if (tokens[i].upper_first != tokens[j].upper_first) return false;
                if (!tokens[i].upper_first && f.kind != Kind::Name) {
                    // "lena andersson": a listed surname (not a word) after a lowercase first name.
                    if (!(f.surname && !neighbour_is_right && info[j].first && !f.stop &&
                          !lex_.is_common_word(tokens[i].key))) {
                        return false;
                    }
                }
                if (neighbour_is_right && tokens[i].possessive) return false;
                if (!neighbour_is_right && tokens[j].possessive) return false;
                if (f.stop) {
                    // "Kelly Lopez": a stopword that is a first name before a surname, or after one.
                    return neighbour_is_right ? f.first : f.surname;
                }
                return true;
            };
            // Initials between names: "Vanessa P. Hertzog".
            bool ok = (i + 1 < n && neighbour_ok(i + 1, true)) || (i > 0 && neighbour_ok(i - 1, false));
            if (!ok && i >= 2 && info[i - 1].initial && info[i - 2].name &&
                tokens[i].start - tokens[i - 1].end <= 2 && tokens[i - 1].start - tokens[i - 2].end <= 2) {
                ok = true;
                info[i - 1].name = true;
            }
            // A bare middle initial: "Kate M Begum".
            if (!ok && i >= 2 && tokens[i].upper_first && tokens[i - 1].letters == 1 &&
                tokens[i - 1].upper_first && !tokens[i - 1].has_digit && info[i - 2].name &&
                tokens[i - 2].upper_first && !info[i - 2].initial &&
                joined_by_space(text, tokens[i - 2], tokens[i - 1], 1) &&
                joined_by_space(text, tokens[i - 1], tokens[i], 1) &&
                (f.kind == Kind::Unknown || f.first || f.surname) && !f.stop) {
                ok = true;
                info[i - 1].name = true;
            }
            if (ok) {
                f.name = true;
                changed = true;
            }
        }
    }
    // A bare middle initial between two names: "Kate M Begum".
    for (std::size_t i = 1; i + 1 < n; ++i) {
        const Token& t = tokens[i];
        if (info[i].name || t.letters != 1 || !t.upper_first || t.has_digit || info[i].handle) continue;
        if (t.end != t.core_end || (t.end < text.size() && text[t.end] == '.')) continue;
        if (!info[i - 1].name || !info[i + 1].name || info[i - 1].initial) continue;
        if (!tokens[i - 1].upper_first || !tokens[i + 1].upper_first) continue;
        if (!joined_by_space(text, tokens[i - 1], t, 1) || !joined_by_space(text, t, tokens[i + 1], 1)) continue;
        info[i].name = true;
    }
    };
    spread_to_neighbours();

    // 8. Initials: "M.L.", "M. L.", "J. Smith".
    for (std::size_t i = 0; i < n; ++i) {
        if (!info[i].initial || info[i].name || info[i].handle) continue;
        std::size_t j = i;
        std::string letters;
        while (j < n && info[j].initial && (j == i || tokens[j].start - tokens[j - 1].end <= 2)) {
            letters += tokens[j].key;
            ++j;
        }
        const bool followed_by_name =
            j < n && info[j].name && tokens[j].start - tokens[j - 1].end <= 2 && tokens[j].upper_first;
        const bool followed_by_candidate =
            j < n && tokens[j].start - tokens[j - 1].end <= 2 && tokens[j].upper_first &&
            can_be_named(j) && !info[j].stop && !info[j].eponym_use &&
            (info[j].kind == Kind::Unknown || info[j].first || info[j].surname);
        if (letters.size() >= 2 && dotted_abbreviations().count(letters) == 0) {
            for (std::size_t k = i; k < j; ++k) info[k].name = true;
            if (followed_by_candidate) info[j].name = true;
        } else if (followed_by_name || followed_by_candidate) {
            for (std::size_t k = i; k < j; ++k) info[k].name = true;
            info[j].name = true;
        }
    }

    // 8b. A capitalised word before initials that became a name: "Sari J. Paavolainen".
    for (std::size_t i = 0; i + 1 < n; ++i) {
        if (info[i].name || !info[i + 1].initial || !info[i + 1].name) continue;
        if (!tokens[i].upper_first || info[i].kind == Kind::None || !can_be_named(i)) continue;
        if (info[i].stop || info[i].eponym_use || info[i].organisation || title_case[i]) continue;
        if (!joined_by_space(text, tokens[i], tokens[i + 1], 1)) continue;
        if (info[i].kind == Kind::Word && !(info[i].first || info[i].surname)) continue;
        info[i].name = true;
    }
    spread_to_neighbours();

    // 9. Allow-listed staff: drop every name run that contains an allowed token.
    std::vector<bool> keep(n, false);
    for (std::size_t i = 0; i < n; ++i) keep[i] = info[i].name;
    for (std::size_t i = 0; i < n;) {
        if (!keep[i]) {
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        while (j < n && keep[j] && tokens[j].start - tokens[j - 1].end <= 2) ++j;
        bool allowed_run = false;
        for (std::size_t k = i; k < j; ++k) {
            if (allowed.count(tokens[k].key) > 0) allowed_run = true;
        }
        if (allowed_run) {
            for (std::size_t k = i; k < j; ++k) keep[k] = false;
        }
        i = j;
    }

    for (std::size_t i = 0; i < n; ++i) {
        if (!keep[i]) continue;
        PhiSpan span;
        span.start = tokens[i].start;
        span.end = info[i].initial ? tokens[i].end + 1 : tokens[i].core_end;
        span.category = PhiCategory::Name;
        span.rule = info[i].strong ? "name-context" : (info[i].initial ? "name-initials" : "name-list");
        out.push_back({span, priority::kName});
    }
}

}  // namespace orlive
