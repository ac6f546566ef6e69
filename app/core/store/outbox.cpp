// The outbox: posts and their deliveries in SQLite.
// [SECTION] The hot statements (outbox_sql, read by the query-plan test)
// [SECTION] Row helpers: errors, state changes, reading posts and their deliveries
// [SECTION] Writing a post; undo, approve, discard; releasing due posts
// [SECTION] Reading: pages, one post, the UNDO and review bars, queue counts
// [SECTION] A person's decision on failed deliveries: retry or discard
#include "core/store/outbox.h"

#include <map>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace orlive {

// ==== [SECTION] The hot statements ==========================================================

namespace {
constexpr const char* kPostColumns =
    "id, case_id, kind, milestone_id, text, state, reason, redactions, created_at, release_at";
}  // namespace

namespace outbox_sql {
#define ORLIVE_POST_COLUMNS "id, case_id, kind, milestone_id, text, state, reason, redactions, created_at, release_at"
const char* const kDeliveriesOfPosts =
    "SELECT d.post_id, d.id, d.account, d.state, d.attempts, d.last_error, d.remote_id, d.remote_uri, r.state, "
    "r.last_error FROM deliveries d LEFT JOIN remote_deletions r ON r.delivery_id = d.id "
    "WHERE d.post_id BETWEEN ? AND ? ORDER BY d.post_id, d.account";
const char* const kAnyDue = "SELECT 1 FROM posts WHERE state = 'pending' AND (release_at <= ? OR release_at > ?) LIMIT 1";
const char* const kReleaseDeliveries =
    "UPDATE deliveries SET state = 'queued', updated_at = ? WHERE state = 'pending' "
    "AND post_id IN (SELECT id FROM posts WHERE state = 'pending' AND (release_at <= ? OR release_at > ?))";
const char* const kReleasePosts =
    "UPDATE posts SET state = 'queued' WHERE state = 'pending' AND (release_at <= ? OR release_at > ?)";
const char* const kNextRelease = "SELECT min(release_at) FROM posts WHERE state = 'pending'";
const char* const kQueueStatsPosts =
    "SELECT coalesce(sum(state = 'pending'), 0), coalesce(sum(state = 'held'), 0) "
    "FROM posts WHERE state IN ('pending', 'held')";
const char* const kQueueStatsDeliveries =
    "SELECT coalesce(sum(state IN ('queued', 'sending')), 0), coalesce(sum(state = 'failed'), 0) "
    "FROM deliveries WHERE state IN ('queued', 'sending', 'failed')";
const char* const kNewestUndoable = "SELECT " ORLIVE_POST_COLUMNS " FROM posts WHERE state = 'pending' "
                                    "AND release_at > ? AND release_at <= ? ORDER BY id DESC LIMIT 1";
// "state IN (...)" repeats the partial index's condition so SQLite may use posts_open.
const char* const kOldestHeld = "SELECT " ORLIVE_POST_COLUMNS " FROM posts WHERE state IN ('pending', 'held') "
                                "AND state = 'held' ORDER BY id ASC LIMIT 1";
#undef ORLIVE_POST_COLUMNS

std::string list_posts(const PostQuery& query) {
    return std::string("SELECT ") + kPostColumns + " FROM posts" + (query.case_id ? " WHERE case_id = ?" : "") +
           " ORDER BY id " + (query.newest_first ? "DESC" : "ASC") + " LIMIT ? OFFSET ?";
}
}  // namespace outbox_sql

// ==== [SECTION] Row helpers =================================================================

namespace {

Error db_error(const char* what, const SQLite::Exception& e) {
    return make_error(std::string(what) + ": " + e.getErrorStr());
}

// The state a delivery row starts in, mirroring its post.
const char* delivery_state_for(PostState state) {
    switch (state) {
        case PostState::Queued: return "queued";
        case PostState::Pending:
        case PostState::Held: return "pending";
        case PostState::Blocked:
        case PostState::Cancelled: return "cancelled";
    }
    return "cancelled";
}

// Moves a post (and its not-yet-sent deliveries) between states; when `log_action` is given,
// the decision is logged in the same transaction.
Status set_state(Database& db, std::int64_t post_id, TimeMs now, const char* expected_states,
                 PostState new_state, const char* reason, std::optional<TimeMs> release_at,
                 const std::string& refusal, const char* log_action = nullptr) {
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        std::string sql = std::string("UPDATE posts SET state = ?, reason = ?") +
                          (release_at ? ", release_at = ?" : "") + " WHERE id = ? AND state IN (" +
                          expected_states + ")";
        SQLite::Statement update(db.sql(), sql);
        int column = 1;
        update.bind(column++, std::string(post_state_name(new_state)));
        update.bind(column++, reason);
        if (release_at) update.bind(column++, static_cast<std::int64_t>(*release_at));
        update.bind(column++, post_id);
        if (update.exec() == 0) return make_error(refusal);
        SQLite::Statement deliveries(db.sql(),
                                     "UPDATE deliveries SET state = ?, updated_at = ? WHERE post_id = ? AND "
                                     "state IN ('pending', 'queued')");
        deliveries.bind(1, delivery_state_for(new_state));
        deliveries.bind(2, static_cast<std::int64_t>(now));
        deliveries.bind(3, post_id);
        deliveries.exec();
        if (log_action) {
            SQLite::Statement owner(db.sql(), "SELECT case_id, redactions FROM posts WHERE id = ?");
            owner.bind(1, post_id);
            owner.executeStep();
            LogEntry entry;
            entry.at = now;
            if (!owner.getColumn(0).isNull()) entry.case_id = owner.getColumn(0).getInt64();
            entry.post_id = post_id;
            entry.action = log_action;
            entry.detail = std::string(reason) + " (" + std::to_string(owner.getColumn(1).getInt()) + " redaction(s))";
            append_log_entries(db.sql(), db.device_key(), {entry});
        }
        transaction.commit();
        if (log_action) seal_log_head(db);
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("cannot update the post", e);
    }
}

