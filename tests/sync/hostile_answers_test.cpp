// Platform answers of the wrong shape or size, and rows that no platform can take: each fails
// (or retries) its own delivery with a reason, and the engine goes on with the rest. Real
// loopback servers; nothing of libcurl is mocked.
#include <SQLiteCpp/Statement.h>

#include <string>

#include "core/base/utf8.h"
#include "peers/fake_mastodon.h"
#include "peers/scripted_peer.h"
#include "sync/bluesky_publisher.h"
#include "sync/facebook_publisher.h"
#include "sync/x_publisher.h"
#include "sync/platform_error.h"
#include "sync/webhook_publisher.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

constexpr const char* kPoison = "All good \xf1 team";

class HostileAnswers : public SyncFixture {
protected:
    template <class PublisherType>
    std::unique_ptr<SyncEngine> engine_with(const Account& account) {
        std::vector<NamedPublisher> publishers;
        publishers.push_back({account.name, std::make_unique<PublisherType>(account, *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }
    std::unique_ptr<SyncEngine> webhook_engine(const std::string& url) {
        Account account;
        account.name = "main";
        account.kind = AccountKind::Webhook;
        account.url = url;
        account.format = "json";
        return engine_with<WebhookPublisher>(account);
    }
    std::unique_ptr<SyncEngine> bluesky_engine(const std::string& service) {
        Account account;
        account.name = "main";
        account.kind = AccountKind::Bluesky;
        account.service = service;
        account.identifier = "or.test";
        account.app_password = "app-pass-1234";
        return engine_with<BlueskyPublisher>(account);
    }
    std::unique_ptr<SyncEngine> facebook_engine(const std::string& base) {
        return engine_with<FacebookPublisher>(facebook_account(base));
    }
    std::unique_ptr<SyncEngine> x_engine(const std::string& base) { return engine_with<XPublisher>(x_account(base)); }
    // A row as an older build (or a hand with sqlite3) left it: text that is not UTF-8, its
    // delivery committed `sending` before the process died.
    std::int64_t plant_poison(std::optional<std::int64_t> case_id) {
        const std::int64_t id = queue_post(case_id, "placeholder");
        SQLite::Statement text(db->sql(), "UPDATE posts SET text = ? WHERE id = ?");
        text.bind(1, std::string(kPoison));
        text.bind(2, id);
        text.exec();
        SQLite::Statement sending(db->sql(), "UPDATE deliveries SET state = 'sending', attempts = 1 WHERE post_id = ?");
        sending.bind(1, id);
        sending.exec();
        return id;
    }
    int one_pass(SyncEngine& engine) {
        auto pass = engine.run_pass();
        EXPECT_TRUE(pass.ok()) << pass.error().message;
        return pass.ok() ? pass->sent : -1;
    }
};

TEST_F(HostileAnswers, APoisonRowFailsAloneAndThePostsAfterItStillGo) {
    FakeMastodon peer;
    const auto case_id = new_case();
    const auto before = queue_post(case_id, "Time-out complete");
    const auto poison = plant_poison(case_id);
    const auto after = queue_post(case_id, "Incision");
    const auto standalone = plant_poison(std::nullopt);
    const auto last = queue_post(std::nullopt, "ED wait 40 min");
    auto engine = mastodon_engine(peer.base_url());
    drain(*engine);
    EXPECT_EQ(deliveries_of(before).at(0).state, "sent");
    EXPECT_EQ(deliveries_of(after).at(0).state, "sent");
    EXPECT_EQ(deliveries_of(last).at(0).state, "sent");
    for (auto id : {poison, standalone}) {
        const DeliveryRecord d = deliveries_of(id).at(0);
        EXPECT_EQ(d.state, "failed");
        EXPECT_NE(d.last_error.find("not valid UTF-8"), std::string::npos) << d.last_error;
    }
    ASSERT_EQ(peer.statuses().size(), 3u);
    EXPECT_EQ(peer.statuses()[1].text, "Incision");
    EXPECT_EQ(peer.statuses()[1].in_reply_to_id, peer.statuses()[0].id);  // the thread skips the failed one
}

TEST_F(HostileAnswers, MastodonFieldsOfTheWrongTypeAreReadAsMissing) {
    ScriptedPeer peer;
    peer.answer("/api/v1/accounts/verify_credentials", 200, R"({"id": null})");
    peer.answer("/api/v2/instance",
                200, R"({"configuration":{"statuses":{"max_characters":"lots","characters_reserved_per_url":[1]}}})");
    peer.answer("/api/v1/statuses", 200, R"({"id": 109, "url": null, "uri": 7})");
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = mastodon_engine(peer.base_url());
    EXPECT_EQ(one_pass(*engine), 1);
    const DeliveryRecord d = deliveries_of(id).at(0);
    EXPECT_EQ(d.state, "sent");
    EXPECT_EQ(d.remote_id, "109");
    EXPECT_EQ(d.remote_uri, "");
}

TEST_F(HostileAnswers, AMastodonStatusWithoutAUsableIdRetriesWithAReason) {
    ScriptedPeer peer;
    peer.answer("/api/v1/accounts/verify_credentials", 200, R"({"id":"1"})");
    peer.answer("/api/v1/statuses", 200, R"({"id": {"nested": true}, "url": "https://x/1"})");
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = mastodon_engine(peer.base_url());
    EXPECT_EQ(one_pass(*engine), 0);
    const DeliveryRecord d = deliveries_of(id).at(0);
    EXPECT_EQ(d.state, "queued");
    EXPECT_NE(d.last_error.find("unreadable reply"), std::string::npos) << d.last_error;
}

// An id goes into later request paths ("/{id}/comments", "/2/users/{id}/tweets"): one that
// would change the path is no id at all, and the post retries with a reason.
TEST_F(HostileAnswers, GraphAndXIdsThatWouldChangeARequestPathAreNoIds) {
    ScriptedPeer facebook;
    facebook.answer("/v21.0/1001/feed", 200, R"({"id":"../../me/feed?x"})");
    const auto fb_post = queue_post(std::nullopt, "Closing");
    auto fb = facebook_engine(facebook.base_url());
    EXPECT_EQ(one_pass(*fb), 0);
    const DeliveryRecord fd = deliveries_of(fb_post).at(0);
    EXPECT_EQ(fd.state, "queued");
    EXPECT_NE(fd.last_error.find("without the post's id"), std::string::npos) << fd.last_error;

    ScriptedPeer x;
    x.answer("/2/users/me", 200, R"({"data":{"id":"1/../../2/tweets"}})");
    x.answer("/2/tweets", 201, R"({"data":{"id":"9 9"}})");
    const auto x_post = queue_post(std::nullopt, "Incision");
    auto xe = x_engine(x.base_url());
    EXPECT_EQ(one_pass(*xe), 0);
    const DeliveryRecord xd = deliveries_of(x_post).at(0);
    EXPECT_NE(xd.state, "sent");
    EXPECT_NE(xd.last_error.find("tweet's id"), std::string::npos) << xd.last_error;
}

TEST_F(HostileAnswers, BlueskyTokensOfTheWrongTypeAreAnUnreadableSession) {
    ScriptedPeer peer;
    peer.answer("/xrpc/com.atproto.server.createSession", 200, R"({"accessJwt": 42, "did": "did:plc:x"})");
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = bluesky_engine(peer.base_url());
    EXPECT_EQ(one_pass(*engine), 0);
    const DeliveryRecord d = deliveries_of(id).at(0);
    EXPECT_EQ(d.state, "queued");
    EXPECT_NE(d.last_error.find("createSession with an unreadable reply"), std::string::npos) << d.last_error;
    EXPECT_EQ(peer.hits("/xrpc/com.atproto.repo.createRecord"), 0);
}

TEST_F(HostileAnswers, ABlueskyRecordWithANullCidRetriesWithAReason) {
    ScriptedPeer peer;
    peer.answer("/xrpc/com.atproto.server.createSession",
                200, R"({"accessJwt":"a","refreshJwt":"r","did":"did:plc:x"})");
    peer.answer("/xrpc/com.atproto.repo.createRecord", 200, R"({"uri":"at://did:plc:x/app.bsky.feed.post/1","cid":null})");
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = bluesky_engine(peer.base_url());
    EXPECT_EQ(one_pass(*engine), 0);
    EXPECT_NE(deliveries_of(id).at(0).last_error.find("unreadable reply"), std::string::npos);
}

TEST_F(HostileAnswers, AnAnswerOverOneMebibyteFailsThatRequestNotTheAccount) {
    ScriptedPeer peer;
    peer.answer("/hook", 200, std::string(kMaxResponseBytes + 1, 'x'));
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = webhook_engine(peer.base_url() + "/hook");
    EXPECT_EQ(one_pass(*engine), 0);
    const DeliveryRecord d = deliveries_of(id).at(0);
    EXPECT_EQ(d.state, "queued");
    EXPECT_NE(d.last_error.find("larger than 1024 KiB"), std::string::npos) << d.last_error;
    // An answer came: the account is reachable, so the header must not say Offline.
    EXPECT_EQ(engine->connectivity().rfind("Offline", 0), std::string::npos) << engine->connectivity();
}

TEST_F(HostileAnswers, NoAnswerAtAllIsTypedAsOffline) {
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = webhook_engine("http://127.0.0.1:1/hook");
    EXPECT_EQ(one_pass(*engine), 0);
    EXPECT_EQ(deliveries_of(id).at(0).state, "queued");
    EXPECT_EQ(engine->connectivity().rfind("Offline: main: no answer", 0), 0u) << engine->connectivity();
}

TEST_F(HostileAnswers, PlatformErrorTextIsCutOnACharacterBoundary) {
    std::string words;
    for (int i = 0; i < 150; ++i) words += "\xc3\xa9";  // é, two bytes each: 300 bytes
    const std::string text = platform_error_text(R"({"error":")" + words + R"("})");
    EXPECT_TRUE(is_valid_utf8(text)) << text;
    EXPECT_LT(text.size(), 210u);
    const std::string raw = platform_error_text("\xff\xfe not json " + words);
    EXPECT_TRUE(is_valid_utf8(raw)) << raw;
}

TEST_F(HostileAnswers, AWebhookErrorInAnyBytesIsStoredAsValidText) {
    ScriptedPeer peer;
    std::string body = "\xf1\xf1 refused ";
    for (int i = 0; i < 150; ++i) body += "\xe2\x82\xac";  // €, three bytes each
    peer.answer("/hook", 422, body);
    const auto id = queue_post(std::nullopt, "Closing");
    auto engine = webhook_engine(peer.base_url() + "/hook");
    one_pass(*engine);
    const DeliveryRecord d = deliveries_of(id).at(0);
    EXPECT_EQ(d.state, "failed");
    EXPECT_TRUE(is_valid_utf8(d.last_error)) << d.last_error;
}

}  // namespace
}  // namespace orlive::testing
