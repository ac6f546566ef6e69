// NameLexicon: the word lists behind name detection, loaded once. From assets/names/: first
// names, surnames (ranked by frequency), clinical stopwords, name-dominant words, eponym head
// nouns, clinical abbreviations. From Debian packages, read where they install them (never
// copied into the tree): the English vocabulary of wamerican (common words, SCOWL size 50) and
// wamerican-huge plus hunspell-en-med (the wider vocabulary that says "this is a word, not an
// identifier"). All tables are WordTables (sorted blobs). Immutable after loading; const lookups
// are safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "core/privacy/phi/word_table.h"

namespace orlive {

// Where the Debian word lists are read from (overridable for tests and other distributions).
struct VocabularyFiles {
    std::filesystem::path common = "/usr/share/dict/american-english";         // wamerican
    std::filesystem::path huge = "/usr/share/dict/american-english-huge";      // wamerican-huge
    std::filesystem::path medical = "/usr/share/hunspell/en_med_glut.dic";    // hunspell-en-med
};

class NameLexicon {
public:
    static constexpr std::uint32_t kNotFound = WordTable::kAbsent;

    // Reads first_names.txt, surnames.txt, clinical_stopwords.txt, name_dominant.txt,
    // eponym_nouns.txt and clinical_abbreviations.txt from dir, and the vocabulary files.
    // Errors name the file (and line) and, for a vocabulary file, the package that provides it.
    static Result<NameLexicon> load(const std::filesystem::path& dir, const VocabularyFiles& vocabulary = {});

    // Keys are fold_plain() forms. Rank 0 is the most frequent name; kNotFound when absent.
    std::uint32_t first_name_rank(std::string_view key) const { return first_names_.rank(key); }
    std::uint32_t surname_rank(std::string_view key) const { return surnames_.rank(key); }
    bool is_name(std::string_view key) const {
        return first_names_.contains(key) || surnames_.contains(key);
    }
    // A common English word that is not name-dominant ("will", "rose", "grant").
    bool is_common_word(std::string_view key) const;
    // Any English or clinical word or abbreviation that is not mostly a name: a word outside
    // this vocabulary is a candidate identifier in free text ("allow-list first").
    bool is_vocabulary(std::string_view key) const;
    bool is_clinical_abbreviation(std::string_view key) const { return abbreviations_.contains(key); }
    bool is_clinical_stopword(std::string_view key) const { return stopwords_.contains(key); }
    bool is_eponym_noun(std::string_view key) const;
    // Multi-word stop phrases, as sequences of keys ("ivor", "lewis").
    const std::vector<std::vector<std::string>>& stop_phrases() const { return stop_phrases_; }

private:
    Result<bool> load_vocabulary(const VocabularyFiles& files);

    WordTable first_names_;
    WordTable surnames_;
    WordTable words_;       // wamerican, lowercase entries
    WordTable wide_words_;  // wamerican-huge + hunspell-en-med, lowercase, minus frequent names
    WordTable dominant_;
    WordTable stopwords_;
    WordTable eponym_nouns_;
    WordTable abbreviations_;
    std::vector<std::vector<std::string>> stop_phrases_;
};

}  // namespace orlive
