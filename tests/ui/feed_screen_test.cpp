// The feed screen offers Retry and Discard on a post whose delivery failed, and the settings
// screen a "Test connection" — all as actions, no window.
#include <gtest/gtest.h>

#include "screen_harness.h"
#include "ui/feed_state.h"

namespace orlive::ui::testing {
namespace {

SessionSnapshot with_failed_post() {
    SessionSnapshot snapshot;
    snapshot.now = 1'760'000'000'000;
    snapshot.connectivity = "Online";
    snapshot.accounts = {"main (Mastodon)"};
    PostView view;
    view.title = "Incision";
    view.post.id = 42;
    view.post.state = PostState::Queued;
    view.post.text = "Incision made.";
    view.post.created_at = snapshot.now - 60'000;
    DeliveryRecord failed;
    failed.account = "main";
    failed.state = "failed";
    failed.last_error = "Mastodon answered 422: Validation failed: Text can't be blank";
    view.post.deliveries.push_back(failed);
    snapshot.feed.push_back(view);
    return snapshot;
}

// Every action a tap anywhere on a coarse grid produces.
template <typename T>
std::vector<T> tapped(ScreenHarness& harness, const SessionSnapshot& snapshot) {
    std::vector<T> found;
    for (float y = 100; y < 800; y += 16) {
        for (float x = 40; x < 1280; x += 80) {
            for (const Action& action : harness.tap(snapshot, ImVec2(x, y))) {
                if (auto* hit = std::get_if<T>(&action)) found.push_back(*hit);
            }
        }
    }
    return found;
}

// After a withdrawal the Feed says how far the deletion on the platforms has got, on every
// post that went out, not "Sent" or "Cancelled".
TEST(FeedScreen, AWithdrawnPostShowsItsDeletionState) {
    SessionSnapshot snapshot = with_failed_post();
    PostRecord post = snapshot.feed[0].post;
    post.state = PostState::Cancelled;
    post.reason = "consent withdrawn";
    post.deliveries[0].state = "sent";
    post.deliveries[0].deletion = "pending";
    DeliveryRecord second = post.deliveries[0];
    second.account = "bsky";
    second.deletion = "deleted";
    post.deliveries.push_back(second);
    EXPECT_EQ(delivery_chip(post, snapshot.now).text, "Withdrawn: deleting, 1 of 2 done");
    post.deliveries[0].deletion = "failed";
    EXPECT_EQ(delivery_chip(post, snapshot.now).text, "Withdrawn: deleting failed on 1 of 2");
    post.deliveries[0].deletion = "deleted";
    EXPECT_EQ(delivery_chip(post, snapshot.now).text, "Withdrawn: deleted from main, bsky");
    post.deliveries[0].deletion.clear();
    post.deliveries[1].deletion.clear();
    EXPECT_EQ(delivery_chip(post, snapshot.now).text, "Cancelled: consent withdrawn") << "control: no deletion asked";
}

TEST(FeedScreen, AFailedDeliveryOffersRetryAndDiscard) {
    ScreenHarness harness;
    harness.state.screen = Screen::Feed;
    auto snapshot = with_failed_post();
    auto retries = tapped<RetryDelivery>(harness, snapshot);
    ASSERT_FALSE(retries.empty()) << "no Retry button answered a tap";
    EXPECT_EQ(retries.front().post_id, 42);
    auto discards = tapped<DiscardDelivery>(harness, snapshot);
    ASSERT_FALSE(discards.empty()) << "no Discard button answered a tap";
    EXPECT_EQ(discards.front().post_id, 42);
}

TEST(FeedScreen, ASentPostOffersNeither) {
    ScreenHarness harness;
    harness.state.screen = Screen::Feed;
    auto snapshot = with_failed_post();
    snapshot.feed[0].post.deliveries[0].state = "sent";
    EXPECT_TRUE(tapped<RetryDelivery>(harness, snapshot).empty()) << "a sent post offers Retry";
    EXPECT_TRUE(tapped<DiscardDelivery>(harness, snapshot).empty()) << "a sent post offers Discard";
}

TEST(FeedScreen, AFailedDeletionOffersRetryDeletionOnlyThen) {
    ScreenHarness harness;
    harness.state.screen = Screen::Feed;
    auto snapshot = with_failed_post();
    PostRecord& post = snapshot.feed[0].post;
    post.state = PostState::Cancelled;
    post.deliveries[0].state = "sent";
    post.deliveries[0].deletion = "pending";
    EXPECT_TRUE(tapped<RetryDeletion>(harness, snapshot).empty()) << "a deletion under way offers Retry";
    post.deliveries[0].deletion = "failed";
    post.deliveries[0].deletion_error = "Mastodon answered 401: The access token is invalid";
    auto retries = tapped<RetryDeletion>(harness, snapshot);
    ASSERT_FALSE(retries.empty()) << "no Retry deletion button answered a tap";
    EXPECT_EQ(retries.front().post_id, 42);
    EXPECT_TRUE(tapped<RetryDelivery>(harness, snapshot).empty()) << "a withdrawn post offered to send again";
}

TEST(SettingsScreen, TestConnectionIsAnAction) {
    ScreenHarness harness;
    harness.state.screen = Screen::Settings;
    auto snapshot = with_failed_post();
    snapshot.admin.unlocked = true;  // settings sit behind the admin PIN
    EXPECT_FALSE(tapped<CheckAccounts>(harness, snapshot).empty());
}

}  // namespace
}  // namespace orlive::ui::testing
