#include "core/store/outbox.h"

#include <SQLiteCpp/Database.h>

#include "core/store/case_store.h"
#include "test_support.h"

namespace orlive {
namespace {

class OutboxTest : public testing::DatabaseTest {
protected:
    NewPost pending_post(TimeMs now, TimeMs undo_ms) {
        NewPost post;
        post.text = "Incision made. #SurgEd";
        post.milestone_id = "incision";
        post.state = PostState::Pending;
        post.created_at = now;
        post.release_at = now + undo_ms;
        return post;
    }
};

TEST_F(OutboxTest, WritesOneDeliveryRowPerAccount) {
    auto id = enqueue_post(*db, pending_post(1000, 10000), {"main", "sky", "team"});
    ASSERT_TRUE(id.ok()) << id.error().message;
    auto post = find_post(*db, *id);
    ASSERT_TRUE(post.ok() && post->has_value());
    ASSERT_EQ((*post)->deliveries.size(), 3u);
    for (const auto& d : (*post)->deliveries) EXPECT_EQ(d.state, "pending");
}

TEST_F(OutboxTest, UndoWorksOnlyInsideTheWindow) {
    auto first = enqueue_post(*db, pending_post(1000, 10000), {"main"});
    auto second = enqueue_post(*db, pending_post(1000, 10000), {"main"});
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_TRUE(undo_post(*db, *first, 5000).ok());
    auto late = undo_post(*db, *second, 11000);
    ASSERT_FALSE(late.ok());
    EXPECT_NE(late.error().message.find("past its undo window"), std::string::npos);
    auto undone = find_post(*db, *first);
    EXPECT_EQ((*undone)->state, PostState::Cancelled);
    EXPECT_EQ((*undone)->deliveries[0].state, "cancelled");
    EXPECT_FALSE(undo_post(*db, 999, 0).ok());
}

TEST_F(OutboxTest, ReleaseQueuesPostsWhoseWindowEnded) {
    auto early = enqueue_post(*db, pending_post(1000, 5000), {"main"});
    auto later = enqueue_post(*db, pending_post(1000, 20000), {"main"});
    auto released = release_due_posts(*db, 6000);
    ASSERT_TRUE(released.ok());
    EXPECT_EQ(*released, 1);
    EXPECT_EQ((*find_post(*db, *early))->state, PostState::Queued);
    EXPECT_EQ((*find_post(*db, *early))->deliveries[0].state, "queued");
    EXPECT_EQ((*find_post(*db, *later))->state, PostState::Pending);
    EXPECT_EQ(**next_release_at(*db), 21000);
    auto stats = queue_stats(*db);
    EXPECT_EQ(stats->pending, 1);
    EXPECT_EQ(stats->unsent, 1);
}

TEST_F(OutboxTest, HeldPostsAreApprovedOrDiscarded) {
    NewPost held = pending_post(1000, 0);
    held.state = PostState::Held;
    auto a = enqueue_post(*db, held, {"main"});
    auto b = enqueue_post(*db, held, {"main"});
    EXPECT_TRUE(approve_held_post(*db, *a, 2000, 0).ok());
    EXPECT_EQ((*find_post(*db, *a))->state, PostState::Queued);
    EXPECT_FALSE(approve_held_post(*db, *a, 2000, 0).ok()) << "approving twice must fail";
    EXPECT_TRUE(discard_post(*db, *b, 2000).ok());
    EXPECT_EQ((*find_post(*db, *b))->state, PostState::Cancelled);
}

TEST_F(OutboxTest, ListsNewestFirstAndPages) {
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(enqueue_post(*db, pending_post(i, 0), {}).ok());
    PostQuery query;
    query.limit = 2;
    auto page = list_posts(*db, query);
    ASSERT_EQ(page->size(), 2u);
    EXPECT_EQ((*page)[0].id, 5);
    query.offset = 4;
    EXPECT_EQ(list_posts(*db, query)->size(), 1u);
}

}  // namespace
}  // namespace orlive

namespace orlive {
namespace {

TEST_F(OutboxTest, NothingDueTakesNoWriteLock) {
    ASSERT_TRUE(enqueue_post(*db, pending_post(1000, 60000), {"main"}).ok());
    // Another process (the sync daemon, orlivectl) holds the write lock.
    auto other = Database::open_in(dir.path());
    ASSERT_TRUE(other.ok());
    (*other)->sql().exec("BEGIN IMMEDIATE");
    db->sql().setBusyTimeout(0);
    auto released = release_due_posts(*db, 2000);
    ASSERT_TRUE(released.ok()) << released.error().message;
    EXPECT_EQ(*released, 0);
    (*other)->sql().exec("ROLLBACK");
}

}  // namespace
}  // namespace orlive
