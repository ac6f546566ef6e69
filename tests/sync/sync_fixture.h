// Shared by the sync tests: a real database in a throw-away dir, posts enqueued as the pipeline
// would, an engine on a manual clock, and a loop that drains until nothing is left.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "../core/test_support.h"
#include "core/compose/template_catalog.h"
#include "core/privacy/phi_filter.h"
#include "core/store/case_store.h"
#include "core/store/consent_change.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "sync/http_client.h"
#include "sync/mastodon_publisher.h"
#include "sync/sync_engine.h"

namespace orlive::testing {

// Short enough that timeout faults stay quick, long enough for a loaded CI machine.
inline HttpTimeouts test_timeouts() { return {2000, 700}; }

class SyncFixture : public testing::DatabaseTest {
protected:
    // What a post pipeline needs besides the database (answers are posts): the shipped
    // templates and the PHI filter, from the source tree.
    void load_catalog_and_filter(TemplateCatalog& catalog, std::unique_ptr<PhiFilter>& filter) {
        std::vector<TemplateProblem> problems;
        catalog = TemplateCatalog::load(source_assets() / "templates", problems);
        auto loaded = load_phi_filter(source_assets());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        filter = std::move(loaded.value());
    }
    std::int64_t new_case(const std::string& procedure = "lap-chole") {
        (void)end_active_case(*db, clock.now_ms());  // none active is fine
        CaseStart start;
        start.procedure_id = procedure;
        start.consent = Consent::Deidentified;
        auto id = start_case(*db, start, clock.now_ms());
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.ok() ? *id : 0;
    }

    std::int64_t queue_post(std::optional<std::int64_t> case_id, const std::string& text,
                            const std::vector<std::string>& accounts = {"main"}) {
        NewPost post;
        post.case_id = case_id;
        post.kind = PostKind::Text;
        post.text = text;
        post.state = PostState::Queued;
        post.created_at = clock.now_ms();
        post.release_at = clock.now_ms();
        auto id = enqueue_post(*db, post, accounts);
        EXPECT_TRUE(id.ok()) << id.error().message;
        clock.advance_ms(1);
        return id.ok() ? *id : 0;
    }

    Account mastodon_account(const std::string& base_url, const std::string& token = "test-token") {
        Account account;
        account.name = "main";
        account.kind = AccountKind::Mastodon;
        account.base_url = base_url;
        account.access_token = token;
        return account;
    }

    // The other platforms' accounts as their loopback peers expect them (tests/sync/peers).
    Account facebook_account(const std::string& graph_base, const std::string& token = "page-token") {
        Account account;
        account.name = "main";
        account.kind = AccountKind::Facebook;
        account.graph_base = graph_base;
        account.api_version = "v21.0";
        account.page_id = "1001";
        account.page_access_token = token;
        return account;
    }
    Account x_account(const std::string& api_base, const std::string& token_secret = "user-secret") {
        Account account;
        account.name = "main";
        account.kind = AccountKind::X;
        account.api_base = api_base;
        account.consumer_key = "consumer-key";
        account.consumer_secret = "consumer-secret";
        account.access_token = "user-token";
        account.access_token_secret = token_secret;
        return account;
    }
    Account threads_account(const std::string& graph_base) {
        Account account;
        account.name = "main";
        account.kind = AccountKind::Threads;
        account.graph_base = graph_base;
        account.api_version = "v1.0";
        account.user_id = "17841400000";
        account.access_token = "threads-token";
        return account;
    }

    // Closes the kept-alive connection before the peer stops, so the peer need not wait it out.
    void TearDown() override { http.reset(); }

    std::unique_ptr<SyncEngine> engine_for(std::vector<NamedPublisher> publishers) {
        RetryPolicy retry;
        retry.base_ms = 1000;
        return std::make_unique<SyncEngine>(*db, std::move(publishers), clock, retry);
    }

    std::unique_ptr<SyncEngine> mastodon_engine(const std::string& base_url, const std::string& token = "test-token",
                                                HttpTimeouts timeouts = test_timeouts()) {
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"main", std::make_unique<MastodonPublisher>(mastodon_account(base_url, token), *http,
                                                                           timeouts)});
        return engine_for(std::move(publishers));
    }

    // Passes until nothing is unsent, moving the manual clock to each next wake-up. Bounded so a
    // bug fails the test instead of hanging it.
    void drain(SyncEngine& engine, int max_passes = 50) {
        for (int i = 0; i < max_passes; ++i) {
            auto pass = engine.run_pass();
            ASSERT_TRUE(pass.ok()) << pass.error().message;
            auto left = engine.unsent_count();
            ASSERT_TRUE(left.ok());
            if (*left == 0) return;
            auto wake = engine.next_wake();
            ASSERT_TRUE(wake.ok());
            ASSERT_TRUE(wake->has_value()) << "unsent deliveries but nothing scheduled";
            if (**wake > clock.now_ms()) clock.set_ms(**wake);
        }
        FAIL() << "still unsent after " << max_passes << " passes";
    }

    std::vector<DeliveryRecord> deliveries_of(std::int64_t post_id) {
        auto post = find_post(*db, post_id);
        EXPECT_TRUE(post.ok() && post->has_value());
        return post.ok() && post->has_value() ? (*post)->deliveries : std::vector<DeliveryRecord>{};
    }

    ManualClock clock{1'760'000'000'000};
    std::unique_ptr<HttpClient> http = std::make_unique<HttpClient>();
};

}  // namespace orlive::testing
