// SnapshotBuilder: what the screens get from the database. The UNDO and review bars cover
// posts of no case (hospital status during a case), milestones are marked done and next,
// and a read that fails is reported instead of leaving an empty screen with no reason.
#include "core/session/snapshot_builder.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/compose/post_pipeline.h"
#include "core/session/session.h"
#include "core/store/case_store.h"
#include "core/store/retention.h"
#include "core/store/outbox.h"
#include "core/store/question_store.h"
#include "test_support.h"

namespace orlive {
namespace {

class SnapshotBuilderTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::vector<TemplateProblem> problems;
        catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
        ASSERT_TRUE(problems.empty());
        CaseStart start;
        start.procedure_id = "lap-chole";
        ASSERT_TRUE(start_case(*db, start, now - 600'000).ok());
    }
    std::int64_t add_post(PostKind kind, const std::string& milestone, PostState state,
                          std::optional<std::int64_t> case_id) {
        NewPost post;
        post.case_id = case_id;
        post.kind = kind;
        post.milestone_id = milestone;
        post.text = milestone + " text";
        post.state = state;
        post.created_at = now - 1'000;
        post.release_at = state == PostState::Pending ? now + 9'000 : now - 1'000;
        auto id = enqueue_post(*db, post, {});
        EXPECT_TRUE(id.ok()) << id.error().message;
        return id.ok() ? *id : 0;
    }
    std::int64_t case_id() { return active_case(*db)->value().id; }
    SessionSnapshot build() {
        SnapshotContext context;
        context.now = now;
        return SnapshotBuilder(*db, catalog, settings).build(context);
    }

    std::unique_ptr<Database> db = testing::memory_database();
    TemplateCatalog catalog;
    Settings settings;
    TimeMs now = 1'800'000'000'000;
};

TEST_F(SnapshotBuilderTest, AHospitalStatusPostDuringACaseGetsTheUndoBar) {
    const auto status = add_post(PostKind::HospitalStatus, "bed-capacity", PostState::Pending, std::nullopt);
    const SessionSnapshot snapshot = build();
    ASSERT_TRUE(snapshot.active) << "control: a case is active";
    ASSERT_TRUE(snapshot.undoable) << "no UNDO bar for a status post made during a case";
    EXPECT_EQ(snapshot.undoable->post.id, status);
    EXPECT_NE(snapshot.undoable->title, "Update") << "titled by the status update's label";
}

TEST_F(SnapshotBuilderTest, AHeldHospitalStatusPostDuringACaseGetsTheReviewBar) {
    add_post(PostKind::Milestone, "time-out", PostState::Queued, case_id());
    const auto status = add_post(PostKind::HospitalStatus, "bed-capacity", PostState::Held, std::nullopt);
    const SessionSnapshot snapshot = build();
    ASSERT_TRUE(snapshot.held) << "no review bar for a held status post made during a case";
    EXPECT_EQ(snapshot.held->post.id, status);
}

TEST_F(SnapshotBuilderTest, TheReviewBarShowsTheOldestHeldAndTheUndoBarTheNewestPending) {
    const auto first_held = add_post(PostKind::Text, "", PostState::Held, case_id());
    add_post(PostKind::Text, "", PostState::Held, case_id());
    add_post(PostKind::Milestone, "anaesthesia", PostState::Pending, case_id());
    const auto newest_pending = add_post(PostKind::Milestone, "time-out", PostState::Pending, case_id());
    const SessionSnapshot snapshot = build();
    ASSERT_TRUE(snapshot.held && snapshot.undoable);
    EXPECT_EQ(snapshot.held->post.id, first_held);
    EXPECT_EQ(snapshot.undoable->post.id, newest_pending);
}

TEST_F(SnapshotBuilderTest, LiveMilestonePostsMarkTilesDoneAndTheNextOne) {
    add_post(PostKind::Milestone, "anaesthesia", PostState::Queued, case_id());
    add_post(PostKind::Milestone, "time-out", PostState::Cancelled, case_id());  // undone: not done
    const SessionSnapshot snapshot = build();
    ASSERT_TRUE(snapshot.active);
    EXPECT_EQ(snapshot.active->done_count, 1);
    const MilestoneView* next = nullptr;
    for (const MilestoneView& m : snapshot.active->milestones) {
        if (m.next) next = &m;
        if (m.id == "anaesthesia") {
            EXPECT_TRUE(m.done);
        }
        if (m.id == "time-out") {
            EXPECT_FALSE(m.done) << "an undone post does not mark its tile";
        }
    }
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->id, "time-out");
    EXPECT_EQ(snapshot.feed.size(), 2u);
    EXPECT_TRUE(snapshot.read_errors.empty());
}

TEST_F(SnapshotBuilderTest, AFailedReadIsReportedNotSwallowed) {
    add_post(PostKind::Milestone, "anaesthesia", PostState::Queued, case_id());
    ASSERT_TRUE(build().read_errors.empty()) << "control: a healthy database reads cleanly";
    db->sql().exec("DROP TABLE deliveries");  // every read of the outbox now fails
    const SessionSnapshot snapshot = build();
    ASSERT_FALSE(snapshot.read_errors.empty()) << "the feed and queue vanished without a reason";
    EXPECT_NE(snapshot.read_errors.front().find("cannot read"), std::string::npos) << snapshot.read_errors.front();
}

// The whole path a screen uses: a status update posted through the session during a case.
TEST_F(SnapshotBuilderTest, ThroughTheSessionAStatusPostIsUndoable) {
    auto filter = load_phi_filter(testing::source_assets());
    ASSERT_TRUE(filter.ok()) << filter.error().message;
    ManualClock clock{now};
    Session session(std::move(db), std::move(catalog), std::move(filter.value()), settings, clock);
    PostRequest request;
    request.milestone_id = "bed-capacity";
    request.fields = {{"beds_available", "12"}};
    const Feedback feedback = session.post(request);
    ASSERT_TRUE(feedback.ok) << feedback.message;
    const SessionSnapshot& snapshot = session.snapshot();
    ASSERT_TRUE(snapshot.active);
    ASSERT_TRUE(snapshot.undoable) << "the coordinator cannot undo the status post";
    EXPECT_EQ(snapshot.undoable->post.kind, PostKind::HospitalStatus);
}

TEST_F(SnapshotBuilderTest, QuestionsComeNewestFirstWithTheirPostAndABadgeOfTheUnanswered) {
    settings.accounts.resize(1);
    settings.accounts[0].name = "main";
    settings.accounts[0].kind = AccountKind::Mastodon;
    const auto incision = add_post(PostKind::Milestone, "critical-view", PostState::Queued, case_id());
    const auto ask = [&](const std::string& remote_id, const std::string& text, TimeMs at) {
        IncomingQuestion q{case_id(), "main", "mastodon", remote_id, "", "", "sam", text, incision, at};
        EXPECT_TRUE(insert_question(*db, q).ok());
        return list_questions(*db, case_id())->back().id;
    };
    const auto older = ask("1", "How long?", now - 3000);
    const auto hidden = ask("2", "Spam", now - 2000);
    const auto newer = ask("3", "Why CO2?", now - 1000);
    ASSERT_TRUE(hide_question(*db, hidden, now).ok());
    db->sql().exec("UPDATE questions SET state = 'answered' WHERE id = " + std::to_string(older));

    const SessionSnapshot snapshot = build();
    ASSERT_EQ(snapshot.questions.size(), 2u) << "a hidden question is still shown";
    EXPECT_EQ(snapshot.questions[0].id, newer);
    EXPECT_EQ(snapshot.questions[1].id, older);
    EXPECT_TRUE(snapshot.questions[1].answered);
    EXPECT_EQ(snapshot.questions[0].platform, "Mastodon");
    EXPECT_EQ(snapshot.questions[0].replying_to, "Critical view of safety");
    EXPECT_EQ(snapshot.new_questions, 1) << "the badge counts only unanswered, shown questions";
    EXPECT_GE(snapshot.answer_phrases.size(), 3u) << "the procedure's pre-approved answers";
}

TEST_F(SnapshotBuilderTest, AFloodOfRepliesShowsTheNewestHundredAndCountsThemAll) {
    for (int i = 1; i <= 150; ++i) {
        IncomingQuestion q{case_id(), "main", "mastodon", std::to_string(i), "", "", "f", "Q" + std::to_string(i), {}, now};
        ASSERT_TRUE(insert_question(*db, q).ok());
    }
    const SessionSnapshot snapshot = build();
    ASSERT_EQ(snapshot.questions.size(), 100u);
    EXPECT_EQ(snapshot.questions.front().text, "Q150");
    EXPECT_EQ(snapshot.questions.back().text, "Q51");
    EXPECT_EQ(snapshot.new_questions, 150);
    db->sql().exec("UPDATE cases SET consent = 'none', withdrawn_at = 1");
    EXPECT_EQ(build().new_questions, 0) << "a withdrawn case's questions wait for no answer";
}

TEST_F(SnapshotBuilderTest, AdminListsEveryAccountWithTheDeliverersState) {
    settings.accounts.resize(2);
    settings.accounts[0].name = "main";
    settings.accounts[0].kind = AccountKind::Mastodon;
    settings.accounts[1].name = "fb";
    settings.accounts[1].kind = AccountKind::Facebook;
    SnapshotContext context;
    context.now = now;
    context.account_health = {{"fb", "", AccountStateView::State::NeedsSignIn, "Facebook answered 190: token expired"},
                              {"gone", "", AccountStateView::State::Online, ""}};
    const SessionSnapshot snapshot = SnapshotBuilder(*db, catalog, settings).build(context);
    ASSERT_EQ(snapshot.account_states.size(), 2u) << "an account the settings no longer have is listed";
    EXPECT_EQ(snapshot.account_states[0].name, "main");
    EXPECT_EQ(snapshot.account_states[0].state, AccountStateView::State::NotChecked);
    EXPECT_EQ(snapshot.account_states[1].platform, "Facebook Page");
    EXPECT_EQ(snapshot.account_states[1].state, AccountStateView::State::NeedsSignIn);
    EXPECT_EQ(snapshot.account_states[1].problem, "Facebook answered 190: token expired");
}

// The kiosk alone (no orlivectl, no sync service) still forgets a case's patient and its
// followers' words a day after it ends.
TEST_F(SnapshotBuilderTest, TheSessionErasesACasesDataADayAfterItEnds) {
    IncomingQuestion q{case_id(), "main", "mastodon", "1", "", "", "sam", "Is that Maria Lopez?", {}, now};
    ASSERT_TRUE(insert_question(*db, q).ok());
    db->sql().exec("UPDATE cases SET patient_json = '{\"names\":[\"Maria Lopez\"]}'");
    ASSERT_TRUE(end_active_case(*db, now).ok());
    auto filter = load_phi_filter(testing::source_assets());
    ASSERT_TRUE(filter.ok()) << filter.error().message;
    Database& raw = *db;
    ManualClock clock{now};
    Session session(std::move(db), std::move(catalog), std::move(filter.value()), settings, clock);
    session.tick();
    EXPECT_EQ(session.snapshot().questions.size(), 1u) << "control: kept while the case is fresh";
    clock.advance_ms(kPatientDetailsKeptMs);
    session.tick();
    EXPECT_TRUE(session.snapshot().questions.empty()) << "the follower's words outlived the case's day";
    SQLite::Statement left(raw.sql(), "SELECT (SELECT count(*) FROM questions WHERE text <> ''), "
                                      "(SELECT count(*) FROM cases WHERE patient_json <> '{}')");
    ASSERT_TRUE(left.executeStep());
    EXPECT_EQ(left.getColumn(0).getInt(), 0);
    EXPECT_EQ(left.getColumn(1).getInt(), 0);
}

// IT adds an account from a terminal while the first-run wizard is still open on the kiosk:
// finishing the wizard must not write the settings file back without it.
TEST_F(SnapshotBuilderTest, FinishingTheWizardKeepsAnAccountAddedMeanwhile) {
    testing::TempDir dir;
    const auto file = dir.path() / "config.json";
    auto filter = load_phi_filter(testing::source_assets());
    ASSERT_TRUE(filter.ok()) << filter.error().message;
    ManualClock clock{now};
    Session session(std::move(db), std::move(catalog), std::move(filter.value()), settings, clock);
    session.set_settings_file(file, true);
    Settings added;
    added.accounts.resize(1);
    added.accounts[0].name = "main";
    added.accounts[0].kind = AccountKind::Mastodon;
    added.accounts[0].base_url = "https://social.example";
    added.accounts[0].access_token = "t";
    ASSERT_TRUE(save_settings(added, file).ok());

    Settings chosen;
    chosen.hospital_name = "Riverside General";
    const Feedback saved = session.complete_first_run(chosen);
    ASSERT_TRUE(saved.ok) << saved.message;
    auto reloaded = load_settings(file, false);
    ASSERT_TRUE(reloaded.ok()) << reloaded.error().message;
    EXPECT_EQ(reloaded->hospital_name, "Riverside General");
    ASSERT_EQ(reloaded->accounts.size(), 1u) << "the wizard erased an account added from the terminal";
    EXPECT_EQ(reloaded->accounts[0].name, "main");
}

}  // namespace
}  // namespace orlive
