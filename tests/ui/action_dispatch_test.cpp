// apply_actions: each action reaches the session as what it means. Posting actions become
// the pipeline's request here, leaving the compliance screen locks it, and "Test connection"
// goes to the sync worker's hook, once. A real Session on a database in memory, no window.
#include "ui/action_dispatch.h"

#include <gtest/gtest.h>

#include "../core/test_support.h"
#include "core/session/session.h"
#include "core/store/outbox.h"

namespace orlive::ui {
namespace {

class ActionDispatch : public ::testing::Test {
protected:
    void SetUp() override {
        std::vector<TemplateProblem> problems;
        TemplateCatalog catalog = TemplateCatalog::load(orlive::testing::source_assets() / "templates", problems);
        auto filter = load_phi_filter(orlive::testing::source_assets());
        ASSERT_TRUE(filter.ok()) << filter.error().message;
        Settings settings;
        settings.compliance_pin = "2468";
        session = std::make_unique<Session>(orlive::testing::memory_database(), std::move(catalog),
                                            std::move(filter.value()), settings, clock);
    }
    void apply(Action action, const DispatchHooks& hooks = {}) {
        apply_actions(*session, state, {std::move(action)}, clock.now_ms(), hooks);
    }
    const SessionSnapshot& snapshot() { return session->snapshot(); }

    ManualClock clock{1'800'000'000'000};
    std::unique_ptr<Session> session;
    UiState state;
};

TEST_F(ActionDispatch, LeavingTheComplianceScreenLocksIt) {
    apply(ShowScreen{Screen::Compliance});
    apply(UnlockCompliance{"2468"});
    ASSERT_TRUE(snapshot().compliance.unlocked) << "control: the right PIN unlocks it";
    apply(ShowScreen{Screen::Compliance});
    EXPECT_TRUE(snapshot().compliance.unlocked) << "staying on the screen keeps it open";
    apply(ShowScreen{Screen::Feed});
    EXPECT_EQ(state.screen, Screen::Feed);
    EXPECT_FALSE(snapshot().compliance.unlocked) << "left the compliance screen and it stayed open";
}

TEST_F(ActionDispatch, ATapBecomesAMilestonePostWithItsNote) {
    apply(StartCase{"lap-chole", Consent::Deidentified, "", {}});
    ASSERT_TRUE(state.feedback.ok) << state.feedback.message;
    apply(TapMilestone{"time-out", "Team briefed"});
    ASSERT_TRUE(state.feedback.ok) << state.feedback.message;
    ASSERT_FALSE(snapshot().feed.empty());
    const PostRecord& post = snapshot().feed.front().post;
    EXPECT_EQ(post.kind, PostKind::Milestone);
    EXPECT_EQ(post.milestone_id, "time-out");
    EXPECT_NE(post.text.find("Team briefed"), std::string::npos) << post.text;
}

TEST_F(ActionDispatch, FreeTextGoesThroughTheFilterAndIsHeld) {
    apply(StartCase{"lap-chole", Consent::Deidentified, "", {}});
    apply(PostFreeText{"Family asked to call 555-201-7788"});
    ASSERT_TRUE(snapshot().held) << state.feedback.message;
    EXPECT_EQ(snapshot().held->post.kind, PostKind::Text);
    EXPECT_EQ(snapshot().held->post.text.find("555-201-7788"), std::string::npos);
}

// The Case screen's patient details reach the filter: the patient's surname in lowercase with
// no title, which only the patient matcher knows for a name, is caught; the form is cleared.
TEST_F(ActionDispatch, ThePatientEnteredOnTheCaseScreenIsProtected) {
    state.coordinator.setup.patient.mrn = "not yet started";
    PatientDetails patient{{"Ana Okafor"}, "00482913", "1950-04-05"};
    apply(StartCase{"lap-chole", Consent::Deidentified, "", patient});
    ASSERT_TRUE(state.feedback.ok) << state.feedback.message;
    EXPECT_TRUE(state.coordinator.setup.patient.mrn.empty()) << "the form keeps the patient after the start";
    apply(PostFreeText{"Update: okafor resting comfortably"});
    ASSERT_TRUE(snapshot().held) << state.feedback.message;
    EXPECT_EQ(snapshot().held->post.text.find("okafor"), std::string::npos) << snapshot().held->post.text;
}

// Withdrawal from the kiosk reaches an ended case, only behind the compliance PIN.
TEST_F(ActionDispatch, WithdrawingConsentOfAnEndedCaseNeedsTheComplianceScreen) {
    apply(StartCase{"lap-chole", Consent::Deidentified, "", {}});
    apply(TapMilestone{"time-out", ""});
    apply(EndCase{});
    ASSERT_TRUE(state.feedback.ok) << state.feedback.message;
    const std::int64_t case_id = *snapshot().feed.front().post.case_id;
    apply(WithdrawConsent{case_id});
    EXPECT_FALSE(state.feedback.ok) << "withdrew while the compliance screen was locked";
    EXPECT_NE(snapshot().feed.front().post.state, PostState::Cancelled);
    apply(ShowScreen{Screen::Compliance});
    apply(UnlockCompliance{"2468"});
    ASSERT_FALSE(snapshot().compliance.cases.empty()) << "the unlocked screen lists the cases";
    EXPECT_EQ(snapshot().compliance.cases.front().id, case_id);
    apply(WithdrawConsent{case_id});
    ASSERT_TRUE(state.feedback.ok) << state.feedback.message;
    EXPECT_EQ(snapshot().feed.front().post.state, PostState::Cancelled);
    EXPECT_EQ(snapshot().compliance.cases.front().consent, "none");
}

TEST_F(ActionDispatch, AStatusUpdateCarriesItsNumbers) {
    apply(PostStatus{"bed-capacity", {{"beds_available", "12"}}});
    ASSERT_TRUE(state.feedback.ok) << state.feedback.message;
    ASSERT_TRUE(snapshot().undoable);
    EXPECT_EQ(snapshot().undoable->post.kind, PostKind::HospitalStatus);
    EXPECT_NE(snapshot().undoable->post.text.find("12 inpatient beds"), std::string::npos)
        << snapshot().undoable->post.text;
}

TEST_F(ActionDispatch, TestConnectionAsksTheWorkerOnce) {
    int asked = 0;
    apply(CheckAccounts{}, DispatchHooks{[&asked] { ++asked; }});
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(state.feedback.ok);
    apply(CheckAccounts{});  // no worker here (a screenshot run): say so, do not pretend
    EXPECT_FALSE(state.feedback.ok);
    EXPECT_EQ(asked, 1);
}

}  // namespace
}  // namespace orlive::ui
