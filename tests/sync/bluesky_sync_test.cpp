// The engine with the Bluesky publisher against an AT-Protocol-behaving loopback PDS: reply
// threads with {uri, cid}, hashtag facets in UTF-8 bytes, one sign-in and token refresh, and
// exactly one record per post after unknown outcomes (putRecord at the stored key).
#include "peers/fake_pds.h"
#include "sync/bluesky_facets.h"
#include "sync/bluesky_publisher.h"
#include "sync/delivery_queue.h"
#include "sync/tid.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class BlueskySync : public SyncFixture {
protected:
    Account bluesky_account(const std::string& password = "app-pass-1234") {
        Account account;
        account.name = "sky";
        account.kind = AccountKind::Bluesky;
        account.service = pds.url();
        account.identifier = "or.test";
        account.app_password = password;
        return account;
    }
    std::unique_ptr<SyncEngine> bluesky_engine(const std::string& password = "app-pass-1234") {
        std::vector<NamedPublisher> publishers;
        publishers.push_back(
            {"sky", std::make_unique<BlueskyPublisher>(bluesky_account(password), *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }
    std::int64_t queue_sky(std::optional<std::int64_t> case_id, const std::string& text) {
        return queue_post(case_id, text, {"sky"});
    }
    const PdsRecord* find(const std::vector<PdsRecord>& records, const std::string& text) {
        const PdsRecord* hit = nullptr;
        int seen = 0;
        for (const PdsRecord& r : records) {
            if (r.value["text"] == text && !r.deleted) hit = &r, ++seen;
        }
        EXPECT_EQ(seen, 1) << "'" << text << "' is there " << seen << " times";
        return hit;
    }
    // Each text once; the first starts the thread, every later one replies to the one before.
    void expect_thread(const std::vector<std::string>& texts) {
        auto records = pds.records();
        const PdsRecord* root = nullptr;
        const PdsRecord* previous = nullptr;
        for (const std::string& text : texts) {
            const PdsRecord* record = find(records, text);
            ASSERT_NE(record, nullptr);
            if (!previous) {
                EXPECT_FALSE(record->value.contains("reply")) << text;
                root = record;
            } else {
                EXPECT_EQ(record->value["reply"]["root"]["uri"], root->uri) << text;
                EXPECT_EQ(record->value["reply"]["root"]["cid"], root->cid) << text;
                EXPECT_EQ(record->value["reply"]["parent"]["uri"], previous->uri) << text;
                EXPECT_EQ(record->value["reply"]["parent"]["cid"], previous->cid) << text;
            }
            previous = record;
        }
    }

    FakePds pds;
};

TEST(BlueskyFacets, TagsUseUtf8ByteOffsetsAndNoHash) {
    const std::string text = "Incisión — #SurgEd 👩‍⚕️ #MedEd. #2024 x#not";
    auto facets = hashtag_facets(text);
    ASSERT_EQ(facets.size(), 2u);
    for (const auto& facet : facets) {
        const std::size_t start = facet["index"]["byteStart"], end = facet["index"]["byteEnd"];
        EXPECT_EQ(text.substr(start, end - start), "#" + facet["features"][0]["tag"].get<std::string>());
        EXPECT_EQ(facet["features"][0]["$type"], "app.bsky.richtext.facet#tag");
    }
    EXPECT_EQ(facets[0]["features"][0]["tag"], "SurgEd");
    EXPECT_EQ(facets[0]["index"]["byteStart"], 14);  // "Incisión — " is 14 bytes
    EXPECT_EQ(facets[1]["features"][0]["tag"], "MedEd");
}

TEST_F(BlueskySync, ACaseIsOneThreadWithRootAndParentAndFacets) {
    auto id = new_case();
    queue_sky(id, "Time-out complete #SurgEd");
    queue_sky(id, "Incisión made — #SurgEd #MedEd");
    queue_sky(std::nullopt, "Hospital status: ED wait 40 min");
    queue_sky(id, "Closing 👩‍⚕️ #SurgEd");
    auto engine = bluesky_engine();
    drain(*engine);
    expect_thread({"Time-out complete #SurgEd", "Incisión made — #SurgEd #MedEd", "Closing 👩‍⚕️ #SurgEd"});
    expect_thread({"Hospital status: ED wait 40 min"});
    for (const PdsRecord& record : pds.records()) {
        EXPECT_TRUE(is_valid_tid(record.rkey)) << record.rkey;
        EXPECT_EQ(record.value["langs"][0], "en");
        EXPECT_EQ(record.writes, 1);
    }
    EXPECT_EQ(pds.sessions_created(), 1);
    EXPECT_EQ(engine->connectivity(), "Online");
}

TEST_F(BlueskySync, SignsInOnceAndRefreshesAnExpiredToken) {
    auto id = new_case();
    queue_sky(id, "one");
    auto engine = bluesky_engine();
    drain(*engine);
    pds.expire_access_tokens();
    queue_sky(id, "two");
    queue_sky(id, "three");
    drain(*engine);
    expect_thread({"one", "two", "three"});
    EXPECT_EQ(pds.sessions_created(), 1);
    EXPECT_EQ(pds.refreshes(), 1);
}

class BlueskyFaultMatrix : public BlueskySync, public ::testing::WithParamInterface<PdsFault> {};

TEST_P(BlueskyFaultMatrix, FaultsRetryIntoExactlyOneRecordPerPost) {
    auto id = new_case();
    auto first = queue_sky(id, "first #SurgEd");
    queue_sky(id, "second");
    pds.push_fault(GetParam());
    auto engine = bluesky_engine();
    drain(*engine);
    expect_thread({"first #SurgEd", "second"});
    EXPECT_EQ(pds.records().size(), 2u);
    auto delivery = deliveries_of(first).at(0);
    EXPECT_EQ(delivery.state, "sent");
    EXPECT_EQ(delivery.remote_uri, pds.records().at(0).uri);
}

INSTANTIATE_TEST_SUITE_P(Faults, BlueskyFaultMatrix,
                         ::testing::Values(PdsFault::Status500, PdsFault::Status429, PdsFault::ExpireTokens,
                                           PdsFault::ForgetSessions, PdsFault::TimeoutAfterWrite,
                                           PdsFault::ResetAfterWrite));

TEST_F(BlueskySync, AfterACrashMidAttemptTheSameRecordIsRewrittenNotDuplicated) {
    auto post = queue_sky(std::nullopt, "in flight at the crash");
    std::string created_at;
    {
        DeliveryQueue queue(*db);
        auto claimed = queue.claim_next("sky", clock.now_ms());
        ASSERT_TRUE(claimed.ok() && claimed->has_value());
        created_at = (*claimed)->record_created_at;
        BlueskyPublisher publisher(bluesky_account(), *http, test_timeouts());
        ASSERT_EQ(publisher.publish(**claimed, clock.now_ms()).kind, PublishOutcome::Kind::Sent);
    }
    clock.advance_ms(60'000);  // a minute later, from the database alone
    auto engine = bluesky_engine();
    drain(*engine);
    auto records = pds.records();
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].writes, 2);
    EXPECT_EQ(records[0].value["createdAt"], created_at);
    EXPECT_EQ(deliveries_of(post).at(0).remote_uri, records[0].uri);
}

TEST_F(BlueskySync, LimitsAndBadPasswordsFailWithReasonsAndNoSecrets) {
    auto long_post = queue_sky(std::nullopt, std::string(301, 'a'));
    auto engine = bluesky_engine();
    drain(*engine);
    EXPECT_EQ(deliveries_of(long_post).at(0).last_error,
              "the post is 301 characters (301 bytes); Bluesky allows 300 (3000)");

    auto post = queue_sky(std::nullopt, "hello");
    auto wrong = bluesky_engine("WRONG-secret-pass");
    drain(*wrong);
    auto delivery = deliveries_of(post).at(0);
    EXPECT_EQ(delivery.state, "failed");
    EXPECT_EQ(delivery.last_error, "Bluesky answered 401: AuthenticationRequired: Invalid identifier or password");
    EXPECT_EQ(wrong->connectivity().find("WRONG-secret"), std::string::npos);
}

TEST_F(BlueskySync, ConsentWithdrawalDeletesTheRecords) {
    auto id = new_case();
    queue_sky(id, "to be withdrawn");
    auto engine = bluesky_engine();
    drain(*engine);
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    ASSERT_TRUE(engine->run_pass().ok());
    ASSERT_EQ(pds.records().size(), 1u);
    EXPECT_TRUE(pds.records()[0].deleted);
}

}  // namespace
}  // namespace orlive::testing
