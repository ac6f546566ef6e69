// The engine with the Facebook Page publisher against a Graph-behaving loopback Page: a case is
// a Page post with the Page's comments on it in order, every post exactly once under faults that
// leave the outcome unknown (no idempotency keys: the retry looks first), an expired token
// shown as "needs re-authorisation" with nothing lost, rate limits paused, withdrawal deletes.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "peers/fake_facebook.h"
#include "sync/facebook_publisher.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class FacebookSync : public SyncFixture {
protected:
    std::unique_ptr<SyncEngine> facebook_engine(const std::string& token = "page-token") {
        const Account account = facebook_account(peer.base_url(), token);
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"main", std::make_unique<FacebookPublisher>(account, *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }

    // The first text is a Page post, each later one a comment on it, each exactly once, in order.
    void expect_thread(const std::vector<std::string>& texts) {
        std::string root;
        std::size_t previous_index = 0;
        for (std::size_t t = 0; t < texts.size(); ++t) {
            int seen = 0;
            const auto objects = peer.objects();
            for (std::size_t i = 0; i < objects.size(); ++i) {
                const FakeGraphObject& o = objects[i];
                if (o.message != texts[t] || o.deleted) continue;
                ++seen;
                if (t == 0) {
                    EXPECT_EQ(o.parent_id, "") << "'" << texts[t] << "' should be a Page post";
                    root = o.id;
                } else {
                    EXPECT_EQ(o.parent_id, root) << "'" << texts[t] << "' should be a comment on the case's post";
                    EXPECT_GT(i, previous_index) << "'" << texts[t] << "' is out of order";
                }
                previous_index = i;
            }
            EXPECT_EQ(seen, 1) << "'" << texts[t] << "' arrived " << seen << " times";
        }
    }

    FakeFacebook peer;
};

TEST_F(FacebookSync, ACaseIsAPagePostWithItsLaterPostsAsCommentsInOrder) {
    auto first = new_case();
    auto opening = queue_post(first, "A1");
    queue_post(first, "A2");
    queue_post(std::nullopt, "status: ED wait 40 min");
    queue_post(first, "A3");
    auto second = new_case("cabg");
    queue_post(second, "B1");
    queue_post(second, "B2");
    auto engine = facebook_engine();
    drain(*engine);
    expect_thread({"A1", "A2", "A3"});
    expect_thread({"B1", "B2"});
    expect_thread({"status: ED wait 40 min"});
    EXPECT_EQ(peer.objects().size(), 6u);
    EXPECT_EQ(deliveries_of(opening).at(0).remote_id, peer.objects().at(0).id);
    EXPECT_EQ(engine->connectivity(), "Online");
}

class FacebookFaultMatrix : public FacebookSync, public ::testing::WithParamInterface<PlatformFault> {};

// A fault on the case's Page post, then one on a comment: each post still arrives once, in order.
TEST_P(FacebookFaultMatrix, FaultsRetryAndDeliverExactlyOnceInOrder) {
    auto id = new_case();
    auto first = queue_post(id, "one");
    peer.push_fault(GetParam());
    auto engine = facebook_engine();
    drain(*engine);
    auto second = queue_post(id, "two");
    queue_post(id, "three");
    peer.push_fault(GetParam());
    drain(*engine);
    expect_thread({"one", "two", "three"});
    EXPECT_GE(deliveries_of(first).at(0).attempts, 2);
    EXPECT_GE(deliveries_of(second).at(0).attempts, 2);
    EXPECT_EQ(peer.objects().size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(Faults, FacebookFaultMatrix,
                         ::testing::Values(PlatformFault::Status500, PlatformFault::Status503,
                                           PlatformFault::RateLimit, PlatformFault::TokenExpired,
                                           PlatformFault::DropBefore, PlatformFault::DropAfter));

TEST_F(FacebookSync, ARetryAfterACrashFindsThePostInsteadOfPostingAgain) {
    auto id = new_case();
    auto post = queue_post(id, "in flight when the power went");
    queue_post(id, "next");
    peer.push_fault(PlatformFault::DropAfter);
    auto engine = facebook_engine();
    ASSERT_TRUE(engine->run_pass().ok());
    // Like a crash mid-attempt: the row is left in `sending` and a new engine resumes.
    db->sql().exec("UPDATE deliveries SET state = 'sending' WHERE post_id = " + std::to_string(post));
    auto resumed = facebook_engine();
    drain(*resumed);
    expect_thread({"in flight when the power went", "next"});
    EXPECT_EQ(peer.objects().size(), 2u);
}

TEST_F(FacebookSync, ARevokedTokenNeedsReauthorisationAndLosesNothing) {
    auto post = queue_post(std::nullopt, "waits for a new token");
    peer.set_token("a-new-token");
    auto engine = facebook_engine("page-token");
    ASSERT_TRUE(engine->run_pass().ok());
    const auto health = engine->account_health();
    ASSERT_EQ(health.size(), 1u);
    EXPECT_TRUE(health[0].needs_reauthorisation);
    EXPECT_NE(health[0].problem.find("needs re-authorisation"), std::string::npos) << health[0].problem;
    EXPECT_EQ(health[0].problem.find("page-token"), std::string::npos);
    EXPECT_EQ(deliveries_of(post).at(0).state, "queued");
    EXPECT_EQ(peer.objects().size(), 0u);
    // Signed in again (new settings, new engine): it goes out.
    auto renewed = facebook_engine("a-new-token");
    drain(*renewed);
    EXPECT_EQ(deliveries_of(post).at(0).state, "sent");
    EXPECT_FALSE(renewed->account_health()[0].needs_reauthorisation);
}

TEST_F(FacebookSync, ARateLimitPausesTheAccountForTheUsageHeadersTime) {
    queue_post(std::nullopt, "first");
    queue_post(std::nullopt, "second");
    peer.push_fault(PlatformFault::RateLimit);
    auto engine = facebook_engine();
    const TimeMs start = clock.now_ms();
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(peer.create_requests(), 1);
    auto wake = engine->next_wake();
    ASSERT_TRUE(wake.ok() && wake->has_value());
    EXPECT_GE(**wake, start + 2 * 60 * 1000);  // estimated_time_to_regain_access: 2 minutes
    drain(*engine);
    EXPECT_EQ(peer.objects().size(), 2u);
}

TEST_F(FacebookSync, WithdrawalDeletesThePagePostAndItsComments) {
    auto id = new_case();
    queue_post(id, "case post");
    queue_post(id, "comment 1");
    queue_post(id, "comment 2");
    auto other = queue_post(std::nullopt, "not part of the case");
    auto engine = facebook_engine();
    drain(*engine);
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    peer.push_fault(PlatformFault::Status503);  // the first deletion is retried
    drain(*engine);
    for (int i = 0; i < 10; ++i) {
        ASSERT_TRUE(engine->run_pass().ok());
        auto wake = engine->next_wake();
        if (!wake.ok() || !wake->has_value()) break;
        clock.set_ms(std::max(clock.now_ms(), **wake));
    }
    int deleted = 0;
    for (const FakeGraphObject& o : peer.objects()) {
        EXPECT_EQ(o.deleted, o.message != "not part of the case") << o.message;
        deleted += o.deleted;
    }
    EXPECT_EQ(deleted, 3);
    EXPECT_EQ(deliveries_of(other).at(0).state, "sent");
    SQLite::Statement done(db->sql(), "SELECT count(*) FROM remote_deletions WHERE state = 'done'");
    ASSERT_TRUE(done.executeStep());
    EXPECT_EQ(done.getColumn(0).getInt(), 3);
}

}  // namespace
}  // namespace orlive::testing
