#include "core/privacy/review_draft.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

namespace orlive {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// ASCII punctuation at a word's edges stays out of a hand redaction ("Kelly," keeps its comma).
bool is_edge_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0 && c != '#' && c != '@'; }

bool overlaps_any(const std::vector<PhiSpan>& spans, std::size_t start, std::size_t end) {
    return std::any_of(spans.begin(), spans.end(), [&](const PhiSpan& s) { return s.start < end && start < s.end; });
}

// The words of source[from, to) as pieces, each with its bytes minus edge punctuation.
void add_words(const std::string& source, std::size_t from, std::size_t to, std::vector<ReviewPiece>& out) {
    std::size_t i = from;
    while (i < to) {
        while (i < to && is_space(source[i])) ++i;
        if (i >= to) break;
        std::size_t j = i;
        while (j < to && !is_space(source[j])) ++j;
        ReviewPiece piece;
        piece.label = source.substr(i, j - i);
        piece.start = i;
        piece.end = j;
        while (piece.start < piece.end && is_edge_punct(source[piece.start])) ++piece.start;
        while (piece.end > piece.start && is_edge_punct(source[piece.end - 1])) --piece.end;
        out.push_back(std::move(piece));
        i = j;
    }
}

}  // namespace

std::string render_review(const ReviewDraft& draft) { return apply_redactions(draft.source, draft.spans); }

bool can_restore(const PhiSpan& span) {
    if (span.patient_match) return false;
    return span.category == PhiCategory::Name || span.category == PhiCategory::Date ||
           span.category == PhiCategory::Age;
}

std::vector<ReviewPiece> review_pieces(const ReviewDraft& draft) {
    std::vector<ReviewPiece> pieces;
    std::size_t cursor = 0;
    for (std::size_t k = 0; k < draft.spans.size(); ++k) {
        const PhiSpan& span = draft.spans[k];
        if (span.start < cursor || span.end > draft.source.size()) continue;
        add_words(draft.source, cursor, span.start, pieces);
        ReviewPiece chip;
        chip.label = "[" + std::string(category_name(span.category)) + "]";
        chip.redacted = true;
        chip.restorable = can_restore(span);
        chip.span_index = k;
        chip.start = span.start;
        chip.end = span.end;
        pieces.push_back(std::move(chip));
        cursor = span.end;
    }
    add_words(draft.source, cursor, draft.source.size(), pieces);
    return pieces;
}

Result<PhiSpan> restore_span(ReviewDraft& draft, std::size_t index) {
    if (index >= draft.spans.size()) return make_error("that redaction is no longer there: the post changed");
    const PhiSpan span = draft.spans[index];
    if (!can_restore(span)) {
        return make_error(span.patient_match ? "the patient's own details cannot be restored"
                                             : std::string(category_name(span.category)) +
                                                   " redactions cannot be restored; discard the post instead");
    }
    draft.spans.erase(draft.spans.begin() + static_cast<std::ptrdiff_t>(index));
    return span;
}

Result<PhiSpan> redact_by_hand(ReviewDraft& draft, std::size_t start, std::size_t end) {
    if (start >= end || end > draft.source.size()) return make_error("nothing to redact there");
    if (overlaps_any(draft.spans, start, end)) return make_error("that word is already redacted");
    PhiSpan span;
    span.start = start;
    span.end = end;
    const std::string_view word(draft.source.data() + start, end - start);
    const bool digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    span.category = digit ? PhiCategory::OtherId : PhiCategory::Name;
    span.rule = "coordinator";
    auto at = std::lower_bound(draft.spans.begin(), draft.spans.end(), start,
                               [](const PhiSpan& s, std::size_t value) { return s.start < value; });
    draft.spans.insert(at, span);
    return span;
}

std::string spans_to_json(const std::vector<PhiSpan>& spans) {
    nlohmann::json out = nlohmann::json::array();
    for (const PhiSpan& s : spans) {
        out.push_back({{"start", s.start}, {"end", s.end}, {"category", category_name(s.category)},
                       {"rule", s.rule}, {"patient", s.patient_match}});
    }
    return out.dump();
}

Result<std::vector<PhiSpan>> spans_from_json(const std::string& json) {
    const nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
    if (!parsed.is_array()) return make_error("stored review spans are not a JSON array");
    std::vector<PhiSpan> spans;
    for (const nlohmann::json& item : parsed) {
        if (!item.is_object() || !item.value("start", nlohmann::json()).is_number_unsigned() ||
            !item.value("end", nlohmann::json()).is_number_unsigned()) {
            return make_error("a stored review span has no byte range");
        }
        auto category = parse_category(item.value("category", ""));
        if (!category) return make_error("a stored review span has an unknown category");
        PhiSpan span;
        span.start = item["start"].get<std::size_t>();
        span.end = item["end"].get<std::size_t>();
        span.category = *category;
        span.rule = item.value("rule", "");
        span.patient_match = item.value("patient", false);
        spans.push_back(std::move(span));
    }
    return spans;
}

}  // namespace orlive
