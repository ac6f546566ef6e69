#include <algorithm>

#include <gtest/gtest.h>

#include "screen_harness.h"

namespace orlive::ui {
namespace {

using testing::ScreenHarness;

SessionSnapshot case_in_progress() {
    SessionSnapshot snapshot;
    snapshot.now = 1'800'000'000'000;
    snapshot.connectivity = "Local feed only";
    CaseView view;
    view.id = 1;
    view.procedure_id = "lap-chole";
    view.procedure_name = "Laparoscopic cholecystectomy";
    view.started_at = snapshot.now - 600'000;
    const char* labels[] = {"Anaesthesia induced", "Time-out complete", "Pneumoperitoneum", "Ports placed",
                            "Critical view of safety", "Cystic duct/artery divided", "Gallbladder off liver bed",
                            "Specimen retrieved", "Closure complete", "To recovery"};
    for (int i = 0; i < 10; ++i) {
        MilestoneView m;
        m.id = "m" + std::to_string(i + 1);
        m.label = labels[i];
        m.step = i + 1;
        view.milestones.push_back(m);
    }
    view.milestones[0].done = true;
    view.milestones[0].done_at = snapshot.now - 300'000;
    view.milestones[1].next = true;
    view.done_count = 1;
    snapshot.active = view;
    return snapshot;
}

// Probes a vertical line for the first position whose tap yields an action.
std::optional<std::pair<float, Action>> first_action_down(ScreenHarness& harness, const SessionSnapshot& snapshot,
                                                           float x, float from_y, float to_y) {
    for (float y = from_y; y < to_y; y += 4) {
        auto actions = harness.tap(snapshot, ImVec2(x, y));
        for (const Action& action : actions) {
            if (!std::holds_alternative<ShowScreen>(action)) return std::make_pair(y, action);
        }
    }
    return std::nullopt;
}

TEST(CoordinatorScreen, TappingAMilestoneTileEmitsTapMilestone) {
    ScreenHarness harness;
    SessionSnapshot snapshot = case_in_progress();
    // Column 2 holds milestone 2 (not done): the first tile hit going down must be it.
    auto hit = first_action_down(harness, snapshot, 480, 100, 400);
    ASSERT_TRUE(hit) << "no tile answered a tap";
    auto* tap = std::get_if<TapMilestone>(&hit->second);
    ASSERT_NE(tap, nullptr);
    EXPECT_EQ(tap->milestone_id, "m2");
}

TEST(CoordinatorScreen, MilestoneTilesAreAtLeast64PixelsHighAt1280x800) {
    ScreenHarness harness;
    SessionSnapshot snapshot = case_in_progress();
    auto top = first_action_down(harness, snapshot, 480, 100, 400);
    ASSERT_TRUE(top);
    float bottom = top->first;
    while (bottom < 800) {
        auto actions = harness.tap(snapshot, ImVec2(480, bottom + 4));
        if (actions.empty() || !std::holds_alternative<TapMilestone>(actions[0]) ||
            std::get<TapMilestone>(actions[0]).milestone_id != "m2")
            break;
        bottom += 4;
    }
    EXPECT_GE(bottom - top->first, 64.0f);
}

// Every milestone a tap on the first tile's column posts, probed top to bottom over its rows.
std::vector<std::string> milestones_tapped_in_first_column(const SessionSnapshot& snapshot) {
    ScreenHarness harness;
    std::vector<std::string> tapped;
    for (float y = 130; y < 260; y += 10) {
        for (const Action& action : harness.tap(snapshot, ImVec2(160, y))) {
            if (auto* tap = std::get_if<TapMilestone>(&action)) tapped.push_back(tap->milestone_id);
        }
    }
    return tapped;
}

TEST(CoordinatorScreen, ADoneMilestoneCannotBePostedTwice) {
    // Positive control: while not done, the same probe does hit milestone 1's tile.
    SessionSnapshot not_done = case_in_progress();
    not_done.active->milestones[0].done = false;
    auto control = milestones_tapped_in_first_column(not_done);
    ASSERT_NE(std::find(control.begin(), control.end(), "m1"), control.end()) << "the probe missed milestone 1's tile";

    auto done = milestones_tapped_in_first_column(case_in_progress());
    EXPECT_EQ(std::find(done.begin(), done.end(), "m1"), done.end()) << "a done tile posted again";
}

TEST(CoordinatorScreen, TheUndoBarEmitsUndoForThePendingPost) {
    ScreenHarness harness;
    SessionSnapshot snapshot = case_in_progress();
    PostView pending;
    pending.title = "Time-out complete";
    pending.post.id = 42;
    pending.post.state = PostState::Pending;
    pending.post.text = "Time-out complete. #SurgEd";
    pending.post.created_at = snapshot.now - 3000;
    pending.post.release_at = snapshot.now + 7000;
    snapshot.undoable = pending;
    // The UNDO button sits at the right end of the bottom bar.
    auto hit = first_action_down(harness, snapshot, 1180, 600, 800);
    ASSERT_TRUE(hit) << "no undo button found";
    auto* undo = std::get_if<UndoPost>(&hit->second);
    ASSERT_NE(undo, nullptr);
    EXPECT_EQ(undo->post_id, 42);
}

TEST(CoordinatorScreen, AHeldPostOffersSendAsShownAndDiscard) {
    ScreenHarness harness;
    SessionSnapshot snapshot = case_in_progress();
    PostView held;
    held.post.id = 7;
    held.post.state = PostState::Held;
    held.post.text = "[NAME] doing well";
    held.post.reason = "redacted NAME; review before it is sent";
    snapshot.held = held;
    auto send = first_action_down(harness, snapshot, 300, 500, 800);
    ASSERT_TRUE(send);
    ASSERT_TRUE(std::holds_alternative<ApproveHeld>(send->second));
    EXPECT_EQ(std::get<ApproveHeld>(send->second).post_id, 7);
    auto discard = first_action_down(harness, snapshot, 1000, 500, 800);
    ASSERT_TRUE(discard);
    EXPECT_TRUE(std::holds_alternative<DiscardHeld>(discard->second));
}

// The review panel: each word a button that redacts it, each redaction a chip; only a general
// name, date or age chip restores (never the patient's own name).
TEST(CoordinatorScreen, ReviewWordsRedactAndOnlyRestorableChipsRestore) {
    ScreenHarness harness;
    SessionSnapshot snapshot = case_in_progress();
    ReviewDraft draft;
    draft.source = "Kelly clamp on, Maria Lopez stable";
    draft.spans = {PhiSpan{0, 5, PhiCategory::Name, "name-list", false},
                   PhiSpan{16, 27, PhiCategory::Name, "patient", true}};
    PostView held;
    held.post.id = 7;
    held.post.state = PostState::Held;
    held.post.text = render_review(draft);
    held.post.reason = "redacted NAME; review before it is sent";
    snapshot.held = held;
    snapshot.held_pieces = review_pieces(draft);
    std::vector<std::size_t> restored;
    std::vector<std::string> redacted;
    for (float y = 120; y < 560; y += 8) {
        for (float x = 20; x < 1260; x += 24) {
            for (const Action& action : harness.tap(snapshot, ImVec2(x, y))) {
                if (auto* r = std::get_if<RestoreRedaction>(&action)) restored.push_back(r->span_index);
                if (auto* w = std::get_if<RedactWord>(&action))
                    redacted.push_back(draft.source.substr(w->start, w->end - w->start));
            }
        }
    }
    ASSERT_FALSE(restored.empty()) << "the Kelly chip restores";
    EXPECT_TRUE(std::all_of(restored.begin(), restored.end(), [](std::size_t k) { return k == 0; }))
        << "the patient's chip must not restore";
    for (const char* word : {"clamp", "on", "stable"})
        EXPECT_NE(std::find(redacted.begin(), redacted.end(), word), redacted.end()) << word;
}

TEST(CaseSetup, PickingAProcedureThenStartEmitsStartCase) {
    ScreenHarness harness;
    SessionSnapshot snapshot;
    snapshot.procedures = {{"lap-chole", "Laparoscopic cholecystectomy", "General surgery", 10},
                           {"tka", "Total knee arthroplasty", "Orthopaedics", 8}};
    // Start sits bottom right and is disabled until a procedure is picked.
    for (float y = 796; y > 560; y -= 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(1150, y)))
            EXPECT_FALSE(std::holds_alternative<StartCase>(action)) << "started without a procedure";
    }
    harness.state.coordinator.setup = CaseSetupState{};  // the probe may have picked a consent level
    for (float y = 100; y < 400 && harness.state.coordinator.setup.procedure_id.empty(); y += 8)
        harness.tap(snapshot, ImVec2(150, y));
    EXPECT_EQ(harness.state.coordinator.setup.procedure_id, "lap-chole");
    std::optional<StartCase> started;
    for (float y = 796; y > 560 && !started; y -= 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(1150, y))) {
            if (auto* start = std::get_if<StartCase>(&action)) started = *start;
        }
    }
    ASSERT_TRUE(started) << "no Start button answered";
    EXPECT_EQ(started->procedure_id, "lap-chole");
    EXPECT_EQ(started->consent, Consent::None);
}

