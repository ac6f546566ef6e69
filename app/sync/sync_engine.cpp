#include "sync/sync_engine.h"

#include <algorithm>
#include <exception>

#include "core/base/utf8.h"

namespace orlive {

namespace {

// The exception boundary of one attempt: whatever a publisher throws (a JSON type error, a
// bad_alloc, a bug) becomes a permanent failure of that one delivery, with the reason, and
// the engine goes on with the rest. Nothing from a platform's answer may stop the worker.
template <typename Call>
PublishOutcome guarded(Call&& call) {
    try {
        return call();
    } catch (const std::exception& e) {
        return PublishOutcome::permanent("delivery stopped unexpectedly: " + utf8_prefix(e.what(), 200));
    } catch (...) {
        return PublishOutcome::permanent("delivery stopped unexpectedly");
    }
}

// Checked before any publisher sees the post: such a row (stored before input was validated,
// or written by hand) would make every serialiser throw, on every attempt.
std::optional<PublishOutcome> refuse_unsendable(const OutgoingPost& post) {
    if (is_valid_utf8(post.text)) return std::nullopt;
    return PublishOutcome::permanent("the post's text is not valid UTF-8, so no platform can take it; "
                                     "discard it and post it again");
}

}  // namespace

SyncEngine::SyncEngine(Database& db, std::vector<NamedPublisher> publishers, const Clock& clock, RetryPolicy retry)
    : db_(db), queue_(db), questions_(db), publishers_(std::move(publishers)), clock_(clock), retry_(retry), rng_(std::random_device{}()) {
    for (const NamedPublisher& target : publishers_) health_[target.account] = Health{};
}

void SyncEngine::note_account_trouble(Health& health, const PublishOutcome& outcome, TimeMs retry_at) {
    health.problem = outcome.error;
    health.needs_reauthorisation = outcome.needs_reauthorisation;
    health.paused_until = std::max(health.paused_until, retry_at);
    // 429 and 503 are answers: the account is reachable but not taking posts right now.
    health.offline = outcome.no_answer;
    if (health.offline) health.probe_at = clock_.now_ms() + kOfflineProbeMs;
}

// An offline account's server answering a connection again ends its pause: what waited on a
// backoff is due now. No request is sent and nothing is written while it stays away.
Status SyncEngine::probe_offline_account(NamedPublisher& target, Health& health) {
    const TimeMs now = clock_.now_ms();
    if (!health.offline || !target.reachable || health.paused_until <= now || health.probe_at > now) return Ok{};
    if (!target.reachable()) {
        health.probe_at = clock_.now_ms() + kOfflineProbeMs;
        return Ok{};
    }
    health.paused_until = 0;
    health.recheck_at = 0;
    health.offline = false;
    auto moved = queue_.make_account_due(target.account, clock_.now_ms());
    if (!moved) return moved.error();
    return Ok{};
}

Result<PassResult> SyncEngine::run_pass(const std::function<bool()>& stop) {
    // The outer boundary: each attempt has its own (guarded); this one catches the rest (the
    // queue's bookkeeping, an allocation), so the caller sees an Error and may try again.
    try {
        return pass_unguarded(stop);
    } catch (const std::exception& e) {
        return make_error("the delivery pass stopped unexpectedly: " + utf8_prefix(e.what(), 200));
    }
}

Result<PassResult> SyncEngine::pass_unguarded(const std::function<bool()>& stop) {
    PassResult result;
    if (auto released = queue_.release_due(clock_.now_ms()); !released) return released.error();
    for (NamedPublisher& target : publishers_) {
        if (stop && stop()) break;
        Health& health = health_[target.account];
        if (auto probed = probe_offline_account(target, health); !probed) return probed.error();
        if (health.paused_until > clock_.now_ms()) continue;
        if (!health.checked && health.recheck_at <= clock_.now_ms()) {
            // Once per account per engine, so the header can say "Online" before anything is
            // sent. A failed check does not stop delivery: the head post's own attempt then
            // records the reason where a person looks (the queue, the feed).
            const TimeMs now = clock_.now_ms();
            PublishOutcome checked = guarded([&] { return target.publisher->check(now); });
            if (checked.kind == PublishOutcome::Kind::Transient) {
                ++health.consecutive_failures;
                health.recheck_at = retry_.next_attempt_at(health.consecutive_failures, checked.retry_at, now, rng_);
                health.problem = checked.error;
                health.needs_reauthorisation = checked.needs_reauthorisation;
                health.offline = checked.no_answer;
                if (health.offline) health.probe_at = now + kOfflineProbeMs;
            } else {
                health.checked = true;
                health.consecutive_failures = 0;
                health.offline = false;
                health.problem = checked.kind == PublishOutcome::Kind::Sent ? std::string() : checked.error;
            }
        }
        if (auto s = deliver_account(target, health, result, stop); !s) return s.error();
        if (auto s = delete_for_account(target, health, result, stop); !s) return s.error();
        if (auto s = poll_questions(target, health, result); !s) return s.error();
    }
    forward_to_witness(result);
    return result;
}

// Replies are read after the account's deliveries, never while it is paused (offline,
// rate-limited); whatever a publisher throws only delays the next poll (question_poller.cpp).
Status SyncEngine::poll_questions(NamedPublisher& target, const Health& health, PassResult& result) {
    if (health.paused_until > clock_.now_ms()) return Ok{};
    auto fresh = questions_.poll_account(target.account, *target.publisher, clock_.now_ms());
    if (!fresh) return fresh.error();
    result.questions += *fresh;
    return Ok{};
}

// A collector that is down never stops delivery: its entries wait in the database.
void SyncEngine::forward_to_witness(PassResult& result) {
    if (!witness_) return;
    auto taken = witness_->forward_pending(db_);
    if (taken) {
        result.witnessed = *taken;
        witness_problem_.clear();
        witness_retry_at_ = 0;
    } else {
        witness_problem_ = taken.error().message;
        witness_retry_at_ = clock_.now_ms() + kWitnessRetryMs;
    }
}

Status SyncEngine::deliver_account(NamedPublisher& target, Health& health, PassResult& result,
                                   const std::function<bool()>& stop) {
    while (!(stop && stop()) && health.paused_until <= clock_.now_ms()) {
        auto claimed = queue_.claim_next(target.account, clock_.now_ms());
        if (!claimed) return claimed.error();
        if (!claimed->has_value()) break;
        OutgoingPost& post = **claimed;
        post.save_draft = [this, id = post.delivery_id](const std::string& draft) {
            return queue_.save_draft(id, draft);
        };
        std::optional<PublishOutcome> refused = refuse_unsendable(post);
        PublishOutcome outcome =
            refused ? *refused : guarded([&] { return target.publisher->publish(post, clock_.now_ms()); });
        const TimeMs now = clock_.now_ms();
        switch (outcome.kind) {
            case PublishOutcome::Kind::Sent: {
                if (auto s = queue_.mark_sent(post.delivery_id, outcome.remote, now); !s) return s;
                ++result.sent;
                health.checked = true;  // a delivered post proves the credentials
                health.consecutive_failures = 0;
                health.offline = false;
                health.needs_reauthorisation = false;
                health.problem.clear();
                if (outcome.pause_until)
                    health.paused_until = std::max(health.paused_until, cap_platform_wait(*outcome.pause_until, now));
                break;
            }
            case PublishOutcome::Kind::Transient: {
                const TimeMs next = retry_.next_attempt_at(post.attempt, outcome.retry_at, now, rng_);
                if (auto s = queue_.mark_retry(post.delivery_id, outcome.error, next, now); !s) return s;
                ++result.retrying;
                if (outcome.account_wide) {
                    ++health.consecutive_failures;
                    note_account_trouble(health, outcome, next);
                }
                break;
            }
            case PublishOutcome::Kind::Permanent: {
                if (auto s = queue_.mark_failed(post.delivery_id, outcome.error, now); !s) return s;
                ++result.failed;
                break;
            }
        }
    }
    return Ok{};
}

Status SyncEngine::delete_for_account(NamedPublisher& target, Health& health, PassResult& result,
                                      const std::function<bool()>& stop) {
    while (!(stop && stop()) && health.paused_until <= clock_.now_ms()) {
        auto claimed = queue_.claim_deletion(target.account, clock_.now_ms());
        if (!claimed) return claimed.error();
        if (!claimed->has_value()) break;
        const PendingDeletion& deletion = **claimed;
        PublishOutcome outcome = guarded([&] { return target.publisher->remove(deletion.remote, clock_.now_ms()); });
        const TimeMs now = clock_.now_ms();
        Status recorded = Ok{};
        if (outcome.kind == PublishOutcome::Kind::Sent) {
            recorded = queue_.finish_deletion(deletion.id, "done", "", 0, now);
            ++result.deleted;
        } else if (outcome.kind == PublishOutcome::Kind::Permanent) {
            recorded = queue_.finish_deletion(deletion.id, "failed", outcome.error, 0, now);
            ++result.failed;
        } else {
            const TimeMs next = retry_.next_attempt_at(deletion.attempt, outcome.retry_at, now, rng_);
            recorded = queue_.finish_deletion(deletion.id, "queued", outcome.error, next, now);
            ++result.retrying;
            if (outcome.account_wide) note_account_trouble(health, outcome, next);
        }
        if (!recorded) return recorded;
    }
    return Ok{};
}

Result<std::optional<TimeMs>> SyncEngine::next_wake() {
    std::optional<TimeMs> wake;
    auto earliest = [&](TimeMs at) { wake = wake ? std::min(*wake, at) : at; };
    for (const NamedPublisher& target : publishers_) {
        auto due = queue_.next_due_for(target.account);
        if (!due) return due.error();
        const Health& health = health_[target.account];
        // Offline with something waiting: the next probe may make it due sooner.
        const bool probing = health.offline && target.reachable && health.probe_at > 0;
        if (*due) earliest(probing ? std::min(std::max(**due, health.paused_until), health.probe_at)
                                   : std::max(**due, health.paused_until));
        else if (!health.checked && health.recheck_at > 0) earliest(health.recheck_at);
    }
    auto release = queue_.next_release();
    if (!release) return release.error();
    if (*release) earliest(**release);
    if (witness_retry_at_ > 0) earliest(witness_retry_at_);
    for (const NamedPublisher& target : publishers_) {
        if (auto poll = questions_.next_poll_at(target.account))
            earliest(std::max(*poll, health_[target.account].paused_until));
    }
    return wake;
}

void SyncEngine::recheck_accounts() {
    for (auto& [name, health] : health_) {
        health.checked = false;
        health.recheck_at = 0;
    }
}

Result<int> SyncEngine::unsent_count() {
    int total = 0;
    for (const NamedPublisher& target : publishers_) {
        auto count = queue_.unsent_count(target.account);
        if (!count) return count.error();
        total += *count;
    }
    return total;
}

std::vector<AccountHealth> SyncEngine::account_health() const {
    std::vector<AccountHealth> all;
    for (const NamedPublisher& target : publishers_) {
        const Health& health = health_.at(target.account);
        all.push_back({target.account, health.checked, health.offline, health.needs_reauthorisation, health.problem});
    }
    return all;
}

std::string SyncEngine::connectivity() const {
    std::size_t offline = 0;
    std::string first_problem;
    for (const NamedPublisher& target : publishers_) {
        const Health& health = health_.at(target.account);
        if (health.offline) ++offline;
        if (!health.problem.empty() && first_problem.empty()) first_problem = target.account + ": " + health.problem;
    }
    if (!publishers_.empty() && offline == publishers_.size()) return "Offline: " + first_problem;
    if (!first_problem.empty()) return "Degraded: " + first_problem;
    if (!witness_problem_.empty()) return "Degraded: " + witness_problem_;
    return publishers_.empty() ? "Local feed only" : "Online";
}

}  // namespace orlive
