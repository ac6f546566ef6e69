// NameLexicon: the word lists behind name detection (first names, surnames, common English words,
// clinical stopwords, eponym head nouns), loaded once from assets/names/. Immutable after loading;
// const lookups are safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/base/result.h"

namespace orlive {

class NameLexicon {
public:
    static constexpr std::uint32_t kNotFound = 0xFFFFFFFFu;

    // Reads first_names.txt, surnames.txt, common_words.txt, clinical_stopwords.txt,
    // name_dominant.txt and eponym_nouns.txt from dir. Errors name the file and line.
    static Result<NameLexicon> load(const std::filesystem::path& dir);

    // Keys are fold_plain() forms. Rank 0 is the most frequent name; kNotFound when absent.
    std::uint32_t first_name_rank(const std::string& key) const;
    std::uint32_t surname_rank(const std::string& key) const;
    bool is_name(const std::string& key) const {
        return first_name_rank(key) != kNotFound || surname_rank(key) != kNotFound;
    }
    // A common English word that is not name-dominant ("will", "rose", "grant").
    bool is_common_word(const std::string& key) const;
    bool is_clinical_stopword(const std::string& key) const { return stopwords_.count(key) > 0; }
    bool is_eponym_noun(const std::string& key) const;
    // Multi-word stop phrases, as sequences of keys ("ivor", "lewis").
    const std::vector<std::vector<std::string>>& stop_phrases() const { return stop_phrases_; }

private:
    std::unordered_map<std::string, std::uint32_t> first_names_;
    std::unordered_map<std::string, std::uint32_t> surnames_;
    std::unordered_set<std::string> words_;
    std::unordered_set<std::string> dominant_;
    std::unordered_set<std::string> stopwords_;
    std::unordered_set<std::string> eponym_nouns_;
    std::vector<std::vector<std::string>> stop_phrases_;
};

}  // namespace orlive