TEST(CaseSetup, FullConsentNeedsAReleaseNumberFromTheKeypad) {
    ScreenHarness harness;
    SessionSnapshot snapshot;
    snapshot.procedures = {{"tka", "Total knee arthroplasty", "Orthopaedics", 8}};
    harness.state.coordinator.setup.procedure_id = "tka";
    harness.state.coordinator.setup.consent = Consent::Full;
    for (float y = 796; y > 400; y -= 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(1150, y)))
            EXPECT_FALSE(std::holds_alternative<StartCase>(action)) << "full consent started without a release";
    }
    harness.state.coordinator.setup.consent = Consent::Full;
    harness.state.coordinator.setup.release_digits = "0142";
    std::optional<StartCase> started;
    for (float y = 796; y > 400 && !started; y -= 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(1150, y))) {
            if (auto* start = std::get_if<StartCase>(&action)) started = *start;
        }
    }
    ASSERT_TRUE(started);
    EXPECT_EQ(started->consent, Consent::Full);
    EXPECT_EQ(started->release_ref, "REL-0142");
}

// A USB barcode scanner types the wristband's MRN and Enter while the Case screen is up; a name
// is typed after tapping its field. Both reach StartCase, and neither is drawn once entered.
TEST(CaseSetup, AScannedMrnAndATypedNameGoIntoStartCase) {
    ScreenHarness harness;
    SessionSnapshot snapshot;
    snapshot.procedures = {{"tka", "Total knee arthroplasty", "Orthopaedics", 8}};
    CaseSetupState& setup = harness.state.coordinator.setup;
    setup.procedure_id = "tka";
    harness.type_and_enter(snapshot, "MRN00482913");
    EXPECT_EQ(setup.patient.mrn, "MRN00482913");
    for (float y = 300; y < 760 && setup.entering == PatientField::None; y += 8) harness.tap(snapshot, ImVec2(200, y));
    ASSERT_EQ(setup.entering, PatientField::Name) << "no patient-name field answered on the left";
    harness.type_and_enter(snapshot, "Ana Okafor");
    EXPECT_EQ(setup.entering, PatientField::None);
    ASSERT_EQ(setup.patient.names, std::vector<std::string>{"Ana Okafor"});
    std::optional<StartCase> started;
    for (float y = 796; y > 400 && !started; y -= 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(1150, y))) {
            if (auto* start = std::get_if<StartCase>(&action)) started = *start;
        }
    }
    ASSERT_TRUE(started);
    EXPECT_EQ(started->patient.mrn, "MRN00482913");
    EXPECT_EQ(started->patient.names, std::vector<std::string>{"Ana Okafor"});
}

