// The review drafts of held posts: the text as written and its redacted spans, kept only while
// the post is held (a trigger drops the row when the post leaves `held`; backups drop them all;
// purge_expired_review_sources drops any older than the patient details' 24 h). They let the
// coordinator restore a false alarm or redact a miss with one tap; every edit is logged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/privacy/review_draft.h"
#include "core/store/database.h"

namespace orlive {

// Inside the caller's open write transaction, right after insert_post. Throws SQLite::Exception.
void insert_held_review(Database& db, std::int64_t post_id, const ReviewDraft& draft);

// The draft of a held post; nothing when the post is not held or was held without one (a
// consent downgrade holds posts whose text was already redacted).
Result<std::optional<ReviewDraft>> load_held_review(Database& db, std::int64_t post_id);

// One correction on the review screen. restore: span `span_index` goes back into the text.
// redact: bytes [start, end) of the source are redacted by hand.
struct ReviewEdit {
    enum class Kind { Restore, Redact } kind = Kind::Restore;
    std::size_t span_index = 0;
    std::size_t start = 0;
    std::size_t end = 0;
};
// Applies the edit, rewrites the held post's text and redaction count, and logs it
// ("restored" / "redacted-by-hand", with the span's fingerprint, never its text), all in one
// transaction. Refused when the post is no longer held.
Status edit_held_review(Database& db, std::int64_t post_id, const ReviewEdit& edit, TimeMs now);

// Drops drafts of posts created more than `kept_ms` ago (the text as written is PHI).
Result<int> purge_expired_review_sources(Database& db, TimeMs now, TimeMs kept_ms);

}  // namespace orlive
