#include "core/store/held_review.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/audit/redaction_log.h"

namespace orlive {

namespace {

Error db_failure(const std::string& what, const SQLite::Exception& e) {
    return make_error(what + ": " + e.getErrorStr());
}

// The draft of a held post inside the caller's transaction, with the post's case.
struct HeldDraft {
    ReviewDraft draft;
    std::optional<std::int64_t> case_id;
};

Result<std::optional<HeldDraft>> read_draft(Database& db, std::int64_t post_id) {
    SQLite::Statement query(db.sql(),
                            "SELECT r.source, r.spans, p.case_id FROM held_review r JOIN posts p ON p.id = r.post_id "
                            "WHERE r.post_id = ? AND p.state = 'held'");
    query.bind(1, post_id);
    if (!query.executeStep()) return std::optional<HeldDraft>();
    auto spans = spans_from_json(query.getColumn(1).getString());
    if (!spans) return make_error("post " + std::to_string(post_id) + ": " + spans.error().message);
    HeldDraft held;
    held.draft.source = query.getColumn(0).getString();
    held.draft.spans = std::move(spans.value());
    if (!query.getColumn(2).isNull()) held.case_id = query.getColumn(2).getInt64();
    return std::optional<HeldDraft>(std::move(held));
}

Result<PhiSpan> apply_edit(ReviewDraft& draft, const ReviewEdit& edit) {
    return edit.kind == ReviewEdit::Kind::Restore ? restore_span(draft, edit.span_index)
                                                  : redact_by_hand(draft, edit.start, edit.end);
}

void write_draft(Database& db, std::int64_t post_id, const ReviewDraft& draft) {
    SQLite::Statement post(db.sql(), "UPDATE posts SET text = ?, redactions = ? WHERE id = ? AND state = 'held'");
    post.bind(1, render_review(draft));
    post.bind(2, static_cast<int>(draft.spans.size()));
    post.bind(3, post_id);
    post.exec();
    SQLite::Statement spans(db.sql(), "UPDATE held_review SET spans = ? WHERE post_id = ?");
    spans.bind(1, spans_to_json(draft.spans));
    spans.bind(2, post_id);
    spans.exec();
}

}  // namespace

void insert_held_review(Database& db, std::int64_t post_id, const ReviewDraft& draft) {
    SQLite::Statement insert(db.sql(), "INSERT INTO held_review (post_id, source, spans) VALUES (?, ?, ?)");
    insert.bind(1, post_id);
    insert.bind(2, draft.source);
    insert.bind(3, spans_to_json(draft.spans));
    insert.exec();
}

Result<std::optional<ReviewDraft>> load_held_review(Database& db, std::int64_t post_id) {
    try {
        auto held = read_draft(db, post_id);
        if (!held) return held.error();
        if (!held->has_value()) return std::optional<ReviewDraft>();
        return std::optional<ReviewDraft>(std::move((*held)->draft));
    } catch (const SQLite::Exception& e) {
        return db_failure("cannot read the review of post " + std::to_string(post_id), e);
    }
}

Status edit_held_review(Database& db, std::int64_t post_id, const ReviewEdit& edit, TimeMs now) {
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        auto held = read_draft(db, post_id);
        if (!held) return held.error();
        if (!held->has_value()) return make_error("post " + std::to_string(post_id) + " is not waiting for review");
        HeldDraft& current = **held;
        auto span = apply_edit(current.draft, edit);
        if (!span) return span.error();
        const char* action = edit.kind == ReviewEdit::Kind::Restore ? log_action::kRestoredSpan
                                                                    : log_action::kRedactedByHand;
        std::vector<LogEntry> log = log_entries_for_spans(current.draft.source, {*span}, action, db.device_key(), now);
        for (LogEntry& entry : log) {
            entry.post_id = post_id;
            entry.case_id = current.case_id;
        }
        write_draft(db, post_id, current.draft);
        append_log_entries(db.sql(), db.device_key(), log);
        transaction.commit();
        seal_log_head(db);
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_failure("the correction was NOT saved", e);
    }
}

Result<int> purge_expired_review_sources(Database& db, TimeMs now, TimeMs kept_ms) {
    try {
        SQLite::Statement erase(db.sql(),
                                "DELETE FROM held_review WHERE post_id IN (SELECT id FROM posts WHERE created_at <= ?)");
        erase.bind(1, static_cast<std::int64_t>(now - kept_ms));
        return erase.exec();
    } catch (const SQLite::Exception& e) {
        return db_failure("cannot erase expired review texts", e);
    }
}

}  // namespace orlive
