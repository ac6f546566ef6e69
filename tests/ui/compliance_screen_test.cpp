#include <gtest/gtest.h>

#include "screen_harness.h"

namespace orlive::ui {
namespace {

using testing::ScreenHarness;

SessionSnapshot locked_snapshot() {
    SessionSnapshot snapshot;
    snapshot.now = 1'800'000'000'000;
    snapshot.compliance.pin_configured = true;
    return snapshot;
}

// Taps the pad column by column (1 4 7 Clear, 2 5 8 0, 3 6 9 Enter), so digits are typed,
// cleared, typed again and finally entered; returns what the screen emitted.
std::vector<Action> tap_everywhere(ScreenHarness& harness, const SessionSnapshot& snapshot) {
    std::vector<Action> all;
    for (float x = 300; x < 1000; x += 48) {
        for (float y = 130; y < 800; y += 24) {
            auto actions = harness.tap(snapshot, ImVec2(x, y));
            all.insert(all.end(), actions.begin(), actions.end());
        }
    }
    return all;
}

TEST(ComplianceScreen, TheKeypadEntersAPinAndOnlyEnterSubmitsIt) {
    ScreenHarness harness;
    harness.state.screen = Screen::Compliance;
    SessionSnapshot snapshot = locked_snapshot();
    auto actions = tap_everywhere(harness, snapshot);
    // Every digit key was tapped; Clear was tapped after some; Enter submits what was typed.
    bool submitted = false;
    for (const Action& action : actions) {
        if (auto* unlock = std::get_if<UnlockCompliance>(&action)) {
            submitted = true;
            EXPECT_GE(unlock->pin.size(), 4u);
            EXPECT_EQ(unlock->pin.find_first_not_of("0123456789"), std::string::npos);
        }
        EXPECT_FALSE(std::holds_alternative<SignOffLog>(action) || std::holds_alternative<ExportLog>(action))
            << "a locked screen offered a log action";
    }
    EXPECT_TRUE(submitted);
}

TEST(ComplianceScreen, NoPinConfiguredMeansNoWayIn) {
    ScreenHarness harness;
    harness.state.screen = Screen::Compliance;
    SessionSnapshot snapshot = locked_snapshot();
    snapshot.compliance.pin_configured = false;
    for (const Action& action : tap_everywhere(harness, snapshot))
        EXPECT_FALSE(std::holds_alternative<UnlockCompliance>(action));
}

TEST(ComplianceScreen, UnlockedItSignsOffThroughTheNewestEntry) {
    ScreenHarness harness;
    harness.state.screen = Screen::Compliance;
    SessionSnapshot snapshot = locked_snapshot();
    snapshot.compliance.unlocked = true;
    snapshot.compliance.head_seq = 12;
    snapshot.compliance.verify = VerifyReport{true, 12, 12, "abc", ""};
    std::optional<SignOffLog> signed_off;
    for (float y = 790; y > 500 && !signed_off; y -= 8) {
        for (const Action& action : harness.tap(snapshot, ImVec2(1150, y))) {
            if (auto* sign = std::get_if<SignOffLog>(&action)) signed_off = *sign;
        }
    }
    ASSERT_TRUE(signed_off);
    EXPECT_EQ(signed_off->through_seq, 12);
}

// Withdrawal from the kiosk: Cases, then Withdraw consent on a case, then Confirm. One tap
// alone never withdraws; a case under no consent offers nothing.
TEST(ComplianceScreen, WithdrawingConsentTakesTwoTapsOnTheCase) {
    ScreenHarness harness;
    harness.state.screen = Screen::Compliance;
    SessionSnapshot snapshot = locked_snapshot();
    snapshot.compliance.unlocked = true;
    snapshot.compliance.verify = VerifyReport{true, 12, 12, "abc", ""};
    snapshot.compliance.cases = {{7, "Total knee arthroplasty", "deidentified", snapshot.now - 7'200'000,
                                  snapshot.now - 3'600'000},
                                 {6, "Caesarean section", "none", snapshot.now - 9'000'000, std::nullopt}};
    for (float y = 120; y < 220 && !harness.state.compliance.showing_cases; y += 10) {
        for (float x = 1270; x > 300 && !harness.state.compliance.showing_cases; x -= 20) harness.tap(snapshot, ImVec2(x, y));
    }
    ASSERT_TRUE(harness.state.compliance.showing_cases) << "no Cases button in the top row";
    auto withdrawals = [&] {
        std::vector<WithdrawConsent> found;
        for (float y = 200; y < 500; y += 8) {
            for (float x = 700; x < 1280; x += 40) {
                for (const Action& action : harness.tap(snapshot, ImVec2(x, y))) {
                    if (auto* w = std::get_if<WithdrawConsent>(&action)) found.push_back(*w);
                }
                if (harness.state.compliance.confirm_withdraw != 0) return found;
            }
        }
        return found;
    };
    EXPECT_TRUE(withdrawals().empty()) << "one tap withdrew";
    ASSERT_EQ(harness.state.compliance.confirm_withdraw, 7) << "only the case under consent asks";
    std::vector<WithdrawConsent> confirmed;
    for (float y = 200; y < 500 && confirmed.empty(); y += 8) {
        for (float x = 700; x < 1280 && confirmed.empty(); x += 40) {
            for (const Action& action : harness.tap(snapshot, ImVec2(x, y))) {
                if (auto* w = std::get_if<WithdrawConsent>(&action)) confirmed.push_back(*w);
            }
        }
    }
    ASSERT_EQ(confirmed.size(), 1u);
    EXPECT_EQ(confirmed.front().case_id, 7);
}

}  // namespace
}  // namespace orlive::ui
