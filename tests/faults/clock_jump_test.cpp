// Clock jumps: NTP correcting the wall clock by hours, forwards and backwards, in the middle of
// a case. Posts keep their thread order (the outbox orders by id, never by time), and an undo
// window never stretches into hours: a post is released no later than its window promised.
// Runs the app's own core (Session, ManualClock), no window.
#include <string>

#include "core/store/outbox.h"
#include "core/session/session.h"
#include "test_support.h"

namespace orlive {
namespace {

constexpr TimeMs kHour = 3'600'000;

class ClockJump : public ::testing::Test {
protected:
    void SetUp() override {
        auto db = Database::open_in(dir_.path());
        ASSERT_TRUE(db.ok()) << db.error().message;
        std::vector<TemplateProblem> problems;
        TemplateCatalog catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
        auto filter = load_phi_filter(testing::source_assets());
        ASSERT_TRUE(filter.ok()) << filter.error().message;
        Settings settings;  // undo window 10 s, no accounts: the local feed
        session_ = std::make_unique<Session>(std::move(db.value()), std::move(catalog), std::move(filter.value()),
                                             settings, clock_);
        ASSERT_TRUE(session_->start_case("lap-chole", Consent::Deidentified, "").ok);
        db_ = std::move(Database::open_in(dir_.path()).value());  // a second connection, as orlivectl
    }

    std::int64_t tap(const std::string& milestone) {
        PostRequest request;
        request.milestone_id = milestone;
        Feedback feedback = session_->post(request);
        EXPECT_TRUE(feedback.ok) << feedback.message;
        return session_->snapshot().feed.front().post.id;
    }
    PostState state_of(std::int64_t id) { return find_post(*db_, id)->value().state; }
    std::vector<std::string> milestones(bool newest_first) {
        PostQuery query;
        query.case_id = session_->snapshot().active->id;
        query.newest_first = newest_first;
        auto posts = list_posts(*db_, query);  // kept: value() refers into it
        EXPECT_TRUE(posts.ok());
        std::vector<std::string> ids;
        for (const PostRecord& post : posts.value()) ids.push_back(post.milestone_id);
        return ids;
    }

    testing::TempDir dir_;
    ManualClock clock_{1'800'000'000'000};
    std::unique_ptr<Session> session_;
    std::unique_ptr<Database> db_;
};

TEST_F(ClockJump, BackwardsByHoursKeepsThreadOrderInFeedAndQueue) {
    tap("anaesthesia");
    clock_.advance_ms(60'000);
    session_->tick();
    tap("time-out");
    clock_.advance_ms(60'000);
    session_->tick();
    clock_.advance_ms(-3 * kHour);  // NTP: the device clock was three hours fast
    tap("pneumoperitoneum");        // created "before" the two above
    clock_.advance_ms(30'000);
    session_->tick();
    tap("ports-placed");

    const std::vector<std::string> thread = {"anaesthesia", "time-out", "pneumoperitoneum", "ports-placed"};
    EXPECT_EQ(milestones(false), thread) << "the queue (oldest first) is the thread's order";
    std::vector<std::string> newest_first(thread.rbegin(), thread.rend());
    EXPECT_EQ(milestones(true), newest_first) << "the case feed (newest first)";
    const SessionSnapshot& snapshot = session_->snapshot();
    ASSERT_EQ(snapshot.feed.size(), 4u);
    EXPECT_EQ(snapshot.feed.front().post.milestone_id, "ports-placed") << "the screen's feed";
    EXPECT_EQ(snapshot.active->done_count, 4);
    // Four of the procedure's ten are done, so one is next: assert it is there, not only when.
    const MilestoneView* next = nullptr;
    for (const MilestoneView& m : snapshot.active->milestones) {
        if (m.next) next = &m;
    }
    ASSERT_NE(next, nullptr) << "no milestone is marked next";
    EXPECT_EQ(next->id, "critical-view") << "the next expected milestone follows the thread";
}

TEST_F(ClockJump, BackwardsByHoursDoesNotHoldAPendingPostForHours) {
    std::int64_t before = tap("time-out");  // its undo window ends 10 s from now
    clock_.advance_ms(5'000);
    clock_.advance_ms(-3 * kHour);
    // Without care its window would now end in three hours: the post would sit unsent, with an
    // UNDO bar counting down hours, while later taps went out ahead of it.
    session_->tick();
    EXPECT_EQ(state_of(before), PostState::Queued) << "released at the first tick after the jump";
    EXPECT_FALSE(undo_post(*db_, before, clock_.now_ms()).ok()) << "past its window, not hours inside it";
    EXPECT_FALSE(session_->snapshot().undoable) << "no UNDO bar counting down hours";

    std::int64_t after = tap("pneumoperitoneum");  // a tap after the jump gets its full window
    EXPECT_EQ(state_of(after), PostState::Pending);
    clock_.advance_ms(5'000);
    session_->tick();
    EXPECT_EQ(state_of(after), PostState::Pending) << "still inside its own 10 s";
    EXPECT_TRUE(undo_post(*db_, after, clock_.now_ms()).ok());
}

TEST_F(ClockJump, BackwardsByLessThanTheLongestWindowOnlyLengthensItByTheJump) {
    std::int64_t id = tap("time-out");
    clock_.advance_ms(-60'000);  // a one-minute correction
    session_->tick();
    EXPECT_EQ(state_of(id), PostState::Pending) << "a small correction is indistinguishable from time";
    clock_.advance_ms(60'000 + 10'000);
    session_->tick();
    EXPECT_EQ(state_of(id), PostState::Queued);
}

TEST_F(ClockJump, ForwardsByHoursEndsOpenWindowsAndKeepsOrder) {
    std::int64_t first = tap("anaesthesia");
    clock_.advance_ms(2'000);
    std::int64_t second = tap("time-out");
    clock_.advance_ms(3 * kHour);  // NTP: the device clock was three hours slow
    EXPECT_FALSE(undo_post(*db_, second, clock_.now_ms()).ok()) << "its window is over on the new clock";
    session_->tick();
    EXPECT_EQ(state_of(first), PostState::Queued);
    EXPECT_EQ(state_of(second), PostState::Queued);
    tap("pneumoperitoneum");
    EXPECT_EQ(milestones(false), (std::vector<std::string>{"anaesthesia", "time-out", "pneumoperitoneum"}));
    EXPECT_TRUE(session_->snapshot().undoable) << "a tap after the jump has its window";
}

}  // namespace
}  // namespace orlive
