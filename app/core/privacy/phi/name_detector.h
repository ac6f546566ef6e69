// NameDetector: finds personal names that are not the active patient's: names from the Census /
// SSA lists, names after titles ("Mrs. Brown"), kinship and naming cues ("her husband John",
// "the daughter, Ana"), initials ("M.L.", "J. Smith"), and names adjacent to other names.
// Dictionary words that are also names need such context; eponyms, clinical words, hashtags and
// allow-listed staff are never names. Immutable after construction; find() is const and safe
// from any thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/privacy/phi/name_lexicon.h"
#include "core/privacy/phi/span_resolver.h"
#include "core/privacy/phi/utf8_text.h"

namespace orlive {

// Allow-listed staff (and the hospital's name), as fold_plain keys with titles removed.
struct AllowList {
    std::unordered_set<std::string> keys;          // every key of every entry
    std::vector<std::vector<std::string>> people;  // each entry that names a person, in order

    // A run of name keys is protected when it is a whole entry ("Sam Okafor"), or an entry's
    // surname ("Okafor", "Dr. Okafor"), never when it merely shares a word with an entry
    // ("Sam Lopez", "Henry Lopez" beside "Henry Ford Hospital").
    bool protects(const std::vector<std::string>& run) const;

    std::vector<std::vector<std::string>> organisations;  // entries that name a place (the hospital)
    // Do these keys name an allowed organisation ("ST MARY'S" for "St. Mary's Hospital")? Their
    // distinctive words (not "st", "hospital", "general") must all be the entry's.
    bool names_organisation(const std::vector<std::string>& keys) const;
};

AllowList make_allow_list(const std::vector<std::string>& allow);

// True for "dr", "mr", "mrs", ... (folded keys).
bool is_title_key(const std::string& key);

class NameDetector {
public:
    explicit NameDetector(const NameLexicon& lexicon) : lex_(lexicon) {}

    void find(std::string_view text, const std::vector<Token>& tokens, const AllowList& allowed,
              std::vector<Candidate>& out) const;

private:
    const NameLexicon& lex_;
};

}  // namespace orlive
