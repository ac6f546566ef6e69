// The worker thread's own guarantees: its change callback may ask for the connectivity line,
// its waits ignore a wall clock that moves, and a poison row cannot stop it.
#include <SQLiteCpp/Statement.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>

#include "peers/fake_mastodon.h"
#include "sync/sync_worker.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

// The system clock moved by a fixed offset: thread-safe, unlike ManualClock.
class OffsetClock final : public Clock {
public:
    explicit OffsetClock(TimeMs offset) : offset_(offset) {}
    TimeMs now_ms() const override { return SystemClock().now_ms() + offset_; }

private:
    TimeMs offset_;
};

class WorkerHardening : public SyncFixture {
protected:
    // Polls (bounded, so a broken worker fails instead of hanging; not a timing assertion).
    bool eventually(const std::function<bool()>& done) {
        for (int i = 0; i < 300; ++i) {
            if (done()) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        return done();
    }
    Settings settings() {
        Settings settings;
        settings.accounts.push_back(mastodon_account(peer.base_url()));
        return settings;
    }
    FakeMastodon peer;
};

// orlivectl sync prints worker.connectivity() from on_change. Before, the worker called it
// while holding the mutex connectivity() takes, so a database that failed to open deadlocked.
TEST_F(WorkerHardening, TheChangeCallbackMayAskForConnectivityWhenTheDatabaseFailsToOpen) {
    const auto blocker = dir.path() / "not-a-dir";
    std::ofstream(blocker) << "a file where the data dir should be";
    std::atomic<bool> called{false};
    std::atomic<bool> deadlocked{false};
    std::string seen;
    SyncWorker* self = nullptr;
    // Asked from another thread, so a deadlock shows up as a timeout instead of a hang; the
    // future outlives the callback, so its destructor never waits under the worker's lock.
    std::future<std::string> line;
    SyncWorker worker(blocker / "data", settings(), [&] {
        if (called) return;
        line = std::async(std::launch::async, [&] { return self->connectivity(); });
        if (line.wait_for(std::chrono::seconds(10)) == std::future_status::timeout) deadlocked = true;
        else seen = line.get();
        called = true;
    });
    self = &worker;
    worker.start();
    ASSERT_TRUE(eventually([&] { return called.load(); }));
    worker.stop();
    EXPECT_FALSE(deadlocked) << "on_change ran under the worker's own lock";
    EXPECT_EQ(seen.rfind("Offline: ", 0), 0u) << seen;
    EXPECT_FALSE(worker.fatal_error().empty());
}

// The engine's wall clock is a year ahead of the clock the wait would be measured on — as
// after the system clock was stepped back a year. A deadline on the system clock would sleep
// that year; the steady wait notices the new post within its poll interval.
TEST_F(WorkerHardening, AWallClockSteppedBackDoesNotStallDelivery) {
    OffsetClock ahead(365LL * 24 * 3600 * 1000);
    WorkerOptions options;
    options.timeouts = test_timeouts();
    options.poll_ms = 200;
    options.clock = &ahead;
    SyncWorker worker(dir.path(), settings(), [] {}, options);
    worker.start();
    ASSERT_TRUE(eventually([&] { return worker.connectivity() == "Online"; })) << worker.connectivity();
    // Written by another connection and no wake(): only the worker's own poll can find it.
    NewPost post;
    post.kind = PostKind::Text;
    post.text = "after the clock step";
    post.state = PostState::Queued;
    post.created_at = post.release_at = SystemClock().now_ms();
    ASSERT_TRUE(enqueue_post(*db, post, {"main"}).ok());
    EXPECT_TRUE(eventually([&] { return peer.statuses().size() == 1; })) << "the worker slept on the stepped clock";
    worker.stop();
}

// The poison pill: a row whose text is not UTF-8, committed `sending` (the process died on it).
// The worker fails it with a reason and delivers everything after it.
TEST_F(WorkerHardening, APoisonRowDoesNotStopTheWorker) {
    const auto poison = queue_post(std::nullopt, "placeholder");
    SQLite::Statement text(db->sql(), "UPDATE posts SET text = CAST(X'416C6C20676F6F6420F1207465616D' AS TEXT) WHERE id = ?");
    text.bind(1, poison);
    text.exec();
    SQLite::Statement sending(db->sql(), "UPDATE deliveries SET state = 'sending', attempts = 1 WHERE post_id = ?");
    sending.bind(1, poison);
    sending.exec();
    const auto good = queue_post(std::nullopt, "after the poison");
    WorkerOptions options;
    options.timeouts = test_timeouts();
    SyncWorker worker(dir.path(), settings(), [] {}, options);
    worker.start();
    EXPECT_TRUE(eventually([&] { return peer.statuses().size() == 1; }));
    worker.stop();
    EXPECT_TRUE(worker.fatal_error().empty());
    EXPECT_EQ(deliveries_of(good).at(0).state, "sent");
    EXPECT_EQ(deliveries_of(poison).at(0).state, "failed");
}

}  // namespace
}  // namespace orlive::testing
