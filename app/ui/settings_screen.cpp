#include "ui/pin_pad.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

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
    for (const std::string& account : snapshot.accounts) ImGui::BulletText("%s", account.c_str());
    if (!snapshot.accounts.empty()) {
        wrapped_text("Connection: " + snapshot.connectivity, colors::kTextDim);
        // Verifies credentials without posting; the answer comes back as the connection line.
        if (big_button("Test connection", ImVec2(ImGui::GetFontSize() * 11, touch_height()), colors::kTile,
                       colors::kText))
            actions.push_back(CheckAccounts{});
    }
    ImGui::Spacing();
    wrapped_text("Settings are read from the config file (see README, 'Settings file'); IT edits them there.",
                 colors::kTextDim);
    ImGui::Spacing();
    if (big_button("Quit ORLive", ImVec2(ImGui::GetFontSize() * 10, touch_height()), colors::kDanger, colors::kText))
        actions.push_back(QuitApp{});
}

}  // namespace orlive::ui