PostRecord read_post(SQLite::Statement& row) {
    PostRecord post;
    post.id = row.getColumn(0).getInt64();
    if (!row.getColumn(1).isNull()) post.case_id = row.getColumn(1).getInt64();
    post.kind = parse_post_kind(row.getColumn(2).getString());
    post.milestone_id = row.getColumn(3).getString();
    post.text = row.getColumn(4).getString();
    post.state = parse_post_state(row.getColumn(5).getString()).value_or(PostState::Cancelled);
    post.reason = row.getColumn(6).getString();
    post.redactions = row.getColumn(7).getInt();
    post.created_at = row.getColumn(8).getInt64();
    post.release_at = row.getColumn(9).getInt64();
    return post;
}


void attach_deliveries(Database& db, std::vector<PostRecord>& posts) {
    if (posts.empty()) return;
    std::map<std::int64_t, PostRecord*> by_id;
    std::int64_t low = posts.front().id, high = posts.front().id;
    for (PostRecord& post : posts) {
        by_id[post.id] = &post;
        low = std::min(low, post.id);
        high = std::max(high, post.id);
    }
    SQLite::Statement rows(db.sql(), outbox_sql::kDeliveriesOfPosts);
    rows.bind(1, low);
    rows.bind(2, high);
    while (rows.executeStep()) {
        auto it = by_id.find(rows.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        DeliveryRecord delivery;
        delivery.id = rows.getColumn(1).getInt64();
        delivery.account = rows.getColumn(2).getString();
        delivery.state = rows.getColumn(3).getString();
        delivery.attempts = rows.getColumn(4).getInt();
        delivery.last_error = rows.getColumn(5).getString();
        delivery.remote_id = rows.getColumn(6).getString();
        delivery.remote_uri = rows.getColumn(7).getString();
        if (!rows.getColumn(8).isNull() && delivery.state == "sent") {
            const std::string deletion = rows.getColumn(8).getString();
            delivery.deletion = deletion == "done" ? "deleted" : deletion == "failed" ? "failed" : "pending";
            if (delivery.deletion == "failed") delivery.deletion_error = rows.getColumn(9).getString();
        }
        it->second->deliveries.push_back(std::move(delivery));
    }
}

}  // namespace

// ==== [SECTION] Writing a post; undo, approve, discard; releasing due posts ==================

std::string_view post_state_name(PostState state) {
    switch (state) {
        case PostState::Pending: return "pending";
        case PostState::Queued: return "queued";
        case PostState::Held: return "held";
        case PostState::Blocked: return "blocked";
        case PostState::Cancelled: return "cancelled";
    }
    return "cancelled";
}

std::optional<PostState> parse_post_state(std::string_view text) {
    for (PostState state : {PostState::Pending, PostState::Queued, PostState::Held, PostState::Blocked,
                            PostState::Cancelled}) {
        if (post_state_name(state) == text) return state;
    }
    return std::nullopt;
}

std::string_view post_kind_name(PostKind kind) {
    switch (kind) {
        case PostKind::Milestone: return "milestone";
        case PostKind::Text: return "text";
        case PostKind::HospitalStatus: return "status";
    }
    return "text";
}

void refuse_delivery(Database& db, std::int64_t post_id, const std::string& account, const std::string& reason,
                     TimeMs now) {
    SQLite::Statement refuse(db.sql(), "UPDATE deliveries SET state = 'failed', last_error = ?, updated_at = ? "
                                       "WHERE post_id = ? AND account = ?");
    refuse.bind(1, reason);
    refuse.bind(2, static_cast<std::int64_t>(now));
    refuse.bind(3, post_id);
    refuse.bind(4, account);
    refuse.exec();
}

