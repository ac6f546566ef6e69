// Consent withdrawal reaches the platform (sent posts deleted, tracked as deliveries), and the
// worker thread drains on its own and reports connectivity.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "core/compose/settings.h"
#include "core/store/remote_deletion.h"
#include "peers/fake_mastodon.h"
#include "sync/sync_lock.h"
#include "sync/sync_worker.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class Withdrawal : public SyncFixture {
protected:
    FakeMastodon peer;
};

TEST_F(Withdrawal, SentPostsOfTheCaseAreDeletedAndTheRestNeverGo) {
    auto id = new_case();
    queue_post(id, "sent before withdrawal 1");
    queue_post(id, "sent before withdrawal 2");
    auto other = queue_post(std::nullopt, "not part of the case");
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    auto unsent = queue_post(id, "queued at withdrawal");

    auto cancelled = change_consent(*db, Consent::None, "", clock.now_ms());
    ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
    drain(*engine);
    ASSERT_TRUE(engine->run_pass().ok());

    int deleted = 0;
    for (const FakeStatus& s : peer.statuses()) {
        if (s.text.rfind("sent before withdrawal", 0) == 0) {
            EXPECT_TRUE(s.deleted) << s.text;
        }
        if (s.text == "not part of the case") {
            EXPECT_FALSE(s.deleted);
        }
        EXPECT_NE(s.text, "queued at withdrawal");
        deleted += s.deleted;
    }
    EXPECT_EQ(deleted, 2);
    EXPECT_EQ(deliveries_of(unsent).at(0).state, "cancelled");
    EXPECT_EQ(deliveries_of(other).at(0).state, "sent");
    SQLite::Statement done(db->sql(), "SELECT count(*) FROM remote_deletions WHERE state = 'done'");
    ASSERT_TRUE(done.executeStep());
    EXPECT_EQ(done.getColumn(0).getInt(), 2);
}

TEST_F(Withdrawal, DeletionRetriesWhileThePlatformIsDown) {
    auto id = new_case();
    queue_post(id, "to be deleted");
    {
        auto engine = mastodon_engine(peer.base_url());
        drain(*engine);
    }
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    auto offline = mastodon_engine("http://127.0.0.1:1");
    ASSERT_TRUE(offline->run_pass().ok());
    SQLite::Statement row(db->sql(), "SELECT state, attempts, last_error FROM remote_deletions");
    ASSERT_TRUE(row.executeStep());
    EXPECT_EQ(row.getColumn(0).getString(), "queued");
    EXPECT_EQ(row.getColumn(1).getInt(), 1);
    EXPECT_EQ(row.getColumn(2).getString().rfind("no answer", 0), 0u);
    auto wake = offline->next_wake();
    ASSERT_TRUE(wake.ok() && wake->has_value());
    EXPECT_GT(**wake, clock.now_ms());
}

// A deletion the platform refuses for good (a revoked token) fails with its reason, which the
// Feed and `queue --json` show; a person's Retry, once the account works again, deletes it.
TEST_F(Withdrawal, AFailedDeletionShowsItsReasonAndARetryDeletesIt) {
    auto id = new_case();
    const auto post = queue_post(id, "to be deleted");
    drain(*mastodon_engine(peer.base_url()));
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    ASSERT_TRUE(mastodon_engine(peer.base_url(), "revoked-token")->run_pass().ok());
    auto refused = deliveries_of(post).at(0);
    ASSERT_EQ(refused.deletion, "failed");
    EXPECT_NE(refused.deletion_error.find("401"), std::string::npos) << refused.deletion_error;
    EXPECT_FALSE(peer.statuses().at(0).deleted);

    auto retried = retry_failed_deletions(*db, post, "", clock.now_ms());
    ASSERT_TRUE(retried.ok()) << retried.error().message;
    EXPECT_EQ(*retried, 1);
    EXPECT_FALSE(retry_failed_deletions(*db, post, "", clock.now_ms()).ok()) << "nothing failed is left to retry";
    ASSERT_TRUE(mastodon_engine(peer.base_url())->run_pass().ok());
    EXPECT_TRUE(peer.statuses().at(0).deleted);
    EXPECT_EQ(deliveries_of(post).at(0).deletion, "deleted");
}

// Consent withdrawn by another process while the platform is slowly answering 503: the
// delivery ends there and is never sent again.
TEST_F(Withdrawal, AnInFlightDeliveryThatFailsAfterWithdrawalIsNeverRetried) {
    auto id = new_case();
    auto post = queue_post(id, "in flight at withdrawal");
    auto engine = mastodon_engine(peer.base_url());
    bool withdrew = false;
    peer.push_fault(MastodonFault::Status503);
    peer.set_while_answering([&] {
        auto other = Database::open_in(dir.path());
        withdrew = other.ok() && change_consent(**other, Consent::None, "", clock.now_ms()).ok();
    });
    ASSERT_TRUE(engine->run_pass().ok());
    ASSERT_TRUE(withdrew);
    for (int i = 0; i < 5; ++i) {
        clock.advance_ms(3'600'000);
        ASSERT_TRUE(engine->run_pass().ok());
    }
    EXPECT_EQ(peer.post_requests(), 1);
    EXPECT_TRUE(peer.statuses().empty());
    EXPECT_EQ(deliveries_of(post).at(0).state, "cancelled");
}

