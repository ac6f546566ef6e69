// The engine with the Threads publisher against a Threads-behaving loopback server: a case is
// one reply chain; the container id is on the delivery row before publishing, so a retry after
// any fault asks that container's status and never makes or publishes a second one; 500
// characters; withdrawal deletes.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "peers/fake_threads.h"
#include "sync/threads_publisher.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class ThreadsSync : public SyncFixture {
protected:
    std::unique_ptr<SyncEngine> threads_engine() {
        const Account account = threads_account(peer.base_url());
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"main", std::make_unique<ThreadsPublisher>(account, *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }

    void expect_chain(const std::vector<std::string>& texts) {
        std::string previous;
        for (const std::string& text : texts) {
            int seen = 0;
            for (const FakeThreadsPost& p : peer.published()) {
                if (p.text != text || p.deleted) continue;
                ++seen;
                EXPECT_EQ(p.reply_to, previous) << "'" << text << "' is not a reply to the post before it";
                previous = p.media_id;
            }
            EXPECT_EQ(seen, 1) << "'" << text << "' was published " << seen << " times";
        }
    }

    std::string draft_of(std::int64_t post_id) {
        SQLite::Statement row(db->sql(), "SELECT draft_id FROM deliveries WHERE post_id = ?");
        row.bind(1, post_id);
        return row.executeStep() ? row.getColumn(0).getString() : std::string();
    }

    FakeThreads peer;
};

TEST_F(ThreadsSync, ACaseIsOneReplyChainMadeOfPublishedContainers) {
    auto first = new_case();
    auto opening = queue_post(first, "A1");
    queue_post(first, "A2");
    queue_post(std::nullopt, "status: ED wait 40 min");
    queue_post(first, "A3");
    auto engine = threads_engine();
    drain(*engine);
    expect_chain({"A1", "A2", "A3"});
    expect_chain({"status: ED wait 40 min"});
    EXPECT_EQ(peer.published().size(), 4u);
    EXPECT_EQ(peer.containers(), 4);
    EXPECT_EQ(deliveries_of(opening).at(0).remote_id, peer.published().at(0).media_id);
    EXPECT_EQ(draft_of(opening), peer.published().at(0).container_id);
}

class ThreadsFaultMatrix : public ThreadsSync, public ::testing::WithParamInterface<PlatformFault> {};

// Faults on publishing the first post and a reply: one container each, published once.
TEST_P(ThreadsFaultMatrix, FaultsRetryTheSameContainerAndPublishExactlyOnce) {
    auto id = new_case();
    auto first = queue_post(id, "one");
    peer.push_fault(GetParam());
    auto engine = threads_engine();
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_FALSE(draft_of(first).empty()) << "the container id must be kept before publishing";
    drain(*engine);
    auto second = queue_post(id, "two");
    queue_post(id, "three");
    peer.push_fault(GetParam());
    drain(*engine);
    expect_chain({"one", "two", "three"});
    EXPECT_GE(deliveries_of(first).at(0).attempts, 2);
    EXPECT_GE(deliveries_of(second).at(0).attempts, 2);
    EXPECT_EQ(peer.published().size(), 3u);
    EXPECT_EQ(peer.containers(), 3);
}

INSTANTIATE_TEST_SUITE_P(Faults, ThreadsFaultMatrix,
                         ::testing::Values(PlatformFault::Status500, PlatformFault::Status503,
                                           PlatformFault::RateLimit, PlatformFault::TokenExpired,
                                           PlatformFault::DropBefore, PlatformFault::DropAfter));

TEST_F(ThreadsSync, APublishedContainerIsFoundNotPublishedAgainAfterACrash) {
    auto id = new_case();
    queue_post(id, "root");
    auto engine = threads_engine();
    ASSERT_TRUE(engine->run_pass().ok());
    auto reply = queue_post(id, "published when the power went");
    peer.push_fault(PlatformFault::DropAfter);
    drain(*engine);
    EXPECT_EQ(peer.publish_requests(), 2);  // root, the lost answer; the retry only asked
    EXPECT_EQ(peer.containers(), 2);
    EXPECT_EQ(deliveries_of(reply).at(0).remote_id, peer.published().at(1).media_id);
    expect_chain({"root", "published when the power went"});
}

TEST_F(ThreadsSync, TooLongFailsBeforeSending) {
    auto post = queue_post(std::nullopt, std::string(501, 'a'));
    auto fits = queue_post(std::nullopt, std::string(250, 'a') + std::string(250, 'b'));
    auto engine = threads_engine();
    drain(*engine);
    EXPECT_EQ(deliveries_of(post).at(0).last_error, "the post is 501 characters; Threads allows 500");
    EXPECT_EQ(deliveries_of(fits).at(0).state, "sent");
    EXPECT_EQ(peer.containers(), 1);
}

TEST_F(ThreadsSync, WithdrawalDeletesThePublishedPosts) {
    auto id = new_case();
    queue_post(id, "t1");
    queue_post(id, "t2");
    auto other = queue_post(std::nullopt, "not part of the case");
    auto engine = threads_engine();
    drain(*engine);
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(engine->run_pass().ok());
        auto wake = engine->next_wake();
        if (!wake.ok() || !wake->has_value()) break;
        clock.set_ms(std::max(clock.now_ms(), **wake));
    }
    for (const FakeThreadsPost& p : peer.published()) EXPECT_EQ(p.deleted, p.text != "not part of the case") << p.text;
    EXPECT_EQ(deliveries_of(other).at(0).state, "sent");
}

}  // namespace
}  // namespace orlive::testing
