#include <gtest/gtest.h>

#include "screen_harness.h"

namespace orlive::ui {
namespace {

using testing::ScreenHarness;

// Taps down a vertical line until the wizard moves to another step or emits something.
std::vector<Action> sweep(ScreenHarness& harness, const SessionSnapshot& snapshot, float x) {
    const WizardState before = harness.state.wizard;
    for (float y = 60; y < 800; y += 12) {
        auto actions = harness.tap(snapshot, ImVec2(x, y));
        const WizardState& now = harness.state.wizard;
        if (!actions.empty() || now.step != before.step || now.dismissed != before.dismissed) return actions;
    }
    return {};
}

TEST(FirstRunWizard, ShowsInsteadOfTheScreensAndLaterDismissesIt) {
    ScreenHarness harness;
    SessionSnapshot snapshot;
    snapshot.first_run = true;
    // "Later" is the left half button on the welcome page.
    sweep(harness, snapshot, 300);
    EXPECT_TRUE(harness.state.wizard.dismissed);
}

TEST(FirstRunWizard, StartSetUpMovesOnAndSaveEmitsTheChosenSettings) {
    ScreenHarness harness;
    SessionSnapshot snapshot;
    snapshot.first_run = true;
    sweep(harness, snapshot, 1000);  // "Start set-up"
    EXPECT_EQ(harness.state.wizard.step, 1);

    WizardState& wizard = harness.state.wizard;
    wizard.step = 6;
    wizard.hospital = "Riverside General";
    wizard.hashtags = "#MedEd SurgEd";
    wizard.undo_seconds = 15;
    wizard.compliance_pin = "2468";
    wizard.admin_pin = "1357";
    std::optional<CompleteFirstRun> saved;
    for (const Action& action : sweep(harness, snapshot, 1000)) {
        if (auto* done = std::get_if<CompleteFirstRun>(&action)) saved = *done;
    }
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->settings.hospital_name, "Riverside General");
    EXPECT_EQ(saved->settings.default_hashtags, (std::vector<std::string>{"MedEd", "SurgEd"}));
    EXPECT_EQ(saved->settings.undo_seconds, 15);
    EXPECT_EQ(saved->settings.compliance_pin, "2468");
    EXPECT_EQ(saved->settings.admin_pin, "1357");
}

}  // namespace
}  // namespace orlive::ui
