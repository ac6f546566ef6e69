#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

void draw_settings_screen(const SessionSnapshot& snapshot, const Fonts& fonts) {
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
    ImGui::Spacing();
    wrapped_text("Settings are read from the config file (see README, 'Settings file'); IT edits them there.",
                 colors::kTextDim);
}

}  // namespace orlive::ui
