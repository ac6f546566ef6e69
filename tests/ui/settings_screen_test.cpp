// Admin's accounts: a kiosk that cannot read the secrets file offers no credential test (it
// could only fail); the same screen with secrets offers it (the positive control).
#include <gtest/gtest.h>

#include "screen_harness.h"

namespace orlive::ui {
namespace {

using testing::ScreenHarness;

SessionSnapshot admin_with_one_account(bool delivered_by_service) {
    SessionSnapshot snapshot;
    snapshot.now = 1'800'000'000'000;
    snapshot.admin.pin_configured = true;
    snapshot.admin.unlocked = true;
    snapshot.accounts = {"main (Mastodon)"};
    snapshot.platforms = {AccountKind::Mastodon};
    snapshot.account_states = {AccountStateView{"main", "Mastodon"}};
    snapshot.connectivity = "Online";
    snapshot.delivered_by_service = delivered_by_service;
    return snapshot;
}

int check_requests(bool delivered_by_service) {
    ScreenHarness harness;
    harness.state.screen = Screen::Settings;
    const SessionSnapshot snapshot = admin_with_one_account(delivered_by_service);
    int checks = 0;
    for (float x = 20; x < 700; x += 40) {
        for (float y = 60; y < 800; y += 20) {
            for (const Action& action : harness.tap(snapshot, ImVec2(x, y)))
                if (std::holds_alternative<CheckAccounts>(action)) ++checks;
        }
    }
    return checks;
}

TEST(SettingsScreen, OffersTheAccountTestOnlyWhenThisAppHoldsTheSecrets) {
    EXPECT_GT(check_requests(false), 0);  // positive control: the button is there and works
    EXPECT_EQ(check_requests(true), 0);
}

}  // namespace
}  // namespace orlive::ui
