// The durable outbox: posts and their per-account deliveries in SQLite. A post is written with
// all its delivery rows in one transaction, so after any crash either all of it is there or
// none of it is. Functions take the caller's Database (one connection per thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/store/database.h"
#include "core/audit/redaction_log.h"
#include "core/base/result.h"

namespace orlive {

// pending: inside the undo window. queued: released for delivery (or shown in the local feed).
// held: redacted, waiting for the coordinator to send it as shown or discard it.
// blocked: the consent policy refused it. cancelled: undone, discarded or consent withdrawn.
enum class PostState { Pending, Queued, Held, Blocked, Cancelled };
std::string_view post_state_name(PostState state);
std::optional<PostState> parse_post_state(std::string_view text);

enum class PostKind { Milestone, Text, HospitalStatus };
std::string_view post_kind_name(PostKind kind);

struct NewPost {
    std::optional<std::int64_t> case_id;
    PostKind kind = PostKind::Milestone;
    std::string milestone_id;
    std::string text;
    PostState state = PostState::Pending;
    std::string reason;
    int redactions = 0;
    TimeMs created_at = 0;
    TimeMs release_at = 0;
};

// A sent delivery of a withdrawn case is deleted on its platform: still to do (or retrying),
// done, or given up with a reason.
enum class DeletionState { None, Pending, Deleted, Failed };
std::string_view deletion_state_name(DeletionState state);  // "" | pending | deleted | failed

struct DeliveryRecord {
    std::int64_t id = 0;
    std::string account;
    std::string state;  // pending | queued | sending | sent | failed | cancelled
    int attempts = 0;
    std::string last_error;
    std::string remote_id;
    std::string remote_uri;
    DeletionState deletion = DeletionState::None;
    std::string deletion_error;  // the platform's last answer to the deletion
};

struct PostRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> case_id;
    PostKind kind = PostKind::Milestone;
    std::string milestone_id;
    std::string text;
    PostState state = PostState::Pending;
    std::string reason;
    int redactions = 0;
    TimeMs created_at = 0;
    TimeMs release_at = 0;
    std::vector<DeliveryRecord> deliveries;
};

struct QueueStats {
    int pending = 0;      // posts in their undo window
    int held = 0;         // posts waiting for the coordinator's decision
    int unsent = 0;       // deliveries queued or sending
    int failed = 0;       // deliveries that need a person
};

// Writes the post, one delivery row per account and its redaction-log entries (post_id filled
// in here) in one transaction; returns the post id.
Result<std::int64_t> enqueue_post(Database& db, const NewPost& post, const std::vector<std::string>& accounts,
                                  std::vector<LogEntry> log = {});
// The same rows inside the caller's open write transaction (no commit, no log seal), for a
// caller that must decide and store under one lock. Throws SQLite::Exception.
std::int64_t insert_post(Database& db, const NewPost& post, const std::vector<std::string>& accounts,
                         std::vector<LogEntry>& log);

// The longest undo window there is (settings and --undo-seconds allow 0-300 s). A pending post
// due later than this from now means the wall clock was set back (NTP correcting by hours): its
// window counts as over, so a post is never held back, or undoable, for hours.
inline constexpr TimeMs kMaxUndoWindowMs = 300'000;

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
// The earliest release time of a pending post, so a loop can sleep until then.
Result<std::optional<TimeMs>> next_release_at(Database& db);

// A person's decision on deliveries that need one (state failed, or queued and backing off):
// retry sends them again at once; discard gives them up (state cancelled, nothing is sent).
// `account` empty means every such delivery of the post. Returns how many changed; refuses
// when none could.
Result<int> retry_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now);
Result<int> discard_deliveries(Database& db, std::int64_t post_id, const std::string& account, TimeMs now);

}  // namespace orlive
