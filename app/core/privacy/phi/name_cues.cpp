#include "core/privacy/phi/name_cues.h"

namespace orlive::name_cues {

const std::unordered_set<std::string>& titles() {
    static const std::unordered_set<std::string> k = {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "doctor", "rev", "sr",
        "mister", "madam", "mme", "mlle", "sra", "sr", "herr", "frau", "sir", "dame", "lady", "lord"};
    return k;
}

namespace {

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

}  // namespace

// Words after which the next capitalised word is someone's name.
const std::unordered_set<std::string>& name_cues() {
    static const std::unordered_set<std::string> k = {
        "named", "called", "aka", "dear", "hi", "hello", "hey", "thanks", "thx", "thanx", "ty", "tysm",
        "shoutout", "kudos", "props", "says", "said",
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
        "washington", "wisconsin", "wyoming", "dakota", "carolina", "jersey", "york",
        // Languages and nationalities ("a Spanish interpreter", "studying English").
        "english", "french", "spanish", "german", "italian", "chinese", "japanese", "russian", "arabic",
        "portuguese", "polish", "dutch", "greek", "irish", "scottish", "welsh", "british", "american",
        "canadian", "european", "african", "asian", "mexican", "indian", "korean", "vietnamese",
        "haitian", "creole", "somali", "swahili", "hindi", "urdu", "farsi", "tagalog", "mandarin",
        "cantonese", "hebrew", "turkish", "swedish", "danish", "norwegian", "finnish", "hungarian",
        // Acronyms of banking and government that are also listed names.
        "iban", "union"};
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
        "mg", "kg", "cc", "hb", "ph", "rr", "hx", "dx", "tx", "rx", "sx", "fx", "bx", "cx", "yo", "mo", "wk"};
    return k;
}

// Short English function words that are also in the name lists ("By", "In", "Do").
bool is_function_word(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "a", "an", "the", "by", "in", "on", "at", "to", "of", "and", "or", "for", "as", "is", "it",
        "so", "no", "do", "be", "he", "me", "we", "my", "up", "us", "if", "but", "not", "all",
        "can", "her", "his", "him", "she", "you", "our", "per", "via", "from", "with", "into",
        "over", "than", "then", "when", "says", "said", "very", "just", "more", "re", "ok", "okay"};
    return k.count(key) > 0;
}

// People's roles and OR words that begin sentences next to names ("Patient Maria", "Nurse Jo").
bool is_role_word(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "patient", "pt", "nurse", "doctor", "surgeon", "resident", "fellow", "attending",
        "anesthetist", "anesthesiologist", "anaesthetist", "tech", "scrub", "circulator", "team",
        "family", "case", "room", "bed", "update", "congrats", "thanks", "welcome", "today",
        "tonight", "tomorrow", "yesterday", "specimen", "consent", "chart", "officer", "intern"};
    return k.count(key) > 0;
}

// Staff roles written before a first name: "nurse priya", "scrub tech marcus".
bool is_staff_role(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "nurse", "surgeon", "resident", "fellow", "attending", "tech", "anesthetist", "anesthesiologist",
        "anaesthetist", "midwife", "therapist", "doula", "chaplain", "interpreter", "volunteer", "intern",
        "circulator", "registrar", "consultant", "crna", "rn", "np"};
    return k.count(key) > 0;
}

// Verbs that, right after a clause-initial capitalised word, say it is a person ("Zbigniew said").
bool is_person_verb(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "said", "says", "told", "tells", "asked", "asks", "shouted", "replied", "smiled", "laughed",
        "cried", "thanked", "thinks", "thought", "feels", "felt", "hopes", "hoped", "wants",
        "wanted", "loves", "loved", "lives", "lived", "died", "woke", "walked", "spent", "married",
        "needs", "wishes", "wished", "prays", "prayed", "waved", "whispered", "insisted", "agreed",
        "refused", "consented", "declined", "brought", "visited", "arrived", "called", "phoned",
        "rang", "sat", "slept", "ate", "joked", "complained"};
    return k.count(key) > 0;
}

// Verbs whose object is a person: "Tell Kelly", "thank Grace", "page Rose".
bool is_person_object_verb(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "tell", "tells", "told", "ask", "asks", "asked", "thank", "thanked", "thanks", "page", "paged",
        "text", "texted", "hug", "hugged", "congratulate", "congratulated", "notify", "notified",
        "inform", "informed", "remind", "reminded", "ping", "pinged", "phone", "phoned", "visit",
        "visited", "meet", "met", "greet", "greeted", "welcome", "welcomed", "cc"};
    return k.count(key) > 0;
}

// "X is/was <state>": states only a person is in.
bool is_person_state(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "from", "born", "awake", "asleep", "resting", "recovering", "comfortable", "happy",
        "married", "crying", "smiling", "walking", "eating", "talking", "doing", "reliable"};
    return k.count(key) > 0;
}

// Words a clinical note puts right after a title that are also listed names: "dr will see pt",
// "dr made aware", "mr just back from CT".
bool is_note_word_after_title(const std::string& key) {
    static const std::unordered_set<std::string> k = {
        "will", "may", "can", "could", "would", "should", "must", "might", "shall", "see", "seen",
        "saw", "made", "make", "just", "rounds", "also", "still", "now", "here", "there", "ok",
        "please", "has", "had", "did", "does", "note", "notes", "order", "orders", "pending",
        "off", "out", "back", "came", "come", "gave", "give", "took", "take", "said", "feels",
        "states", "stated", "reports", "denies", "alert", "awake", "ambulating", "well", "better"};
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

}  // namespace orlive::name_cues
