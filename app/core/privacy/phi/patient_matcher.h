// PatientMatcher: finds the active patient's own details in text — each name (full, any part
// alone, any case, with or without accents, misspelled by one letter for parts of 4+ letters),
// the MRN in any formatting (separators ignored) and the date of birth in any date format.
// Stateless apart from the lexicon reference; find() is const and safe from any thread.
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/privacy/phi/date_detector.h"
#include "core/privacy/phi/name_lexicon.h"
#include "core/privacy/phi/span_resolver.h"
#include "core/privacy/phi/utf8_text.h"
#include "core/privacy/phi_filter.h"

namespace orlive {

class PatientMatcher {
public:
    explicit PatientMatcher(const NameLexicon& lexicon) : lex_(lexicon) {}

    void find(std::string_view text, const std::vector<Token>& tokens,
              const std::vector<DateMatch>& dates, const PatientDetails& patient,
              const std::unordered_set<std::string>& allowed, std::vector<Candidate>& out) const;

private:
    struct Parts;
    Parts collect_parts(const PatientDetails& patient) const;
    int match_token(std::string_view text, const Token& t, const Parts& parts,
                    const std::unordered_set<std::string>& allowed, bool& fuzzy) const;
    static void drop_unanchored(const std::vector<Token>& tokens, std::vector<int>& match);
    void find_names(std::string_view text, const std::vector<Token>& tokens,
                    const PatientDetails& patient, const std::unordered_set<std::string>& allowed,
                    std::vector<Candidate>& out) const;
    void find_embedded_names(std::string_view text, const Parts& parts, std::vector<Candidate>& out) const;
    void find_mrn(std::string_view text, const std::string& mrn, std::vector<Candidate>& out) const;
    void find_mrn_part(std::string_view text, const std::string& want, std::vector<Candidate>& out) const;
    void find_dob(std::string_view text, const std::vector<DateMatch>& dates, const std::string& dob,
                  std::vector<Candidate>& out) const;

    const NameLexicon& lex_;
};

}  // namespace orlive
