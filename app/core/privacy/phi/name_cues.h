// The small word tables and token-shape tests the name detector reads its context from: titles,
// kinship words, naming cues, determiners, organisation and calendar words, person verbs.
// Written for ORLive. Static tables built on first use; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/privacy/phi/utf8_text.h"

namespace orlive::name_cues {

const std::unordered_set<std::string>& titles();
const std::unordered_set<std::string>& name_cues();
const std::unordered_set<std::string>& cue_fillers();
const std::unordered_set<std::string>& determiners();
const std::unordered_set<std::string>& organisation_words();
const std::unordered_set<std::string>& calendar_words();
const std::unordered_set<std::string>& dotted_abbreviations();

bool is_function_word(const std::string& key);
bool is_role_word(const std::string& key);
bool is_person_verb(const std::string& key);
bool is_person_state(const std::string& key);
bool is_person_object_verb(const std::string& key);
bool is_staff_role(const std::string& key);
bool is_note_word_after_title(const std::string& key);
bool is_contraction(std::string_view word);
bool has_non_ascii(std::string_view word);
bool is_kin(const std::string& key);

// The gap between two tokens has no sentence or clause break.
bool same_clause(std::string_view text, const Token& a, const Token& b);
// Gap between tokens is only spaces, or ", " / ": " / " - " style punctuation.
bool light_gap(std::string_view text, const Token& a, const Token& b);
// The token is inside a #hashtag or @handle.
bool in_handle(std::string_view text, const Token& t);
// A single capital letter followed by '.'.
bool is_initial(std::string_view text, const Token& t);

}  // namespace orlive::name_cues
