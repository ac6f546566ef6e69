// An account that went offline resumes within a probe of its server coming back, not after its
// posts' backoff: the engine asks "does it answer a connection?" every kOfflineProbeMs while
// posts wait, sending nothing and writing nothing meanwhile.
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include "peers/fake_mastodon.h"
#include "sync/publisher_factory.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class OfflineProbe : public SyncFixture {
protected:
    // A real server on a port that is free until the test brings it up.
    int free_port() {
        FakeMastodon probe_port;
        return probe_port.port();
    }
    std::unique_ptr<SyncEngine> engine_with_probe(const std::string& base_url, bool probe) {
        Settings settings;
        settings.accounts.push_back(mastodon_account(base_url));
        std::vector<NamedPublisher> publishers = make_publishers(settings, *http, test_timeouts());
        std::function<bool()> reachable = std::move(publishers.at(0).reachable);
        publishers.at(0).reachable = nullptr;
        if (probe) {
            publishers.at(0).reachable = [this, reachable] {
                ++probes;
                return reachable();
            };
        }
        return engine_for(std::move(publishers));
    }
    int probes = 0;
    // A long outage: passes at each next wake-up until the backoff has grown past five minutes.
    void stay_offline(SyncEngine& engine, TimeMs outage_ms) {
        const TimeMs until = clock.now_ms() + outage_ms;
        ASSERT_TRUE(engine.run_pass().ok());
        while (clock.now_ms() < until) {
            auto wake = engine.next_wake();
            ASSERT_TRUE(wake.ok());
            if (!wake->has_value()) break;
            clock.set_ms(std::max(**wake, clock.now_ms() + 1));
            ASSERT_TRUE(engine.run_pass().ok());  // the last one just now: its attempt failed
        }
    }
};

TEST_F(OfflineProbe, PostsGoOutWithinAProbeOfTheServerComingBackAfterALongOutage) {
    const int port = free_port();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    auto id = new_case();
    queue_post(id, "during the outage");
    auto engine = engine_with_probe(url, true);
    stay_offline(*engine, 10 * 60 * 1000);
    EXPECT_EQ(engine->connectivity().rfind("Offline: main", 0), 0u) << engine->connectivity();
    // While it stays away the next wake-up is the next probe, not the posts' backoff.
    auto wake = engine->next_wake();
    ASSERT_TRUE(wake.ok() && wake->has_value());
    EXPECT_LE(**wake, clock.now_ms() + SyncEngine::kOfflineProbeMs);

    FakeMastodon back("test-token", port);
    clock.advance_ms(SyncEngine::kOfflineProbeMs);
    auto pass = engine->run_pass();
    ASSERT_TRUE(pass.ok()) << pass.error().message;
    EXPECT_EQ(pass->sent, 1);
    ASSERT_EQ(back.statuses().size(), 1u);
    EXPECT_EQ(back.statuses().at(0).text, "during the outage");
    EXPECT_EQ(engine->connectivity(), "Online");
}

TEST_F(OfflineProbe, WithoutAProbeTheSamePostsWaitOutTheirBackoff) {
    const int port = free_port();
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    queue_post(new_case(), "during the outage");
    auto engine = engine_with_probe(url, false);
    stay_offline(*engine, 10 * 60 * 1000);
    FakeMastodon back("test-token", port);
    clock.advance_ms(SyncEngine::kOfflineProbeMs);
    auto pass = engine->run_pass();
    ASSERT_TRUE(pass.ok());
    EXPECT_EQ(pass->sent, 0);  // the backoff (minutes by now) still holds it
    EXPECT_TRUE(back.statuses().empty());
}

TEST_F(OfflineProbe, NothingWaitingMeansNoProbing) {
    const int port = free_port();
    auto engine = engine_with_probe("http://127.0.0.1:" + std::to_string(port), true);
    queue_post(std::nullopt, "one");
    ASSERT_TRUE(engine->run_pass().ok());  // offline now
    SQLite::Statement discard(db->sql(), "UPDATE deliveries SET state = 'cancelled'");
    discard.exec();
    const int before = probes;
    stay_offline(*engine, 60 * 1000);
    EXPECT_EQ(probes, before);
}

}  // namespace
}  // namespace orlive::testing
