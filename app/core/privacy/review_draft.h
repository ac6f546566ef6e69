// ReviewDraft: a held post as the coordinator corrects it on the review screen. It keeps the
// text as written and the spans the filter redacted, so one tap can restore a false alarm
// ("Kelly clamp" taken for a name) or redact a word the filter missed, instead of discarding
// the post. Pure values; the store keeps drafts only while the post is held (held_review.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/privacy/phi_filter.h"

namespace orlive {

struct ReviewDraft {
    std::string source;          // the text as written, before redaction
    std::vector<PhiSpan> spans;  // redacted spans of `source`, sorted, non-overlapping
};

// What goes out: `source` with every span replaced by "[CATEGORY]".
std::string render_review(const ReviewDraft& draft);

// A span the coordinator may put back: a name, date or age the filter found in general text.
// Never the case's own patient, and never record numbers, SSNs, accounts, addresses, contacts
// or any other identifier: a miss there is worse than a post held once more.
bool can_restore(const PhiSpan& span);

// One piece of the review screen: either a redacted span (a chip) or a word of the source.
struct ReviewPiece {
    std::string label;              // "[NAME]" for a span, else the word as written
    bool redacted = false;
    bool restorable = false;        // a span the coordinator may restore
    std::size_t span_index = 0;     // which span (redacted pieces)
    std::size_t start = 0;          // the word's bytes in `source` without edge punctuation
    std::size_t end = 0;            // (end == start: nothing to redact, e.g. a lone "—")
};
std::vector<ReviewPiece> review_pieces(const ReviewDraft& draft);

// Restores span `index`; returns the span that was put back (for the log).
Result<PhiSpan> restore_span(ReviewDraft& draft, std::size_t index);
// Redacts bytes [start, end) of the source (a word from review_pieces); NAME for a word, OTHER_ID
// for one with a digit. Returns the new span (for the log).
Result<PhiSpan> redact_by_hand(ReviewDraft& draft, std::size_t start, std::size_t end);

// The spans as stored: [{"start","end","category","rule","patient"}].
std::string spans_to_json(const std::vector<PhiSpan>& spans);
Result<std::vector<PhiSpan>> spans_from_json(const std::string& json);

}  // namespace orlive
