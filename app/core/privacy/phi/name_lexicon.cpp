#include "core/privacy/phi/name_lexicon.h"

#include <utf8proc.h>

#include <fstream>
#include <functional>

#include "core/privacy/phi/utf8_text.h"

namespace orlive {
namespace {

// A vocabulary word that is also a name this frequent is kept out of the wide vocabulary: in
// wamerican-huge "hannah", "jerry", "ralph" are rare nouns but in a post they are people.
constexpr std::uint32_t kFrequentFirstName = 5000;
constexpr std::uint32_t kFrequentSurname = 20000;

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n =
            utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                             static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
        if (n <= 0) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

bool is_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

// Already in fold_plain form without calling utf8proc (the common case in the big lists).
bool ascii_lowercase(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) return false;
    }
    return true;
}

// Reads a list file: one entry per line, '#' comments and blank lines skipped, entries folded.
// min_entries guards against truncated or empty files.
Result<std::vector<std::string>> read_list(const std::filesystem::path& path,
                                           std::size_t min_entries) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("PHI filter asset missing or unreadable: " + path.string());
    }
    std::vector<std::string> out;
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (!valid_utf8(line) || line.find('\t') != std::string::npos ||
            line.find('\0') != std::string::npos) {
            return make_error("PHI filter asset is corrupt: " + path.string() + " line " +
                              std::to_string(line_no) +
                              " is not a single UTF-8 entry (expected one word or phrase per line)");
        }
        out.push_back(ascii_lowercase(line) ? line : fold_plain(line));
    }
    if (out.size() < min_entries) {
        return make_error("PHI filter asset is corrupt or truncated: " + path.string() + " has " +
                          std::to_string(out.size()) + " entries, expected at least " +
                          std::to_string(min_entries));
    }
    return out;
}

// Lowercase single words of a word list (hunspell "word/FLAGS" lines lose their flags).
// Capitalised entries are proper nouns in these lists and are skipped: they are what we look for.
Result<std::size_t> read_lowercase_words(const std::filesystem::path& path, const char* package,
                                         const std::function<void(std::string_view)>& add) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return make_error("PHI filter vocabulary missing: " + path.string() + " (install the Debian package " +
                          package + ")");
    }
    std::string line;
    std::size_t count = 0;
    while (std::getline(in, line)) {
        const std::size_t slash = line.find('/');
        if (slash != std::string::npos) line.resize(slash);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.size() < 2 || line.find_first_of(" \t'") != std::string::npos) continue;
        if (ascii_lowercase(line)) {
            add(line);
        } else if (!is_ascii(line) && valid_utf8(line) && fold_case(line) == line) {
            add(fold_plain(line));
        } else {
            continue;  // capitalised: a proper noun
        }
        ++count;
    }
    if (count < 1000) return make_error("PHI filter vocabulary truncated: " + path.string());
    return count;
}

WordTable ranked_table(const std::vector<std::string>& entries) {
    WordTable table;
    for (std::size_t i = 0; i < entries.size(); ++i) table.add(entries[i], static_cast<std::uint32_t>(i));
    table.freeze();
    return table;
}

}  // namespace

Result<bool> NameLexicon::load_vocabulary(const VocabularyFiles& files) {
    auto common = read_lowercase_words(files.common, "wamerican", [&](std::string_view w) { words_.add(w); });
    if (!common) return common.error();
    words_.freeze();
    auto add_wide = [&](std::string_view w) {
        if (words_.contains(w)) return;  // looked up there first
        if (first_names_.rank(w) < kFrequentFirstName || surnames_.rank(w) < kFrequentSurname) return;
        wide_words_.add(w);
    };
    auto huge = read_lowercase_words(files.huge, "wamerican-huge", add_wide);
    if (!huge) return huge.error();
    auto medical = read_lowercase_words(files.medical, "hunspell-en-med", add_wide);
    if (!medical) return medical.error();
    wide_words_.freeze();
    return true;
}

Result<NameLexicon> NameLexicon::load(const std::filesystem::path& dir, const VocabularyFiles& vocabulary) {
    if (!std::filesystem::is_directory(dir)) {
        return make_error("PHI filter name-list directory not found: " + dir.string());
    }
    NameLexicon lex;
    auto first = read_list(dir / "first_names.txt", 1000);
    if (!first) return first.error();
    auto sur = read_list(dir / "surnames.txt", 1000);
    if (!sur) return sur.error();
    auto stops = read_list(dir / "clinical_stopwords.txt", 10);
    if (!stops) return stops.error();
    auto dominant = read_list(dir / "name_dominant.txt", 1);
    if (!dominant) return dominant.error();
    auto nouns = read_list(dir / "eponym_nouns.txt", 10);
    if (!nouns) return nouns.error();
    auto abbreviations = read_list(dir / "clinical_abbreviations.txt", 50);
    if (!abbreviations) return abbreviations.error();

    lex.first_names_ = ranked_table(*first);
    lex.surnames_ = ranked_table(*sur);
    lex.dominant_ = ranked_table(*dominant);
    lex.eponym_nouns_ = ranked_table(*nouns);
    lex.abbreviations_ = ranked_table(*abbreviations);
    for (const std::string& entry : *stops) {
        // Phrases: split into word keys the same way the tokenizer does.
        std::vector<std::string> keys;
        for (const Token& t : tokenize(entry)) keys.push_back(t.key);
        if (keys.size() == 1) {
            lex.stopwords_.add(keys[0]);
        } else if (keys.size() > 1) {
            lex.stop_phrases_.push_back(std::move(keys));
        }
    }
    lex.stopwords_.freeze();
    auto loaded = lex.load_vocabulary(vocabulary);
    if (!loaded) return loaded.error();
    return lex;
}

bool NameLexicon::is_common_word(std::string_view key) const {
    return words_.contains(key) && !dominant_.contains(key);
}

bool NameLexicon::is_vocabulary(std::string_view key) const {
    return is_common_word(key) || wide_words_.contains(key) || abbreviations_.contains(key) ||
           stopwords_.contains(key);
}

bool NameLexicon::is_eponym_noun(std::string_view key) const {
    if (eponym_nouns_.contains(key)) return true;
    if (key.size() > 3 && key.back() == 's') return eponym_nouns_.contains(key.substr(0, key.size() - 1));
    return false;
}

}  // namespace orlive
