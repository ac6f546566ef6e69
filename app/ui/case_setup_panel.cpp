#include <algorithm>
#include <string>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

constexpr std::size_t kMaxReleaseDigits = 8;

void draw_procedure_tiles(const SessionSnapshot& snapshot, CaseSetupState& state, const Fonts& fonts, float height) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::clamp(static_cast<int>(width / (ImGui::GetFontSize() * 13.0f)), 1, 4);
    const float tile_width = (width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const int rows = std::max(1, (static_cast<int>(snapshot.procedures.size()) + columns - 1) / columns);
    const float tile_height =
        std::clamp((height - spacing * static_cast<float>(rows - 1)) / static_cast<float>(rows), touch_height(),
                   ImGui::GetFontSize() * 5.0f);
    ImGui::BeginChild("procedures", ImVec2(0, height), false);
    int index = 0;
    for (const ProcedureChoice& choice : snapshot.procedures) {
        if (index++ % columns != 0) ImGui::SameLine();
        const bool picked = choice.id == state.procedure_id;
        TileStyle style = picked ? TileStyle{colors::kNext, colors::kNextBorder, colors::kText}
                                 : TileStyle{colors::kTile, 0, colors::kText};
        std::string id = "##procedure-" + choice.id;
        if (tile(id.c_str(), ImVec2(tile_width, tile_height), style, choice.specialty, choice.name,
                 std::to_string(choice.milestone_count) + " milestones", fonts.bold)) {
            state.procedure_id = choice.id;
        }
    }
    ImGui::EndChild();
}

void draw_consent_choice(CaseSetupState& state, const Fonts& fonts) {
    struct Option {
        Consent consent;
        const char* label;
    };
    const Option options[] = {{Consent::None, "No consent\n(template text only)"},
                              {Consent::Deidentified, "De-identified\n(redacted notes)"},
                              {Consent::Full, "Full consent\n(release on file)"}};
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - 2 * spacing) / 3.0f;
    ImGui::PushFont(fonts.bold);
    for (const Option& option : options) {
        if (option.consent != Consent::None) ImGui::SameLine();
        const bool selected = state.consent == option.consent;
        if (big_button(option.label, ImVec2(width, touch_height() * 1.3f), selected ? colors::kInfo : colors::kPanel,
                       colors::kText))
            state.consent = option.consent;
    }
    ImGui::PopFont();
}

// The release reference is a form number: digits on an on-screen keypad, no keyboard needed.
void draw_release_keypad(CaseSetupState& state, const Fonts& fonts) {
    ImGui::PushFont(fonts.large);
    std::string shown = "Release form: REL-" + (state.release_digits.empty() ? std::string("____") : state.release_digits);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopFont();
    const float key = touch_height();
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "Del"};
    for (int i = 0; i < 11; ++i) {
        if (i > 0) ImGui::SameLine();
        if (big_button(keys[i], ImVec2(i == 10 ? key * 1.6f : key, key), colors::kTile, colors::kText)) {
            if (i == 10) {
                if (!state.release_digits.empty()) state.release_digits.pop_back();
            } else if (state.release_digits.size() < kMaxReleaseDigits) {
                state.release_digits += keys[i];
            }
        }
    }
}

}  // namespace

void draw_case_setup(const SessionSnapshot& snapshot, CoordinatorState& coordinator, const Fonts& fonts,
                     std::vector<Action>& actions) {
    CaseSetupState& state = coordinator.setup;
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Start a case: pick the procedure");
    ImGui::PopFont();
    if (snapshot.procedures.empty()) {
        wrapped_text("No procedure templates were found. Ask IT to check 'orlivectl templates list'.",
                     colors::kDangerText);
        return;
    }
    const bool full = state.consent == Consent::Full;
    const float below = touch_height() * (full ? 4.6f : 3.3f) + ImGui::GetFontSize() * (full ? 4.0f : 2.0f);
    draw_procedure_tiles(snapshot, state, fonts, std::max(touch_height(), ImGui::GetContentRegionAvail().y - below));

    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted("Consent on file for this case");
    ImGui::PopFont();
    draw_consent_choice(state, fonts);
    if (full) draw_release_keypad(state, fonts);

    const bool ready = !state.procedure_id.empty() && (!full || !state.release_digits.empty());
    const float width = ImGui::GetFontSize() * 12;
    // Crisis updates need no case.
    if (big_button("Hospital status", ImVec2(ImGui::GetFontSize() * 9, touch_height()), colors::kPanel, colors::kText))
        coordinator.panel = CoordinatorPanel::HospitalStatus;
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - width + ImGui::GetStyle().WindowPadding.x);
    ImGui::PushFont(fonts.large);
    if (big_button("Start case", ImVec2(width, touch_height()), colors::kNext, colors::kText, ready)) {
        actions.push_back(StartCase{state.procedure_id, state.consent, full ? "REL-" + state.release_digits : ""});
    }
    ImGui::PopFont();
}

}  // namespace orlive::ui
