// DeliveryQueue on its own (no HTTP): which delivery goes next, in what order, and what a
// retry, a permanent failure and a crash mid-attempt leave behind. A database in memory.
#include "sync/delivery_queue.h"

#include <gtest/gtest.h>

#include "../core/test_support.h"
#include "core/store/case_store.h"
#include "core/store/outbox.h"

namespace orlive::testing {
namespace {

class DeliveryQueueTest : public ::testing::Test {
protected:
    std::int64_t new_case() {
        (void)end_active_case(*db, now);
        CaseStart start;
        start.procedure_id = "lap-chole";
        auto id = start_case(*db, start, now);
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.ok() ? *id : 0;
    }
    std::int64_t queue_post(std::optional<std::int64_t> case_id, const std::string& text) {
        NewPost post;
        post.case_id = case_id;
        post.kind = PostKind::Text;
        post.text = text;
        post.state = PostState::Queued;
        post.created_at = post.release_at = now++;
        auto id = enqueue_post(*db, post, {"main"});
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.ok() ? *id : 0;
    }
    // The post the next claim hands out, or 0 when none may go now.
    std::int64_t claim() {
        auto next = queue.claim_next("main", now);
        EXPECT_TRUE(next.ok()) << next.error().message;
        claimed = next.ok() ? *next : std::nullopt;
        return claimed ? claimed->post_id : 0;
    }

    std::unique_ptr<Database> db = memory_database();
    DeliveryQueue queue{*db};
    TimeMs now = 1'800'000'000'000;
    std::optional<OutgoingPost> claimed;
};

TEST_F(DeliveryQueueTest, ACaseGoesInPostOrderWhileOtherCasesAndLoosePostsDoNotWait) {
    const auto a = new_case();
    const auto a1 = queue_post(a, "A1");
    const auto a2 = queue_post(a, "A2");
    const auto loose = queue_post(std::nullopt, "ED wait 40 min");
    const auto b = new_case();
    const auto b1 = queue_post(b, "B1");

    EXPECT_EQ(claim(), a1);
    ASSERT_TRUE(queue.mark_retry(claimed->delivery_id, "no answer", now + 60'000, now).ok());
    // A1 waits for its retry: A2 waits behind it, the loose post and case B do not.
    EXPECT_EQ(claim(), loose);
    ASSERT_TRUE(queue.mark_sent(claimed->delivery_id, RemoteRef{"100", "", ""}, now).ok());
    EXPECT_EQ(claim(), b1);
    ASSERT_TRUE(queue.mark_sent(claimed->delivery_id, RemoteRef{"200", "", ""}, now).ok());
    EXPECT_EQ(claim(), 0) << "A2 went out ahead of A1";
    now += 60'000;
    EXPECT_EQ(claim(), a1);
    ASSERT_TRUE(queue.mark_sent(claimed->delivery_id, RemoteRef{"111", "https://x/111", ""}, now).ok());
    EXPECT_EQ(claim(), a2);
    EXPECT_EQ(claimed->parent.id, "111") << "A2 replies to A1";
}

TEST_F(DeliveryQueueTest, ARetryWaitsForItsTimeAndHoldsItsCaseMeanwhile) {
    const auto c = new_case();
    const auto first = queue_post(c, "one");
    queue_post(c, "two");
    ASSERT_EQ(claim(), first);
    ASSERT_TRUE(queue.mark_retry(claimed->delivery_id, "no answer", now + 2'000, now).ok());
    EXPECT_EQ(claim(), 0) << "neither the retry before its time nor the post behind it";
    auto due = queue.next_due_for("main");
    ASSERT_TRUE(due.ok() && due->has_value());
    EXPECT_EQ(**due, now + 2'000) << "only the lane's head wakes the sender";
    now += 2'000;
    EXPECT_EQ(claim(), first);
    EXPECT_EQ(claimed->attempt, 2);
    EXPECT_FALSE(claimed->outcome_unknown) << "a retry after an answer is not an unknown outcome";
}

TEST_F(DeliveryQueueTest, APermanentFailureDoesNotHoldItsCase) {
    const auto c = new_case();
    const auto first = queue_post(c, "one");
    const auto second = queue_post(c, "two");
    ASSERT_EQ(claim(), first);
    ASSERT_TRUE(queue.mark_failed(claimed->delivery_id, "Mastodon answered 422", now).ok());
    EXPECT_EQ(claim(), second);
    EXPECT_TRUE(claimed->parent.id.empty()) << "nothing of the case went out: no reply target";
    auto unsent = queue.unsent_count("main");
    ASSERT_TRUE(unsent.ok());
    EXPECT_EQ(*unsent, 1) << "the failed one waits for a person, not the sender";
}

TEST_F(DeliveryQueueTest, ADeliveryLeftSendingIsAnUnknownOutcomeWithTheSameKeys) {
    const auto post = queue_post(std::nullopt, "one");
    ASSERT_EQ(claim(), post);
    const OutgoingPost first = *claimed;
    // The process dies mid-request: the row stays `sending`. The next engine claims it again.
    DeliveryQueue after_crash{*db};
    auto again = after_crash.claim_next("main", now);
    ASSERT_TRUE(again.ok() && again->has_value());
    EXPECT_TRUE((*again)->outcome_unknown);
    EXPECT_EQ((*again)->attempt, 2);
    EXPECT_EQ((*again)->idempotency_key, first.idempotency_key);
    EXPECT_EQ((*again)->record_key, first.record_key);
    EXPECT_EQ((*again)->record_created_at, first.record_created_at);
}

TEST_F(DeliveryQueueTest, APostInItsUndoWindowIsNotDeliverable) {
    NewPost post;
    post.kind = PostKind::Text;
    post.text = "undo me";
    post.created_at = now;
    post.release_at = now + 10'000;
    ASSERT_TRUE(enqueue_post(*db, post, {"main"}).ok());
    EXPECT_EQ(claim(), 0);
    auto release = queue.next_release();
    ASSERT_TRUE(release.ok() && release->has_value());
    EXPECT_EQ(**release, now + 10'000);
    now += 10'000;
    auto released = queue.release_due(now);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(*released, 1);
    EXPECT_NE(claim(), 0);
}

}  // namespace
}  // namespace orlive::testing
