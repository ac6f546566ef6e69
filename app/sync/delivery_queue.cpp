// DeliveryQueue: the sync engine's view of the outbox.
// [SECTION] Row helpers and the hot statements (kClaimNextSql, kNextDueForSql)
// [SECTION] Claiming a delivery (consent checked in the same transaction), withdrawn cases
// [SECTION] Outcomes: sent, retry, failed, a two-step platform's draft id
// [SECTION] Deletions of a withdrawn case's sent posts
// [SECTION] What is due next, unsent counts, the data version
#include "sync/delivery_queue.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/store/outbox.h"
#include "core/base/time_format.h"
#include "sync/tid.h"

namespace orlive {

namespace {

Error db_error(const char* what, const SQLite::Exception& e) {
    return make_error(std::string(what) + ": " + e.getErrorStr());
}

// Nearest earlier (parent) or first (root) post of the same case and account that is out there.
RemoteRef thread_ref(Database& db, const std::string& account, std::int64_t case_id, std::int64_t post_id,
                     bool nearest) {
    SQLite::Statement row(db.sql(),
                          std::string("SELECT d.remote_id, d.remote_uri, d.remote_cid FROM deliveries d "
                                      "JOIN posts p ON p.id = d.post_id WHERE d.account = ? AND p.case_id = ? "
                                      "AND d.post_id < ? AND d.state = 'sent' AND p.answers_question IS NULL "
                                      "AND NOT EXISTS (SELECT 1 FROM "
                                      "remote_deletions r WHERE r.delivery_id = d.id) ORDER BY d.post_id ") +
                              (nearest ? "DESC" : "ASC") + " LIMIT 1");
    row.bind(1, account);
    row.bind(2, case_id);
    row.bind(3, post_id);
    RemoteRef ref;
    if (row.executeStep()) {
        ref.id = row.getColumn(0).getString();
        ref.uri = row.getColumn(1).getString();
        ref.cid = row.getColumn(2).getString();
    }
    return ref;
}

// An answer replies to the follower's message, outside the thread.
RemoteRef question_ref(Database& db, std::int64_t question_id) {
    SQLite::Statement row(db.sql(), "SELECT remote_id, remote_uri, remote_cid FROM questions WHERE id = ?");
    row.bind(1, question_id);
    RemoteRef ref;
    if (row.executeStep()) {
        ref.id = row.getColumn(0).getString();
        ref.uri = row.getColumn(1).getString();
        ref.cid = row.getColumn(2).getString();
    }
    return ref;
}

}  // namespace

std::string idempotency_key_for(std::int64_t delivery_id, std::int64_t post_id, TimeMs created_at) {
    return "orlive-" + std::to_string(post_id) + "-" + std::to_string(delivery_id) + "-" + std::to_string(created_at);
}

const char* const DeliveryQueue::kClaimNextSql =
    "SELECT d.id, d.post_id, p.case_id, p.kind, p.milestone_id, p.text, p.created_at, "
    "d.state, d.attempts, d.record_key, d.record_created_at, d.updated_at, d.draft_id, p.answers_question "
    "FROM deliveries d JOIN posts p ON p.id = d.post_id "
    "WHERE d.account = ? AND d.state IN ('queued', 'sending') AND d.next_attempt_at <= ? "
    "AND p.state = 'queued' AND NOT EXISTS (SELECT 1 FROM deliveries e JOIN posts q ON q.id = e.post_id "
    "  WHERE e.account = d.account AND q.case_id = p.case_id AND e.post_id < d.post_id "
    "  AND e.state IN ('queued', 'sending')) "
    "ORDER BY d.post_id LIMIT 1";

const char* const DeliveryQueue::kNextDueForSql =
    "SELECT min(t) FROM ("
    " SELECT min(d.next_attempt_at) AS t FROM deliveries d JOIN posts p ON p.id = d.post_id"
    " WHERE d.account = ?1 AND d.state IN ('queued', 'sending') AND NOT EXISTS (SELECT 1"
    "  FROM deliveries e JOIN posts q ON q.id = e.post_id WHERE e.account = d.account"
    "  AND q.case_id = p.case_id AND e.post_id < d.post_id"
    "  AND e.state IN ('queued', 'sending'))"
    " UNION ALL SELECT min(r.next_attempt_at) FROM remote_deletions r JOIN deliveries d"
    "  ON d.id = r.delivery_id WHERE d.account = ?1 AND d.state = 'sent'"
    "  AND r.state IN ('queued', 'sending'))";

Result<int> DeliveryQueue::release_due(TimeMs now) { return release_due_posts(db_, now); }

Result<std::optional<OutgoingPost>> DeliveryQueue::claim_next(const std::string& account, TimeMs now) {
    try {
        SQLite::Transaction transaction(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        // Consent is checked under the claim's own lock: nothing of a withdrawn case leaves,
        // whatever state an earlier crash or race left its rows in.
        settle_withdrawn(account, now);
        // A case's deliveries go in post order: one waits while an earlier one of the same
        // account and case is still queued or in flight (a reply needs its parent's id).
        SQLite::Statement pick(db_.sql(), kClaimNextSql);
        pick.bind(1, account);
        pick.bind(2, static_cast<std::int64_t>(now));
        if (!pick.executeStep()) {
            transaction.commit();  // keeps what settle_withdrawn ended
            return std::optional<OutgoingPost>();
        }

        OutgoingPost post;
        post.delivery_id = pick.getColumn(0).getInt64();
        post.post_id = pick.getColumn(1).getInt64();
        if (!pick.getColumn(2).isNull()) post.case_id = pick.getColumn(2).getInt64();
        const std::string kind = pick.getColumn(3).getString();
        post.kind = kind == "status" ? PostKind::HospitalStatus : kind == "text" ? PostKind::Text : PostKind::Milestone;
        post.milestone_id = pick.getColumn(4).getString();
        post.text = pick.getColumn(5).getString();
        post.created_at = pick.getColumn(6).getInt64();
        // Still `sending`: the process that claimed it died mid-attempt. It may have arrived.
        post.outcome_unknown = pick.getColumn(7).getString() == "sending";
        post.attempt = pick.getColumn(8).getInt() + 1;
        post.record_key = pick.getColumn(9).getString();
        post.record_created_at = pick.getColumn(10).getString();
        if (post.attempt > 1) post.previous_attempt_at = pick.getColumn(11).getInt64();
        post.draft_id = pick.getColumn(12).getString();
        post.account = account;
        post.idempotency_key = idempotency_key_for(post.delivery_id, post.post_id, post.created_at);
        if (post.record_key.empty()) {
            // The post's own time (plus the row id, so two posts in one millisecond differ).
            post.record_key = make_tid(post.created_at * 1000 + post.delivery_id % 1000,
                                       static_cast<std::uint32_t>(post.delivery_id % 1024));
            post.record_created_at = format_iso8601_utc(post.created_at);
        }
        if (post.case_id) {
            post.parent = thread_ref(db_, account, *post.case_id, post.post_id, true);
            post.root = thread_ref(db_, account, *post.case_id, post.post_id, false);
        }
        if (!pick.getColumn(13).isNull()) {
            post.answers_question = pick.getColumn(13).getInt64();
            post.parent = question_ref(db_, *post.answers_question);
        }

        SQLite::Statement claim(db_.sql(),
                                "UPDATE deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ?, "
                                "record_key = ?, record_created_at = ? WHERE id = ?");
        claim.bind(1, static_cast<std::int64_t>(now));
        claim.bind(2, post.record_key);
        claim.bind(3, post.record_created_at);
        claim.bind(4, post.delivery_id);
        claim.exec();
        transaction.commit();
        return std::optional<OutgoingPost>(std::move(post));
    } catch (const SQLite::Exception& e) {
        return db_error("cannot claim a delivery", e);
    }
}

void DeliveryQueue::settle_withdrawn(const std::string& account, TimeMs now) {
    // Queued rows of a withdrawn case were cancelled by the withdrawal; this catches any row a
    // racing writer put back. A row left `sending` by a crash may have arrived: it is marked
    // failed (never resent) with a reason a person can act on.
    SQLite::Statement cancel(db_.sql(),
                             "UPDATE deliveries SET state = CASE state WHEN 'sending' THEN 'failed' ELSE "
                             "'cancelled' END, last_error = CASE state WHEN 'sending' THEN 'consent withdrawn; "
                             "the last attempt may have arrived: check the platform' ELSE 'consent withdrawn' "
                             "END, updated_at = ? WHERE account = ? AND state IN ('queued', 'sending') AND "
                             "post_id IN (SELECT p.id FROM posts p JOIN cases c ON c.id = p.case_id WHERE "
                             "c.withdrawn_at IS NOT NULL)");
    cancel.bind(1, static_cast<std::int64_t>(now));
    cancel.bind(2, account);
    cancel.exec();
}

Status DeliveryQueue::mark_sent(std::int64_t delivery_id, const RemoteRef& remote, TimeMs now) {
    try {
        SQLite::Statement update(db_.sql(),
                                 "UPDATE deliveries SET state = 'sent', last_error = '', remote_id = ?, remote_uri = ?, "
                                 "remote_cid = ?, next_attempt_at = 0, updated_at = ? WHERE id = ? AND state = 'sending'");
        update.bind(1, remote.id);
        update.bind(2, remote.uri);
        update.bind(3, remote.cid);
        update.bind(4, static_cast<std::int64_t>(now));
        update.bind(5, delivery_id);
        update.exec();
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("the post was delivered but that could not be recorded", e);
    }
}

Status DeliveryQueue::mark_retry(std::int64_t delivery_id, const std::string& error, TimeMs next_attempt_at,
                                 TimeMs now) {
    try {
        // Back in the queue only if its post may still go: consent withdrawn (or the post
        // cancelled) while it was in flight ends it here; a post held for review meanwhile
        // waits for the coordinator.
        SQLite::Statement update(db_.sql(),
                                 "UPDATE deliveries SET state = (SELECT CASE WHEN p.state IN ('cancelled', "
                                 "'blocked') OR c.withdrawn_at IS NOT NULL THEN 'cancelled' WHEN p.state IN ('held', "
                                 "'pending') THEN 'pending' ELSE 'queued' END FROM posts p LEFT JOIN cases c ON "
                                 "c.id = p.case_id WHERE p.id = deliveries.post_id), last_error = ?, "
                                 "next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'sending'");
        update.bind(1, error);
        update.bind(2, static_cast<std::int64_t>(next_attempt_at));
        update.bind(3, static_cast<std::int64_t>(now));
        update.bind(4, delivery_id);
        update.exec();
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("cannot record the delivery attempt", e);
    }
}

Result<int> DeliveryQueue::make_account_due(const std::string& account, TimeMs now) {
    try {
        SQLite::Transaction transaction(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement posts(db_.sql(), "UPDATE deliveries SET next_attempt_at = ?1 WHERE account = ?2 "
                                           "AND state = 'queued' AND next_attempt_at > ?1");
        posts.bind(1, static_cast<std::int64_t>(now));
        posts.bind(2, account);
        int moved = posts.exec();
        SQLite::Statement deletions(db_.sql(), "UPDATE remote_deletions SET next_attempt_at = ?1 WHERE state = "
                                               "'queued' AND next_attempt_at > ?1 AND delivery_id IN (SELECT id "
                                               "FROM deliveries WHERE account = ?2)");
        deletions.bind(1, static_cast<std::int64_t>(now));
        deletions.bind(2, account);
        moved += deletions.exec();
        transaction.commit();
        return moved;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot schedule the account's waiting deliveries", e);
    }
}

Status DeliveryQueue::mark_failed(std::int64_t delivery_id, const std::string& error, TimeMs now) {
    try {
        SQLite::Statement update(db_.sql(),
                                 "UPDATE deliveries SET state = 'failed', last_error = ?, updated_at = ? "
                                 "WHERE id = ? AND state = 'sending'");
        update.bind(1, error);
        update.bind(2, static_cast<std::int64_t>(now));
        update.bind(3, delivery_id);
        update.exec();
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("cannot record the failed delivery", e);
    }
}

Status DeliveryQueue::save_draft(std::int64_t delivery_id, const std::string& draft_id) {
    try {
        SQLite::Statement update(db_.sql(),
                                 "UPDATE deliveries SET draft_id = ? WHERE id = ? AND state = 'sending'");
        update.bind(1, draft_id);
        update.bind(2, delivery_id);
        if (update.exec() != 1) return make_error("the delivery is no longer being sent");
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("cannot keep the platform's draft id", e);
    }
}

Result<std::optional<PendingDeletion>> DeliveryQueue::claim_deletion(const std::string& account, TimeMs now) {
    try {
        SQLite::Transaction transaction(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        // A delivery still in flight is settled first; one that never arrived needs no deletion.
        SQLite::Statement settle(db_.sql(),
                                 "UPDATE remote_deletions SET state = 'done', last_error = 'never posted', "
                                 "updated_at = ? WHERE state IN ('queued', 'sending') AND delivery_id IN "
                                 "(SELECT id FROM deliveries WHERE state IN ('failed', 'cancelled'))");
        settle.bind(1, static_cast<std::int64_t>(now));
        settle.exec();
        SQLite::Statement pick(db_.sql(),
                               "SELECT r.id, r.delivery_id, r.attempts, d.remote_id, d.remote_uri, d.remote_cid "
                               "FROM remote_deletions r JOIN deliveries d ON d.id = r.delivery_id "
                               "WHERE d.account = ? AND d.state = 'sent' AND r.state IN ('queued', 'sending') "
                               "AND r.next_attempt_at <= ? ORDER BY d.post_id DESC LIMIT 1");
        pick.bind(1, account);
        pick.bind(2, static_cast<std::int64_t>(now));
        if (!pick.executeStep()) {
            transaction.commit();
            return std::optional<PendingDeletion>();
        }
        PendingDeletion deletion;
        deletion.id = pick.getColumn(0).getInt64();
        deletion.delivery_id = pick.getColumn(1).getInt64();
        deletion.attempt = pick.getColumn(2).getInt() + 1;
        deletion.remote.id = pick.getColumn(3).getString();
        deletion.remote.uri = pick.getColumn(4).getString();
        deletion.remote.cid = pick.getColumn(5).getString();
        deletion.account = account;
        SQLite::Statement claim(db_.sql(),
                                "UPDATE remote_deletions SET state = 'sending', attempts = attempts + 1, "
                                "updated_at = ? WHERE id = ?");
        claim.bind(1, static_cast<std::int64_t>(now));
        claim.bind(2, deletion.id);
        claim.exec();
        transaction.commit();
        return std::optional<PendingDeletion>(std::move(deletion));
    } catch (const SQLite::Exception& e) {
        return db_error("cannot claim a deletion", e);
    }
}

Status DeliveryQueue::finish_deletion(std::int64_t id, const std::string& state, const std::string& error,
                                      TimeMs next_attempt_at, TimeMs now) {
    try {
        SQLite::Statement update(db_.sql(),
                                 "UPDATE remote_deletions SET state = ?, last_error = ?, next_attempt_at = ?, "
                                 "updated_at = ? WHERE id = ?");
        update.bind(1, state);
        update.bind(2, error);
        update.bind(3, static_cast<std::int64_t>(next_attempt_at));
        update.bind(4, static_cast<std::int64_t>(now));
        update.bind(5, id);
        update.exec();
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("cannot record the deletion", e);
    }
}

Result<std::optional<TimeMs>> DeliveryQueue::next_due_for(const std::string& account) {
    try {
        // Only the head of each case's lane counts: a later post waits for its predecessor,
        // so its own (past) next_attempt_at must not wake anyone.
        SQLite::Statement row(db_.sql(), kNextDueForSql);
        row.bind(1, account);
        if (row.executeStep() && !row.getColumn(0).isNull()) return std::optional<TimeMs>(row.getColumn(0).getInt64());
        return std::optional<TimeMs>();
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the outbox", e);
    }
}

Result<std::optional<TimeMs>> DeliveryQueue::next_release() { return next_release_at(db_); }

namespace {

// Deliveries of `account` in `states`, plus the deletions a withdrawal queued for its sent posts
// (retried like deliveries, they count until done).
Result<int> count_open(Database& db, const std::string& account, const std::string& states) {
    try {
        SQLite::Statement count(db.sql(),
                                "SELECT (SELECT count(*) FROM deliveries WHERE account = ?1 AND state IN (" + states +
                                    ")) + (SELECT count(*) FROM remote_deletions r JOIN deliveries d ON d.id = "
                                    "r.delivery_id WHERE d.account = ?1 AND d.state = 'sent' AND r.state IN "
                                    "('queued', 'sending'))");
        count.bind(1, account);
        count.executeStep();
        return count.getColumn(0).getInt();
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the outbox", e);
    }
}

}  // namespace

Result<int> DeliveryQueue::unsent_count(const std::string& account) {
    return count_open(db_, account, "'queued', 'sending'");
}

Result<int> DeliveryQueue::stranded_count(const std::string& account) {
    return count_open(db_, account, "'pending', 'queued', 'sending', 'failed'");
}

std::int64_t DeliveryQueue::data_version() {
    try {
        return db_.sql().execAndGet("PRAGMA data_version").getInt64();
    } catch (const SQLite::Exception&) {
        return -1;
    }
}

}  // namespace orlive