std::int64_t insert_post(Database& db, const NewPost& post, const std::vector<std::string>& accounts,
                         std::vector<LogEntry>& log) {
    SQLite::Statement insert(db.sql(),
                             "INSERT INTO posts (case_id, kind, milestone_id, text, state, reason, redactions, "
                             "created_at, release_at, answers_question) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (post.case_id) insert.bind(1, *post.case_id); else insert.bind(1);
    insert.bind(2, std::string(post_kind_name(post.kind)));
    insert.bind(3, post.milestone_id);
    insert.bind(4, post.text);
    insert.bind(5, std::string(post_state_name(post.state)));
    insert.bind(6, post.reason);
    insert.bind(7, post.redactions);
    insert.bind(8, static_cast<std::int64_t>(post.created_at));
    insert.bind(9, static_cast<std::int64_t>(post.release_at));
    if (post.answers_question) insert.bind(10, *post.answers_question); else insert.bind(10);
    insert.exec();
    std::int64_t post_id = db.sql().getLastInsertRowid();

    SQLite::Statement delivery(db.sql(),
                               "INSERT INTO deliveries (post_id, account, state, updated_at) VALUES (?, ?, ?, ?)");
    for (const std::string& account : accounts) {
        delivery.bind(1, post_id);
        delivery.bind(2, account);
        delivery.bind(3, delivery_state_for(post.state));
        delivery.bind(4, static_cast<std::int64_t>(post.created_at));
        delivery.exec();
        delivery.reset();
    }
    for (LogEntry& entry : log) {
        entry.post_id = post_id;
        entry.case_id = post.case_id;
    }
    append_log_entries(db.sql(), db.device_key(), log);
    return post_id;
}

PostKind parse_post_kind(std::string_view text) {
    return text == "status" ? PostKind::HospitalStatus : text == "text" ? PostKind::Text : PostKind::Milestone;
}

Result<std::int64_t> enqueue_post(Database& db, const NewPost& post, const std::vector<std::string>& accounts,
                                  std::vector<LogEntry> log) {
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        std::int64_t post_id = insert_post(db, post, accounts, log);
        transaction.commit();
        if (!log.empty()) seal_log_head(db);
        return post_id;
    } catch (const SQLite::Exception& e) {
        return db_error("the post was NOT saved", e);
    }
}

Status undo_post(Database& db, std::int64_t post_id, TimeMs now) {
    try {
        SQLite::Statement check(db.sql(), "SELECT state, release_at FROM posts WHERE id = ?");
        check.bind(1, post_id);
        if (!check.executeStep()) return make_error("post " + std::to_string(post_id) + " does not exist");
        const TimeMs release_at = check.getColumn(1).getInt64();
        if (check.getColumn(0).getString() != "pending" || release_at <= now || release_at > now + kMaxUndoWindowMs)
            return make_error("post " + std::to_string(post_id) + " is past its undo window");
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the post", e);
    }
    // The state guard in set_state makes this safe against a release racing in between.
    return set_state(db, post_id, now, "'pending'", PostState::Cancelled, "undone", std::nullopt,
                     "post " + std::to_string(post_id) + " is past its undo window");
}

Status approve_held_post(Database& db, std::int64_t post_id, TimeMs now, TimeMs undo_ms) {
    PostState next = undo_ms > 0 ? PostState::Pending : PostState::Queued;
    return set_state(db, post_id, now, "'held'", next, "sent as shown after review", now + undo_ms,
                     "post " + std::to_string(post_id) + " is not waiting for review", log_action::kApproved);
}

Status discard_post(Database& db, std::int64_t post_id, TimeMs now) {
    return set_state(db, post_id, now, "'held', 'pending'", PostState::Cancelled, "discarded", std::nullopt,
                     "post " + std::to_string(post_id) + " can no longer be discarded", log_action::kDiscarded);
}

Result<int> release_due_posts(Database& db, TimeMs now) {
    try {
        // The app calls this every second: a read on the partial index first, so an idle
        // device never takes the write lock the sync daemon and orlivectl also need.
        SQLite::Statement due(db.sql(), outbox_sql::kAnyDue);
        due.bind(1, static_cast<std::int64_t>(now));
        due.bind(2, static_cast<std::int64_t>(now + kMaxUndoWindowMs));
        if (!due.executeStep()) return 0;
        due.reset();
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement deliveries(db.sql(), outbox_sql::kReleaseDeliveries);
        deliveries.bind(1, static_cast<std::int64_t>(now));
        deliveries.bind(2, static_cast<std::int64_t>(now));
        deliveries.bind(3, static_cast<std::int64_t>(now + kMaxUndoWindowMs));
        deliveries.exec();
        SQLite::Statement posts(db.sql(), outbox_sql::kReleasePosts);
        posts.bind(1, static_cast<std::int64_t>(now));
        posts.bind(2, static_cast<std::int64_t>(now + kMaxUndoWindowMs));
        int released = posts.exec();
        transaction.commit();
        return released;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot release posts", e);
    }
}

