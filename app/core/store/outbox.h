// The durable outbox: posts and their per-account deliveries in SQLite. A post is written with
// all its delivery rows in one transaction, so after any crash either all of it is there or
// none of it is. Functions take the caller's Database (one connection per thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/base/undo_window.h"
#include "core/store/database.h"
#include "core/store/post_record.h"
#include "core/audit/redaction_log.h"
#include "core/base/result.h"

namespace orlive {


// Writes the post, one delivery row per account and its redaction-log entries (post_id filled
// in here) in one transaction; returns the post id.
Result<std::int64_t> enqueue_post(Database& db, const NewPost& post, const std::vector<std::string>& accounts,
                                  std::vector<LogEntry> log = {});
// The same rows inside the caller's open write transaction (no commit, no log seal), for a
// caller that must decide and store under one lock. Throws SQLite::Exception.
std::int64_t insert_post(Database& db, const NewPost& post, const std::vector<std::string>& accounts,
                         std::vector<LogEntry>& log);
// Inside the same transaction: a delivery that can never go out (the text is too long for that
// platform) is failed at once with the reason, so nobody waits for it. Throws SQLite::Exception.
void refuse_delivery(Database& db, std::int64_t post_id, const std::string& account, const std::string& reason,
                     TimeMs now);

// Undo a post still in its undo window.
Status undo_post(Database& db, std::int64_t post_id, TimeMs now);
// Send a held post as shown: it enters the undo window (or is queued when undo_ms is 0).
Status approve_held_post(Database& db, std::int64_t post_id, TimeMs now, TimeMs undo_ms);
// Discard a held or pending post.
Status discard_post(Database& db, std::int64_t post_id, TimeMs now);
// Pending posts whose undo window has ended (or, after the clock was set back, ends further away
// than kMaxUndoWindowMs) become queued. Returns how many.
Result<int> release_due_posts(Database& db, TimeMs now);

struct PostQuery {
    std::optional<std::int64_t> case_id;  // only this case's posts
    bool newest_first = true;
    int limit = 200;
    int offset = 0;
};
Result<std::vector<PostRecord>> list_posts(Database& db, const PostQuery& query);
Result<std::optional<PostRecord>> find_post(Database& db, std::int64_t post_id);
Result<QueueStats> queue_stats(Database& db);
// The newest post still in its undo window, of any case or none (the UNDO bar), and the
// oldest post waiting for review (the review bar): hospital-status posts have no case.
Result<std::optional<PostRecord>> newest_undoable_post(Database& db, TimeMs now);
Result<std::optional<PostRecord>> oldest_held_post(Database& db);
// The earliest release time of a pending post, so a loop can sleep until then.
Result<std::optional<TimeMs>> next_release_at(Database& db);

// A person's decision on deliveries that need one (state failed, or queued and backing off):
// retry sends them again at once; discard gives them up (state cancelled, nothing is sent).
// `account` empty means every such delivery of the post. Returns how many changed; refuses
// when none could.
Result<int> retry_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now);
Result<int> discard_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now);

// The outbox's hot statements, exactly as the functions above run them, so the query-plan test
// (tests/scale/query_plan_test.cpp) checks the real SQL rather than a copy.
namespace outbox_sql {
extern const char* const kDeliveriesOfPosts;     // a page of posts' deliveries
extern const char* const kAnyDue;                // release_due_posts reads first...
extern const char* const kReleaseDeliveries;     // ...then releases deliveries
extern const char* const kReleasePosts;          // ...and posts
extern const char* const kNextRelease;           // next_release_at
extern const char* const kQueueStatsPosts;       // queue_stats: pending and held posts
extern const char* const kQueueStatsDeliveries;  // queue_stats: unsent and failed deliveries
extern const char* const kNewestUndoable;        // newest_undoable_post
extern const char* const kOldestHeld;            // oldest_held_post
std::string list_posts(const PostQuery& query);  // list_posts
}  // namespace outbox_sql

}  // namespace orlive
