// DeliveryQueue: the engine's view of the outbox. Claims the next deliverable post per account
// (strictly in post order within a case; a post without a case stands alone), and records each
// attempt's outcome. Every state change is one short transaction, so after a crash the
// database alone says where delivery stands: a row left in `sending` is an unknown outcome.
// Threading: one DeliveryQueue per thread, on that thread's own Database.
#pragma once

#include <optional>
#include <string>

#include "core/base/clock.h"
#include "core/store/database.h"
#include "core/base/result.h"
#include "sync/publisher.h"

namespace orlive {

struct PendingDeletion {
    std::int64_t id = 0;           // remote_deletions row
    std::int64_t delivery_id = 0;
    std::string account;
    RemoteRef remote;
    int attempt = 1;
};

class DeliveryQueue {
public:
    // The two hot statements exactly as claim_next and next_due_for run them, so the
    // query-plan test checks the real SQL.
    static const char* const kClaimNextSql;
    static const char* const kNextDueForSql;

    explicit DeliveryQueue(Database& db) : db_(db) {}

    // Posts whose undo window ended become queued (the app does this too; either may).
    Result<int> release_due(TimeMs now);

    // The next delivery of `account` that may go now, marked `sending` with its attempt
    // counted, or nothing. Chooses a Bluesky record key and createdAt on the first claim.
    // Consent is checked in the same transaction: nothing of a withdrawn case is claimed.
    Result<std::optional<OutgoingPost>> claim_next(const std::string& account, TimeMs now);
    Status mark_sent(std::int64_t delivery_id, const RemoteRef& remote, TimeMs now);
    // Back to the queue, unless consent was withdrawn (cancelled) or the post was held for
    // review (pending) while the attempt was in flight.
    Status mark_retry(std::int64_t delivery_id, const std::string& error, TimeMs next_attempt_at, TimeMs now);
    Status mark_failed(std::int64_t delivery_id, const std::string& error, TimeMs now);
    // Keeps a two-step platform's unpublished object (a Threads container id) on the row.
    Status save_draft(std::int64_t delivery_id, const std::string& draft_id);

    Result<std::optional<PendingDeletion>> claim_deletion(const std::string& account, TimeMs now);
    Status finish_deletion(std::int64_t id, const std::string& state, const std::string& error,
                           TimeMs next_attempt_at, TimeMs now);

    // `account` answers again after being offline: its deliveries and deletions waiting out a
    // backoff are due at `now`. Returns how many rows it moved.
    Result<int> make_account_due(const std::string& account, TimeMs now);
    // When `account` next has something due (a lane's head, a deletion); may be in the past.
    Result<std::optional<TimeMs>> next_due_for(const std::string& account);
    // When the next undo window ends.
    Result<std::optional<TimeMs>> next_release();
    // Deliveries of `account` still to go out (queued or sending), and deletions still to do.
    Result<int> unsent_count(const std::string& account);
    // What removing `account` from the settings would leave behind unsent: the above, plus its
    // deliveries still in the undo window or failed and waiting for a person (retry/discard).
    Result<int> stranded_count(const std::string& account);
    // Changes whenever another connection commits: cheap "anything new?" polling.
    std::int64_t data_version();

private:
    void settle_withdrawn(const std::string& account, TimeMs now);

    Database& db_;
};

// Stable per delivery row, so every retry of it carries the same key.
std::string idempotency_key_for(std::int64_t delivery_id, std::int64_t post_id, TimeMs created_at);

}  // namespace orlive
