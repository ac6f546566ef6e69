#include <algorithm>
#include <cctype>
#include <string>

#include "ui/on_screen_keyboard.h"
#include "ui/patient_fields.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

constexpr std::size_t kMaxReleaseDigits = 8;

std::string lower_ascii(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool matches(const ProcedureChoice& choice, const std::string& search) {
    if (search.empty()) return true;
    const std::string needle = lower_ascii(search);
    return lower_ascii(choice.name).find(needle) != std::string::npos ||
           lower_ascii(choice.specialty).find(needle) != std::string::npos;
}

void draw_procedure_tiles(const SessionSnapshot& snapshot, CaseSetupState& state, const Fonts& fonts, float height) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::clamp(static_cast<int>(width / (ImGui::GetFontSize() * 13.0f)), 1, 4);
    const float tile_width = (width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int shown = 0;
    for (const ProcedureChoice& choice : snapshot.procedures) shown += matches(choice, state.search);
    const int rows = std::max(1, (shown + columns - 1) / columns);
    const float tile_height =
        std::clamp((height - spacing * static_cast<float>(rows - 1)) / static_cast<float>(rows), touch_height(),
                   ImGui::GetFontSize() * 5.0f);
    ImGui::BeginChild("procedures", ImVec2(0, height), false);
    int index = 0;
    for (const ProcedureChoice& choice : snapshot.procedures) {
        if (!matches(choice, state.search)) continue;
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
    if (state.searching) {
        if (draw_on_screen_keyboard(state.search, state.shift, fonts, "Done", "part of the procedure's name") !=
            KeyboardResult::Typing)
            state.searching = false;
        return;
    }
    if (draw_patient_entry(state, fonts)) return;
    take_scanned_mrn(state);
    ImGui::PushFont(fonts.large);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Start a case: pick the procedure");
    ImGui::PopFont();
    // Search by name: the on-screen keyboard filters the tiles.
    const float search_width = ImGui::GetFontSize() * 12;
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - search_width + ImGui::GetStyle().WindowPadding.x);
    std::string search_label = state.search.empty() ? "Search by name" : "Search: " + state.search + "  \u2717";
    if (big_button((search_label + "##search").c_str(), ImVec2(search_width, touch_height() * 0.8f), colors::kPanel,
                   colors::kText)) {
        if (state.search.empty()) state.searching = true;
        else state.search.clear();
    }
    if (snapshot.procedures.empty()) {
        wrapped_text("No procedure templates were found. Ask IT to check 'orlivectl templates list'.",
                     colors::kDangerText);
        return;
    }
    const bool full = state.consent == Consent::Full;
    const float below = touch_height() * (full ? 5.7f : 4.4f) + ImGui::GetFontSize() * (full ? 5.5f : 3.5f);
    draw_procedure_tiles(snapshot, state, fonts, std::max(touch_height(), ImGui::GetContentRegionAvail().y - below));

    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted("The patient, so nothing that names them goes out");
    ImGui::PopFont();
    draw_patient_row(state, fonts);

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
        actions.push_back(
            StartCase{state.procedure_id, state.consent, full ? "REL-" + state.release_digits : "", state.patient});
    }
    ImGui::PopFont();
}

}  // namespace orlive::ui
