// The engine with the Mastodon publisher against a Mastodon-behaving loopback server: threads,
// order, the fault matrix, exactly-once after unknown outcomes, and secrets kept out of errors.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "peers/fake_mastodon.h"
#include "sync/delivery_queue.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class MastodonSync : public SyncFixture {
protected:
    // Every text exactly once, not deleted, each replying to the one before it.
    void expect_thread(const std::vector<std::string>& texts) {
        std::string previous_id;
        for (const std::string& text : texts) {
            int seen = 0;
            for (const FakeStatus& s : peer.statuses()) {
                if (s.text != text || s.deleted) continue;
                ++seen;
                EXPECT_EQ(s.in_reply_to_id, previous_id) << "'" << text << "' is not a reply to the post before it";
                previous_id = s.id;
            }
            EXPECT_EQ(seen, 1) << "'" << text << "' arrived " << seen << " times";
        }
    }

    FakeMastodon peer;
};

TEST_F(MastodonSync, EachCaseIsOneThreadInOrderAndStandalonePostsStandAlone) {
    auto first = new_case();
    queue_post(first, "A1");
    queue_post(first, "A2");
    queue_post(std::nullopt, "status: ED wait 40 min");
    queue_post(first, "A3");
    auto second = new_case("cabg");
    queue_post(second, "B1");
    queue_post(second, "B2");
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    expect_thread({"A1", "A2", "A3"});
    expect_thread({"B1", "B2"});
    expect_thread({"status: ED wait 40 min"});
    EXPECT_EQ(peer.statuses().size(), 6u);
    EXPECT_EQ(engine->connectivity(), "Online");
}

TEST_F(MastodonSync, RecordsRemoteIdAndUriOnTheDelivery) {
    auto post = queue_post(std::nullopt, "hello");
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    auto deliveries = deliveries_of(post);
    ASSERT_EQ(deliveries.size(), 1u);
    EXPECT_EQ(deliveries[0].state, "sent");
    EXPECT_EQ(deliveries[0].attempts, 1);
    EXPECT_EQ(deliveries[0].remote_id, peer.statuses().at(0).id);
    EXPECT_NE(deliveries[0].remote_uri.find("/@orlive/"), std::string::npos);
}

// Transient faults, some after the status was created (an unknown outcome to the client):
// every post still arrives exactly once, in thread order, after a retry.
class MastodonFaultMatrix : public MastodonSync, public ::testing::WithParamInterface<MastodonFault> {};

