// SyncEngine: drains the outbox to every configured account, one attempt at a time, reads
// followers' replies to each case's thread (QuestionPoller), and knows
// when it next has something to do, so its callers sleep instead of polling. It never waits
// itself: SyncWorker (a thread in the app, or `orlivectl sync`) and `orlivectl sync --once`
// decide how to wait. After a crash a new engine resumes from the database alone.
// Threading: one thread; the Database, publishers and their HttpClient belong to it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/store/database.h"
#include "sync/audit_forwarder.h"
#include "sync/delivery_queue.h"
#include "sync/publisher.h"
#include "sync/question_poller.h"
#include "sync/retry_policy.h"

namespace orlive {

struct PassResult {
    int sent = 0;
    int retrying = 0;   // transient failures, scheduled again
    int failed = 0;     // permanent failures, waiting for a person
    int deleted = 0;    // consent-withdrawal deletions done
    int witnessed = 0;  // redaction-log entries the audit collector took
    int questions = 0;  // followers' replies stored as new questions
};

// What Admin shows per account: reachable, and whether a person must sign in again.
struct AccountHealth {
    std::string account;
    bool checked = false;                // its credentials were verified at least once
    bool offline = false;
    bool needs_reauthorisation = false;  // the platform refused the token as expired or revoked
    std::string problem;                 // empty when fine
    bool operator==(const AccountHealth&) const = default;
};

struct NamedPublisher {
    std::string account;
    std::unique_ptr<Publisher> publisher;
    // Does the account's server answer a connection? Asked every kOfflineProbeMs while the
    // account is offline, so delivery resumes within seconds of the network coming back
    // rather than after the posts' own backoff. Empty: wait for the backoff.
    std::function<bool()> reachable = {};
};

class SyncEngine {
public:
    SyncEngine(Database& db, std::vector<NamedPublisher> publishers, const Clock& clock, RetryPolicy retry = {});

    // Does everything that is due now (checking credentials once per account first), then
    // returns. `stop` is asked between attempts.
    Result<PassResult> run_pass(const std::function<bool()>& stop = {});
    // When something next becomes due; nothing when nothing waits. May be in the past.
    Result<std::optional<TimeMs>> next_wake();
    // "Local feed only", "Online", "Offline: …" or "Degraded: account: …" (never a secret).
    std::string connectivity() const;
    // The next pass verifies every account's credentials again (Admin: "Test every account").
    void recheck_accounts();
    std::vector<AccountHealth> account_health() const;
    // Deliveries to the configured accounts still to go out (an account removed from the
    // settings keeps its rows, untouched, until it comes back).
    Result<int> unsent_count();
    std::int64_t data_version() { return queue_.data_version(); }
    // Forward the redaction log to the audit collector at the end of every pass (settings
    // "audit_syslog"). While the collector does not answer, passes try again every
    // kWitnessRetryMs and connectivity() says so.
    void set_audit_forwarder(std::unique_ptr<AuditForwarder> forwarder) { witness_ = std::move(forwarder); }
    static constexpr TimeMs kWitnessRetryMs = 15000;
    static constexpr TimeMs kOfflineProbeMs = 1000;

private:
    struct Health {
        bool checked = false;
        bool offline = false;        // no answer at all
        std::string problem;         // the latest account-wide trouble, empty when fine
        TimeMs paused_until = 0;     // offline, rate-limited or told to come back later
        TimeMs recheck_at = 0;       // when to check credentials again after a failed check
        TimeMs probe_at = 0;         // offline: when to ask again whether the server answers
        int consecutive_failures = 0;
        bool needs_reauthorisation = false;
    };

    Result<PassResult> pass_unguarded(const std::function<bool()>& stop);
    Status deliver_account(NamedPublisher& target, Health& health, PassResult& result,
                           const std::function<bool()>& stop);
    Status delete_for_account(NamedPublisher& target, Health& health, PassResult& result,
                              const std::function<bool()>& stop);
    void note_account_trouble(Health& health, const PublishOutcome& outcome, TimeMs retry_at);
    Status probe_offline_account(NamedPublisher& target, Health& health);

    void forward_to_witness(PassResult& result);
    Status poll_questions(NamedPublisher& target, const Health& health, PassResult& result);

    Database& db_;
    DeliveryQueue queue_;
    QuestionPoller questions_;
    std::unique_ptr<AuditForwarder> witness_;
    std::string witness_problem_;
    TimeMs witness_retry_at_ = 0;
    std::vector<NamedPublisher> publishers_;
    std::map<std::string, Health> health_;
    const Clock& clock_;
    RetryPolicy retry_;
    std::mt19937_64 rng_;
};

}  // namespace orlive