// The same race when the slow answer is 200: the post went out, so it is deleted in that pass.
TEST_F(Withdrawal, AnInFlightDeliveryThatArrivesAfterWithdrawalIsDeletedAtOnce) {
    auto id = new_case();
    auto post = queue_post(id, "arrives after withdrawal");
    auto engine = mastodon_engine(peer.base_url());
    bool withdrew = false;
    peer.set_while_answering([&] {
        auto other = Database::open_in(dir.path());
        withdrew = other.ok() && change_consent(**other, Consent::None, "", clock.now_ms()).ok();
    });
    ASSERT_TRUE(engine->run_pass().ok());
    ASSERT_TRUE(withdrew);
    ASSERT_EQ(peer.statuses().size(), 1u);
    EXPECT_TRUE(peer.statuses()[0].deleted);
    DeliveryRecord delivery = deliveries_of(post).at(0);
    EXPECT_EQ(delivery.state, "sent");
    EXPECT_EQ(delivery.deletion, "deleted");
}

// A row of a withdrawn case put back in the queue by any other writer is still never claimed:
// the claim itself checks consent.
TEST_F(Withdrawal, TheClaimChecksConsentInItsOwnTransaction) {
    auto id = new_case();
    auto post = queue_post(id, "must never go");
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    db->sql().exec("UPDATE deliveries SET state = 'queued' WHERE post_id = " + std::to_string(post));
    db->sql().exec("UPDATE posts SET state = 'queued' WHERE id = " + std::to_string(post));
    auto engine = mastodon_engine(peer.base_url());
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(peer.post_requests(), 0);
    EXPECT_EQ(deliveries_of(post).at(0).state, "cancelled");
}

// The worker in real time: it drains what is queued and says "Online", calling back on change.
TEST_F(Withdrawal, WorkerThreadDrainsAndReportsOnline) {
    queue_post(std::nullopt, "from the worker");
    Settings settings;
    settings.accounts.push_back(mastodon_account(peer.base_url()));
    std::mutex mutex;
    std::condition_variable changed;
    int notifications = 0;
    WorkerOptions options;
    options.timeouts = test_timeouts();
    SyncWorker worker(dir.path(), settings, [&] {
        std::lock_guard<std::mutex> lock(mutex);
        ++notifications;
        changed.notify_all();
    }, options);
    worker.start();
    {
        // Bounded only so a broken worker fails instead of hanging; not a timing assertion.
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(30), [&] { return worker.connectivity() == "Online"; });
    }
    for (int i = 0; i < 300 && peer.statuses().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    worker.stop();
    EXPECT_EQ(worker.connectivity(), "Online");
    EXPECT_GE(notifications, 1);
    ASSERT_EQ(peer.statuses().size(), 1u);
    EXPECT_EQ(peer.statuses()[0].text, "from the worker");
}

// The app beside the orlive-sync service: the one waiting shows the deliverer's line.
TEST_F(Withdrawal, AWaitingWorkerShowsTheDeliverersConnectivity) {
    Settings settings;
    settings.accounts.push_back(mastodon_account(peer.base_url()));
    std::mutex mutex;
    std::condition_variable changed;
    auto notify = [&] { changed.notify_all(); };
    WorkerOptions options;
    options.timeouts = test_timeouts();
    SyncWorker deliverer(dir.path(), settings, notify, options);
    deliverer.start();
    {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(30), [&] { return deliverer.connectivity() == "Online"; });
    }
    ASSERT_EQ(deliverer.connectivity(), "Online");
    SyncWorker waiting(dir.path(), settings, notify, options);
    waiting.start();
    {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(30), [&] { return waiting.connectivity() == "Online"; });
    }
    EXPECT_EQ(waiting.connectivity(), "Online");
    // Admin's account list too: the deliverer checked the account, the waiting one shows it.
    const std::vector<AccountHealth> theirs = deliverer.account_health();
    ASSERT_EQ(theirs.size(), 1u);
    EXPECT_TRUE(theirs[0].checked);
    EXPECT_FALSE(theirs[0].offline);
    EXPECT_EQ(waiting.account_health(), theirs);
    waiting.stop();
    deliverer.stop();
}

TEST_F(Withdrawal, AWorkerWaitsWhileAnotherProcessDelivers) {
    auto held = SyncLock::try_acquire(dir.path());
    ASSERT_TRUE(held.ok() && *held);
    Settings settings;
    settings.accounts.push_back(mastodon_account(peer.base_url()));
    std::mutex mutex;
    std::condition_variable changed;
    SyncWorker worker(dir.path(), settings, [&] { changed.notify_all(); });
    worker.start();
    {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait_for(lock, std::chrono::seconds(30),
                         [&] { return worker.connectivity().find("another ORLive process") != std::string::npos; });
    }
    EXPECT_EQ(worker.connectivity(), "Degraded: another ORLive process (orlivectl sync) is delivering");
    worker.stop();
}

// The kiosk that may not read the secrets file: it never asks the platform (no 401 storm with
// empty credentials), holds no lock, and says who delivers. WorkerThreadDrainsAndReportsOnline,
// the same settings with the token, is its positive control.
TEST_F(Withdrawal, AWorkerWithoutTheSecretsNeverDeliversAndSaysWhoDoes) {
    queue_post(std::nullopt, "for orlive-sync");
    Settings settings;
    settings.accounts.push_back(mastodon_account(peer.base_url()));
    settings.accounts.back().access_token.clear();
    settings.secrets_readable = false;
    WorkerOptions options;
    options.timeouts = test_timeouts();
    options.lock_retry_ms = 50;
    SyncWorker worker(dir.path(), settings, [] {}, options);
    worker.start();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    EXPECT_NE(worker.connectivity().find("Delivered by the orlive-sync service"), std::string::npos)
        << worker.connectivity();
    auto lock = SyncLock::try_acquire(dir.path());  // it never took the delivery lock
    EXPECT_TRUE(lock.ok() && *lock);
    worker.stop();
    EXPECT_TRUE(peer.statuses().empty());
}

}  // namespace
}  // namespace orlive::testing
