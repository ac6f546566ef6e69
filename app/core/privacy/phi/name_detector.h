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

// fold_plain keys of allow-listed staff names, titles removed ("Dr. Rivera" -> {"rivera"}).
std::unordered_set<std::string> allow_keys(const std::vector<std::string>& allow);

// True for "dr", "mr", "mrs", ... (folded keys).
bool is_title_key(const std::string& key);

class NameDetector {
public:
    explicit NameDetector(const NameLexicon& lexicon) : lex_(lexicon) {}

    void find(std::string_view text, const std::vector<Token>& tokens,
              const std::unordered_set<std::string>& allowed, std::vector<Candidate>& out) const;

private:
    const NameLexicon& lex_;
};

}  // namespace orlive
