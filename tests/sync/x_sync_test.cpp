// The engine with the X publisher against an X-behaving loopback server that checks every
// OAuth 1.0a signature: a case is one reply chain, every post exactly once under faults that
// leave the outcome unknown (the retry looks among the account's tweets first), 403 duplicate
// looked up, 429 waits for x-rate-limit-reset, 280 weighted characters, withdrawal deletes.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "peers/fake_x.h"
#include "core/compose/text_length.h"
#include "sync/x_publisher.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class XSync : public SyncFixture {
protected:
    std::unique_ptr<SyncEngine> x_engine(const std::string& token_secret = "user-secret") {
        const Account account = x_account(peer.base_url(), token_secret);
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"main", std::make_unique<XPublisher>(account, *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }

    // Every text exactly once, not deleted, each replying to the one before it.
    void expect_chain(const std::vector<std::string>& texts) {
        std::string previous;
        for (const std::string& text : texts) {
            int seen = 0;
            for (const FakeTweet& t : peer.tweets()) {
                if (t.text != text || t.deleted) continue;
                ++seen;
                EXPECT_EQ(t.in_reply_to, previous) << "'" << text << "' is not a reply to the tweet before it";
                previous = t.id;
            }
            EXPECT_EQ(seen, 1) << "'" << text << "' arrived " << seen << " times";
        }
    }

    FakeX peer;
};

TEST_F(XSync, ACaseIsOneReplyChainAndEveryRequestIsSigned) {
    auto first = new_case();
    queue_post(first, "A1 & <b>");
    queue_post(first, "A2");
    queue_post(std::nullopt, "status: ED wait 40 min");
    queue_post(first, "A3");
    auto engine = x_engine();
    drain(*engine);
    expect_chain({"A1 & <b>", "A2", "A3"});
    expect_chain({"status: ED wait 40 min"});
    EXPECT_EQ(peer.tweets().size(), 4u);
    EXPECT_EQ(peer.bad_signatures(), 0);
    EXPECT_EQ(engine->connectivity(), "Online");
}

TEST_F(XSync, AWrongSecretIsRefusedAndNeedsReauthorisation) {
    auto post = queue_post(std::nullopt, "signed with the wrong secret");
    auto engine = x_engine("not-the-secret");
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_GT(peer.bad_signatures(), 0);
    EXPECT_TRUE(engine->account_health().at(0).needs_reauthorisation);
    EXPECT_EQ(deliveries_of(post).at(0).state, "queued");
    EXPECT_EQ(peer.tweets().size(), 0u);
}

class XFaultMatrix : public XSync, public ::testing::WithParamInterface<PlatformFault> {};

