// The engine with webhook publishers against a loopback receiver: each format's payload, order,
// retries, and the rare duplicate after an unknown outcome.
#include <nlohmann/json.hpp>

#include "peers/fake_webhook.h"
#include "sync/webhook_publisher.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class WebhookSync : public SyncFixture {
protected:
    std::unique_ptr<SyncEngine> webhook_engine(const std::string& format) {
        Account account;
        account.name = "main";
        account.kind = AccountKind::Webhook;
        account.url = receiver.url("/hook/" + format);
        account.format = format;
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"main", std::make_unique<WebhookPublisher>(account, *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }
    nlohmann::json body(std::size_t i) { return nlohmann::json::parse(receiver.hits().at(i).body); }

    FakeWebhook receiver;
};

TEST_F(WebhookSync, EachFormatCarriesTheTextInItsOwnShape) {
    for (const std::string format : {"slack", "discord", "teams", "json"}) {
        queue_post(std::nullopt, "Incision made (" + format + ")");
        auto engine = webhook_engine(format);
        drain(*engine);
    }
    ASSERT_EQ(receiver.hits().size(), 4u);
    EXPECT_EQ(body(0)["text"], "Incision made (slack)");
    EXPECT_EQ(body(1)["content"], "Incision made (discord)");
    EXPECT_EQ(body(2)["attachments"][0]["content"]["body"][0]["text"], "Incision made (teams)");
    EXPECT_EQ(body(3)["text"], "Incision made (json)");
    EXPECT_EQ(body(3)["event"], "orlive.post");
    EXPECT_EQ(body(3)["delivery_key"], receiver.hits().at(3).idempotency_key);
}

TEST_F(WebhookSync, DiscordMessageIdIsRecorded) {
    auto post = queue_post(std::nullopt, "with id");
    auto engine = webhook_engine("discord");
    drain(*engine);
    EXPECT_EQ(deliveries_of(post).at(0).remote_id, "900001");
}

TEST_F(WebhookSync, RetriesTransientFailuresInOrderAndFailsOnPermanentOnes) {
    auto id = new_case();
    queue_post(id, "one");
    queue_post(id, "two");
    receiver.push_fault(WebhookFault::Status500);
    receiver.push_fault(WebhookFault::Status429);
    auto engine = webhook_engine("slack");
    drain(*engine);
    ASSERT_EQ(receiver.hits().size(), 2u);
    EXPECT_EQ(body(0)["text"], "one");
    EXPECT_EQ(body(1)["text"], "two");

    auto gone = queue_post(std::nullopt, "gone");
    receiver.push_fault(WebhookFault::Status404);
    drain(*engine);
    EXPECT_EQ(deliveries_of(gone).at(0).last_error, "The webhook answered 404: unexpected reply: no_service");
}

TEST_F(WebhookSync, AnUnknownOutcomeMayDuplicateWithTheSameKey) {
    queue_post(std::nullopt, "maybe twice");
    receiver.push_fault(WebhookFault::Reset);
    auto engine = webhook_engine("json");
    drain(*engine);
    // Documented: webhooks have no idempotency; the key lets a receiver drop the copy.
    ASSERT_EQ(receiver.hits().size(), 2u);
    EXPECT_EQ(receiver.hits()[0].idempotency_key, receiver.hits()[1].idempotency_key);
}

}  // namespace
}  // namespace orlive::testing