// ==== [SECTION] Reading ====================================================================

Result<std::vector<PostRecord>> list_posts(Database& db, const PostQuery& query) {
    try {
        SQLite::Statement rows(db.sql(), outbox_sql::list_posts(query));
        int column = 1;
        if (query.case_id) rows.bind(column++, *query.case_id);
        rows.bind(column++, query.limit);
        rows.bind(column++, query.offset);
        std::vector<PostRecord> posts;
        while (rows.executeStep()) posts.push_back(read_post(rows));
        attach_deliveries(db, posts);
        return posts;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the outbox", e);
    }
}

Result<std::optional<PostRecord>> find_post(Database& db, std::int64_t post_id) {
    try {
        SQLite::Statement row(db.sql(), std::string("SELECT ") + kPostColumns + " FROM posts WHERE id = ?");
        row.bind(1, post_id);
        if (!row.executeStep()) return std::optional<PostRecord>();
        std::vector<PostRecord> posts{read_post(row)};
        attach_deliveries(db, posts);
        return std::optional<PostRecord>(std::move(posts.front()));
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the post", e);
    }
}

namespace {
Result<std::optional<PostRecord>> first_post(Database& db, SQLite::Statement& row) {
    if (!row.executeStep()) return std::optional<PostRecord>();
    std::vector<PostRecord> posts{read_post(row)};
    attach_deliveries(db, posts);
    return std::optional<PostRecord>(std::move(posts.front()));
}
}  // namespace

Result<std::optional<PostRecord>> newest_undoable_post(Database& db, TimeMs now) {
    try {
        SQLite::Statement row(db.sql(), outbox_sql::kNewestUndoable);
        row.bind(1, static_cast<std::int64_t>(now));
        row.bind(2, static_cast<std::int64_t>(now + kMaxUndoWindowMs));
        return first_post(db, row);
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the posts in their undo window", e);
    }
}

Result<std::optional<PostRecord>> oldest_held_post(Database& db) {
    try {
        SQLite::Statement row(db.sql(), outbox_sql::kOldestHeld);
        return first_post(db, row);
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the posts held for review", e);
    }
}

Result<QueueStats> queue_stats(Database& db) {
    try {
        QueueStats stats;
        SQLite::Statement posts(db.sql(), outbox_sql::kQueueStatsPosts);
        if (posts.executeStep()) {
            stats.pending = posts.getColumn(0).getInt();
            stats.held = posts.getColumn(1).getInt();
        }
        SQLite::Statement deliveries(db.sql(), outbox_sql::kQueueStatsDeliveries);
        if (deliveries.executeStep()) {
            stats.unsent = deliveries.getColumn(0).getInt();
            stats.failed = deliveries.getColumn(1).getInt();
        }
        return stats;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the queue", e);
    }
}

Result<std::optional<TimeMs>> next_release_at(Database& db) {
    try {
        SQLite::Statement row(db.sql(), outbox_sql::kNextRelease);
        if (row.executeStep() && !row.getColumn(0).isNull())
            return std::optional<TimeMs>(row.getColumn(0).getInt64());
        return std::optional<TimeMs>();
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the outbox", e);
    }
}

// ==== [SECTION] A person's decision on failed deliveries ====================================

namespace {

Result<int> decide_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now,
                              const char* assignments, const char* from_states, const char* verb) {
    try {
        std::string sql = std::string("UPDATE deliveries SET ") + assignments +
                          ", updated_at = ? WHERE post_id = ? AND state IN (" + from_states + ")" +
                          (account.empty() ? "" : " AND account = ?");
        SQLite::Statement update(db.sql(), sql);
        update.bind(1, static_cast<std::int64_t>(now));
        update.bind(2, post_id);
        if (!account.empty()) update.bind(3, account);
        int changed = update.exec();
        if (changed == 0) {
            return make_error("post " + std::to_string(post_id) + (account.empty() ? "" : " to '" + account + "'") +
                              " has no delivery to " + verb + " (only failed or waiting deliveries can be)");
        }
        return changed;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot change the delivery", e);
    }
}

}  // namespace

Result<int> retry_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now) {
    // A retry of a failed delivery is a new decision: the old error stays visible until it goes.
    return decide_deliveries(db, post_id, account, now, "state = 'queued', next_attempt_at = 0",
                             "'failed', 'queued'", "retry");
}

Result<int> discard_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now) {
    return decide_deliveries(db, post_id, account, now,
                             "state = 'cancelled', last_error = 'discarded: ' || last_error",
                             "'failed', 'queued'", "discard");
}

}  // namespace orlive
