#include "core/privacy/phi/name_lexicon.h"

#include <utf8proc.h>

#include <fstream>

#include "core/privacy/phi/utf8_text.h"

namespace orlive {
namespace {

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
        out.push_back(fold_plain(line));
    }
    if (out.size() < min_entries) {
        return make_error("PHI filter asset is corrupt or truncated: " + path.string() + " has " +
                          std::to_string(out.size()) + " entries, expected at least " +
                          std::to_string(min_entries));
    }
    return out;
}

}  // namespace

Result<NameLexicon> NameLexicon::load(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir)) {
        return make_error("PHI filter name-list directory not found: " + dir.string());
    }
    NameLexicon lex;
    auto first = read_list(dir / "first_names.txt", 1000);
    if (!first) return first.error();
    auto sur = read_list(dir / "surnames.txt", 1000);
    if (!sur) return sur.error();
    auto words = read_list(dir / "common_words.txt", 1000);
    if (!words) return words.error();
    auto stops = read_list(dir / "clinical_stopwords.txt", 10);
    if (!stops) return stops.error();
    auto dominant = read_list(dir / "name_dominant.txt", 1);
    if (!dominant) return dominant.error();
    auto nouns = read_list(dir / "eponym_nouns.txt", 10);
    if (!nouns) return nouns.error();

    lex.first_names_.reserve(first->size());
    for (std::size_t i = 0; i < first->size(); ++i) {
        lex.first_names_.emplace((*first)[i], static_cast<std::uint32_t>(i));
    }
    lex.surnames_.reserve(sur->size());
    for (std::size_t i = 0; i < sur->size(); ++i) {
        lex.surnames_.emplace((*sur)[i], static_cast<std::uint32_t>(i));
    }
    lex.words_.reserve(words->size());
    for (auto& w : *words) lex.words_.insert(std::move(w));
    for (auto& w : *dominant) lex.dominant_.insert(std::move(w));
    for (auto& w : *nouns) lex.eponym_nouns_.insert(std::move(w));
    for (const std::string& entry : *stops) {
        // Phrases: split into word keys the same way the tokenizer does.
        std::vector<std::string> keys;
        for (const Token& t : tokenize(entry)) keys.push_back(t.key);
        if (keys.size() == 1) {
            lex.stopwords_.insert(keys[0]);
        } else if (keys.size() > 1) {
            lex.stop_phrases_.push_back(std::move(keys));
        }
    }
    return lex;
}

std::uint32_t NameLexicon::first_name_rank(const std::string& key) const {
    auto it = first_names_.find(key);
    return it == first_names_.end() ? kNotFound : it->second;
}

std::uint32_t NameLexicon::surname_rank(const std::string& key) const {
    auto it = surnames_.find(key);
    return it == surnames_.end() ? kNotFound : it->second;
}

bool NameLexicon::is_common_word(const std::string& key) const {
    return words_.count(key) > 0 && dominant_.count(key) == 0;
}

bool NameLexicon::is_eponym_noun(const std::string& key) const {
    if (eponym_nouns_.count(key) > 0) return true;
    if (key.size() > 3 && key.back() == 's') {
        return eponym_nouns_.count(key.substr(0, key.size() - 1)) > 0;
    }
    return false;
}

}  // namespace orlive