TEST_P(XFaultMatrix, FaultsRetryAndDeliverExactlyOnceInOrder) {
    auto id = new_case();
    auto first = queue_post(id, "one");
    peer.push_fault(GetParam());
    auto engine = x_engine();
    drain(*engine);
    auto second = queue_post(id, "two");
    queue_post(id, "three");
    peer.push_fault(GetParam());
    drain(*engine);
    expect_chain({"one", "two", "three"});
    EXPECT_GE(deliveries_of(first).at(0).attempts, 2);
    EXPECT_GE(deliveries_of(second).at(0).attempts, 2);
    EXPECT_EQ(peer.tweets().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Faults, XFaultMatrix,
                         ::testing::Values(PlatformFault::Status500, PlatformFault::Status503,
                                           PlatformFault::RateLimit, PlatformFault::TokenExpired,
                                           PlatformFault::DropBefore, PlatformFault::DropAfter));

TEST_F(XSync, ARateLimitWaitsForTheResetTime) {
    // The peer's reset is in real time; the engine caps waits at an hour from its own clock, so
    // that clock starts at the real time here.
    clock.set_ms(static_cast<TimeMs>(std::time(nullptr)) * 1000);
    queue_post(std::nullopt, "first");
    queue_post(std::nullopt, "second");
    peer.push_fault(PlatformFault::RateLimit);
    auto engine = x_engine();
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(peer.create_requests(), 1);
    auto wake = engine->next_wake();
    ASSERT_TRUE(wake.ok() && wake->has_value());
    // x-rate-limit-reset is a minute after the peer's real time.
    EXPECT_GE(**wake, (static_cast<TimeMs>(std::time(nullptr)) + 30) * 1000);
    EXPECT_NE(deliveries_of(1).at(0).last_error.find("X answered 429"), std::string::npos);
}

TEST_F(XSync, ADuplicateAnswerIsLookedUpNotFailed) {
    auto post = queue_post(std::nullopt, "posted by an attempt whose answer was lost");
    peer.push_fault(PlatformFault::DropAfter);
    auto engine = x_engine();
    ASSERT_TRUE(engine->run_pass().ok());
    // A crash lost the row's `sending` state too: only the 403 duplicate tells it was there.
    db->sql().exec("UPDATE deliveries SET state = 'queued', attempts = 0, next_attempt_at = 0");
    auto resumed = x_engine();
    drain(*resumed);
    EXPECT_EQ(deliveries_of(post).at(0).state, "sent");
    EXPECT_EQ(deliveries_of(post).at(0).remote_id, peer.tweets().at(0).id);
    EXPECT_EQ(peer.tweets().size(), 1u);
}

TEST_F(XSync, TooLongByXsWeightingFailsBeforeSending) {
    // 141 CJK characters weigh 282; 280 Latin letters fit.
    std::string cjk;
    for (int i = 0; i < 141; ++i) cjk += "術";
    auto too_long = queue_post(std::nullopt, cjk);
    auto fits = queue_post(std::nullopt, std::string(280, 'a'));
    auto engine = x_engine();
    drain(*engine);
    EXPECT_EQ(deliveries_of(too_long).at(0).state, "failed");
    EXPECT_EQ(deliveries_of(too_long).at(0).last_error, "the post is 282 characters as X counts them; X allows 280");
    EXPECT_EQ(deliveries_of(fits).at(0).state, "sent");
    EXPECT_EQ(peer.create_requests(), 1);
}

TEST(XWeightedLength, CountsLikeTwitterText) {
    EXPECT_EQ(x_weighted_length("hello"), 5u);
    EXPECT_EQ(x_weighted_length("手術"), 4u);
    EXPECT_EQ(x_weighted_length("👩‍⚕️"), 2u);         // one emoji ZWJ sequence
    EXPECT_EQ(x_weighted_length("🇺🇸 ok"), 5u);        // a flag is one emoji
    EXPECT_EQ(x_weighted_length("see https://example.org/a/very/long/path?q=1"), 27u);
    EXPECT_EQ(x_weighted_length("e\xCC\x81"), 1u);     // NFC makes e + combining acute one é
    EXPECT_EQ(x_weighted_length("—“”"), 3u);           // punctuation in the light ranges
}

TEST_F(XSync, WithdrawalDeletesTheChain) {
    auto id = new_case();
    queue_post(id, "t1");
    queue_post(id, "t2");
    auto other = queue_post(std::nullopt, "not part of the case");
    auto engine = x_engine();
    drain(*engine);
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    peer.push_fault(PlatformFault::DropAfter);  // deleted, answer lost: the retry's 404 counts as done
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(engine->run_pass().ok());
        auto wake = engine->next_wake();
        if (!wake.ok() || !wake->has_value()) break;
        clock.set_ms(std::max(clock.now_ms(), **wake));
    }
    for (const FakeTweet& t : peer.tweets()) EXPECT_EQ(t.deleted, t.text != "not part of the case") << t.text;
    EXPECT_EQ(deliveries_of(other).at(0).state, "sent");
    SQLite::Statement done(db->sql(), "SELECT count(*) FROM remote_deletions WHERE state = 'done'");
    ASSERT_TRUE(done.executeStep());
    EXPECT_EQ(done.getColumn(0).getInt(), 2);
}

}  // namespace
}  // namespace orlive::testing