TEST_P(MastodonFaultMatrix, TransientFaultsRetryAndDeliverExactlyOnceInOrder) {
    peer.set_stall_ms(1200);
    auto id = new_case();
    auto first = queue_post(id, "one");
    queue_post(id, "two");
    queue_post(id, "three");
    peer.push_fault(GetParam());
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    expect_thread({"one", "two", "three"});
    EXPECT_GE(deliveries_of(first).at(0).attempts, 2);
    EXPECT_EQ(peer.statuses().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Faults, MastodonFaultMatrix,
                         ::testing::Values(MastodonFault::Status500, MastodonFault::Status503,
                                           MastodonFault::Status429, MastodonFault::Timeout, MastodonFault::Reset,
                                           MastodonFault::StallMidBody, MastodonFault::GarbageJson));

TEST_F(MastodonSync, RateLimitWaitsForRetryAfterAndPausesTheAccount) {
    peer.set_retry_after("30");
    auto post = queue_post(std::nullopt, "rate limited");
    queue_post(std::nullopt, "other post");
    peer.push_fault(MastodonFault::Status429);
    auto engine = mastodon_engine(peer.base_url());
    const TimeMs start = clock.now_ms();
    ASSERT_TRUE(engine->run_pass().ok());
    // Nothing else went out during the pause, and nobody wakes before the platform's time.
    EXPECT_EQ(peer.post_requests(), 1);
    auto wake = engine->next_wake();
    ASSERT_TRUE(wake.ok() && wake->has_value());
    EXPECT_GE(**wake, start + 30000);
    EXPECT_EQ(deliveries_of(post).at(0).last_error, "Mastodon answered 429: Too many requests");
    EXPECT_EQ(engine->connectivity(), "Degraded: main: Mastodon answered 429: Too many requests");
    drain(*engine);
    EXPECT_EQ(peer.statuses().size(), 2u);
}

TEST_F(MastodonSync, PermanentFailureKeepsThePlatformsWordsAndDoesNotBlockOthers) {
    auto id = new_case();
    auto bad = queue_post(id, "first");
    queue_post(id, "second");
    auto other = new_case("cabg");
    queue_post(other, "other case");
    peer.push_fault(MastodonFault::Status422);
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    auto failed = deliveries_of(bad).at(0);
    EXPECT_EQ(failed.state, "failed");
    EXPECT_EQ(failed.last_error, "Mastodon answered 422: Validation failed: Text can't be blank");
    expect_thread({"second"});
    expect_thread({"other case"});

    // A person retries it: it goes out, replying to the thread's latest post before it (none).
    auto retried = retry_deliveries(*db, bad, "", clock.now_ms());
    ASSERT_TRUE(retried.ok()) << retried.error().message;
    drain(*engine);
    EXPECT_EQ(deliveries_of(bad).at(0).state, "sent");
    EXPECT_EQ(peer.statuses().size(), 3u);
}

TEST_F(MastodonSync, DiscardGivesUpAFailedDelivery) {
    auto bad = queue_post(std::nullopt, "never");
    peer.push_fault(MastodonFault::Status422);
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    ASSERT_TRUE(discard_deliveries(*db, bad, "main", clock.now_ms()).ok());
    EXPECT_EQ(deliveries_of(bad).at(0).state, "cancelled");
    EXPECT_FALSE(discard_deliveries(*db, bad, "main", clock.now_ms()).ok());
}

TEST_F(MastodonSync, TooLongForTheInstanceFailsBeforeSending) {
    peer.set_max_characters(20);
    // 16 graphemes of text (the emoji ZWJ sequence is one) + a URL counted as 23, however short.
    auto post = queue_post(std::nullopt, "Incision made 👩‍⚕️ http://x.y");
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    EXPECT_EQ(peer.post_requests(), 0);
    EXPECT_EQ(deliveries_of(post).at(0).last_error, "the post is 39 characters; this instance allows 20");
}

TEST_F(MastodonSync, AfterACrashMidAttemptTheRetryCannotDoublePost) {
    auto id = new_case();
    auto post = queue_post(id, "in flight when the power went");
    queue_post(id, "next");
    {
        // The dead process: claimed, sent, never recorded the answer.
        DeliveryQueue queue(*db);
        auto claimed = queue.claim_next("main", clock.now_ms());
        ASSERT_TRUE(claimed.ok() && claimed->has_value());
        MastodonPublisher publisher(mastodon_account(peer.base_url()), *http, test_timeouts());
        ASSERT_EQ(publisher.publish(**claimed, clock.now_ms()).kind, PublishOutcome::Kind::Sent);
    }
    EXPECT_EQ(deliveries_of(post).at(0).state, "sending");
    auto engine = mastodon_engine(peer.base_url());  // a new process, from the database alone
    drain(*engine);
    expect_thread({"in flight when the power went", "next"});
    EXPECT_EQ(deliveries_of(post).at(0).attempts, 2);
}

// Mastodon forgets a key after an hour: a retry later than that looks for the earlier attempt.
TEST_F(MastodonSync, LongAfterACrashAnEarlierAttemptIsFoundInsteadOfPostedTwice) {
    auto id = new_case();
    queue_post(id, "parent");
    auto post = queue_post(id, "Fish & chips <3\nsecond line");
    auto engine = mastodon_engine(peer.base_url());
    ASSERT_TRUE(engine->run_pass().ok());  // both go out; the reply's answer is "lost" below
    EXPECT_EQ(peer.statuses().size(), 2u);
    peer.forget_idempotency_keys();
    {
        // Mark the reply as in flight again, as if the process died before recording it.
        SQLite::Statement reset(db->sql(), "UPDATE deliveries SET state = 'sending' WHERE post_id = ?");
        reset.bind(1, post);
        reset.exec();
    }
    clock.advance_ms(2 * 3600 * 1000);
    auto later = mastodon_engine(peer.base_url());
    drain(*later);
    expect_thread({"parent", "Fish & chips <3\nsecond line"});
    EXPECT_EQ(peer.statuses().size(), 2u);
    EXPECT_EQ(deliveries_of(post).at(0).remote_id, peer.statuses().at(1).id);

    // One that never arrived is posted after the search finds nothing.
    auto lost = queue_post(id, "never arrived");
    {
        DeliveryQueue queue(*db);
        auto claimed = queue.claim_next("main", clock.now_ms());
        ASSERT_TRUE(claimed.ok() && claimed->has_value());
    }
    clock.advance_ms(2 * 3600 * 1000);
    drain(*later);
    expect_thread({"parent", "Fish & chips <3\nsecond line", "never arrived"});
    EXPECT_EQ(deliveries_of(lost).at(0).state, "sent");
}

TEST_F(MastodonSync, SecretsNeverAppearInErrorsOrStatus) {
    const std::string secret = "s3cr3t-token-value";
    auto post = queue_post(std::nullopt, "hello");
    auto engine = mastodon_engine(peer.base_url(), secret);
    drain(*engine);
    auto delivery = deliveries_of(post).at(0);
    EXPECT_EQ(delivery.state, "failed");
    EXPECT_EQ(delivery.last_error, "Mastodon answered 401: The access token is invalid");
    EXPECT_EQ(engine->connectivity().find(secret), std::string::npos);

    // Offline: the transport error names the failure, not the request.
    queue_post(std::nullopt, "offline");
    auto dead = mastodon_engine("http://127.0.0.1:1", secret);
    ASSERT_TRUE(dead->run_pass().ok());
    EXPECT_EQ(dead->connectivity().rfind("Offline: main: no answer", 0), 0u) << dead->connectivity();
    SQLite::Statement all(db->sql(), "SELECT group_concat(last_error, '|') FROM deliveries");
    ASSERT_TRUE(all.executeStep());
    EXPECT_EQ(all.getColumn(0).getString().find(secret), std::string::npos);
}

TEST_F(MastodonSync, NoBusyLoopWhileBackingOff) {
    auto id = new_case();
    queue_post(id, "one");
    queue_post(id, "two");  // waits behind "one": its own due time must not wake anyone
    peer.push_fault(MastodonFault::Status500);
    auto engine = mastodon_engine(peer.base_url());
    ASSERT_TRUE(engine->run_pass().ok());
    auto wake = engine->next_wake();
    ASSERT_TRUE(wake.ok() && wake->has_value());
    EXPECT_GT(**wake, clock.now_ms());
    ASSERT_TRUE(engine->run_pass().ok());  // nothing due: no request
    EXPECT_EQ(peer.post_requests(), 1);
}

}  // namespace
}  // namespace orlive::testing
