#include "ui/pin_pad.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

// "main  Mastodon  [Online]", and the platform's words when something is wrong.
// `by_service`: the orlive-sync service delivers; an account it has not reported on says so.
void draw_account_row(const AccountStateView& account, bool by_service) {
    using State = AccountStateView::State;
    struct Look {
        const char* text;
        ImU32 fill;
        ImU32 text_color;
    };
    const Look look = account.state == State::Online      ? Look{"Online", colors::kNext, colors::kText}
                      : account.state == State::Offline   ? Look{"Offline", colors::kWarning, colors::kBackground}
                      : account.state == State::NeedsSignIn ? Look{"Needs re-authorisation", colors::kDanger, colors::kText}
                      : by_service ? Look{"Delivered by orlive-sync", colors::kTile, colors::kText}
                                   : Look{"Not checked yet", colors::kTile, colors::kText};
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s (%s)", account.name.c_str(), account.platform.c_str());
    ImGui::SameLine();
    chip(look.text, look.fill, look.text_color);
    if (!account.problem.empty()) wrapped_text(account.problem, colors::kDangerText);
}

}  // namespace

void draw_settings_screen(const SessionSnapshot& snapshot, UiState& state, const Fonts& fonts,
                          std::vector<Action>& actions) {
    if (!snapshot.admin.unlocked) {
        PinPadView pad{"Admin: enter the PIN", "No admin PIN is set. IT sets it with: orlivectl pin set admin",
                       snapshot.admin.pin_configured, snapshot.admin.failed_attempts, snapshot.admin.locked_until};
        if (auto pin = draw_pin_pad(pad, state.admin_digits, fonts, snapshot.now)) actions.push_back(UnlockAdmin{*pin});
        return;
    }
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Settings");
    ImGui::PopFont();
    ImGui::Text("Hospital: %s", snapshot.hospital_name.empty() ? "(not set)" : snapshot.hospital_name.c_str());
    ImGui::Text("Undo window: %d s", snapshot.undo_seconds);
    ImGui::Spacing();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted("Accounts");
    ImGui::PopFont();
    if (snapshot.accounts.empty()) {
        wrapped_text("None configured: posts stay in the local feed on this device.", colors::kTextDim);
    }
    for (const AccountStateView& account : snapshot.account_states)
        draw_account_row(account, snapshot.delivered_by_service);
    if (snapshot.delivered_by_service) {
        // This app holds no credentials, so a test from here could only fail: say who delivers.
        wrapped_text("Connection: " + snapshot.connectivity, colors::kTextDim);
        wrapped_text("Delivered by the orlive-sync service: this kiosk cannot read the account secrets, by "
                     "design. Test an account with: sudo -u orlive-sync orlivectl account test NAME",
                     colors::kTextDim);
    } else if (!snapshot.accounts.empty()) {
        wrapped_text("Connection: " + snapshot.connectivity, colors::kTextDim);
        // Verifies every account's credentials without posting; each row shows the answer.
        if (big_button("Test every account", ImVec2(ImGui::GetFontSize() * 11, touch_height()), colors::kTile,
                       colors::kText))
            actions.push_back(CheckAccounts{});
    }
    ImGui::Spacing();
    wrapped_text("Settings are read from the config file at start (README, 'Settings file'); IT adds accounts "
                 "with orlivectl account add and restarts ORLive.",
                 colors::kTextDim);
    ImGui::Spacing();
    if (big_button("Quit ORLive", ImVec2(ImGui::GetFontSize() * 10, touch_height()), colors::kDanger, colors::kText))
        actions.push_back(QuitApp{});
}

}  // namespace orlive::ui