TEST(CaseSetup, AnImpossibleDateOfBirthKeepsTheKeyboardUpAndIsNotRepeated) {
    ScreenHarness harness;
    SessionSnapshot snapshot;
    snapshot.procedures = {{"tka", "Total knee arthroplasty", "Orthopaedics", 8}};
    CaseSetupState& setup = harness.state.coordinator.setup;
    setup.entering = PatientField::Dob;
    harness.type_and_enter(snapshot, "02/30/1950");
    EXPECT_EQ(setup.entering, PatientField::Dob);
    EXPECT_TRUE(setup.patient.dob.empty());
    EXPECT_EQ(setup.entry_error.find("02/30"), std::string::npos) << setup.entry_error;
    setup.entry.clear();
    harness.type_and_enter(snapshot, "04/05/1950");
    EXPECT_EQ(setup.entering, PatientField::None);
    EXPECT_EQ(setup.patient.dob, "1950-04-05");
}

std::optional<Screen> tab_hit(ScreenHarness& harness, const SessionSnapshot& snapshot, float x) {
    for (float y = 10; y < 100; y += 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(x, y))) {
            if (auto* show = std::get_if<ShowScreen>(&action)) return show->screen;
        }
    }
    return std::nullopt;
}

TEST(Header, TabsSwitchBetweenCaseQuestionsFeedReviewAndAdmin) {
    ScreenHarness harness;
    SessionSnapshot snapshot = case_in_progress();
    std::vector<Screen> seen;
    for (float x = 700; x < 1280; x += 20) {
        if (auto screen = tab_hit(harness, snapshot, x); screen && (seen.empty() || seen.back() != *screen))
            seen.push_back(*screen);
    }
    EXPECT_EQ(seen, (std::vector<Screen>{Screen::Coordinator, Screen::Questions, Screen::Feed, Screen::Compliance,
                                         Screen::Settings}));
}

}  // namespace
}  // namespace orlive::ui
