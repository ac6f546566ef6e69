#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/time_format.h"
#include "ui/on_screen_keyboard.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

void draw_milestone_grid(const CaseView& view, CoordinatorState& state, const Fonts& fonts, float height,
                         std::vector<Action>& actions) {
    const int count = static_cast<int>(view.milestones.size());
    if (count == 0) {
        wrapped_text("This procedure's template is missing: check orlivectl templates list.", colors::kDangerText);
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float min_tile_width = ImGui::GetFontSize() * 11.0f;
    int columns = std::clamp(static_cast<int>((width + spacing) / (min_tile_width + spacing)), 1, 4);
    // Portrait screens: fewer, wider tiles fill the height better than a short wide grid.
    if (height > width) columns = std::min(columns, 2);
    int rows = (count + columns - 1) / columns;
    const float tile_width = (width - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float tile_height = std::floor((height - spacing * static_cast<float>(rows - 1)) / static_cast<float>(rows));
    tile_height = std::clamp(tile_height, touch_height(), ImGui::GetFontSize() * 7.0f);
    const float needed = tile_height * static_cast<float>(rows) + spacing * static_cast<float>(rows - 1);
    // Scroll only when the procedure really does not fit (small screens, long procedures).
    const ImGuiWindowFlags flags = needed <= height + 1.0f ? ImGuiWindowFlags_NoScrollbar : 0;

    ImGui::BeginChild("milestones", ImVec2(0, height), false, flags);
    for (int i = 0; i < count; ++i) {
        const MilestoneView& m = view.milestones[static_cast<std::size_t>(i)];
        if (i % columns != 0) ImGui::SameLine();
        TileStyle style{colors::kTile, 0, colors::kText};
        std::string footer;
        if (m.done) {
            style = {colors::kDone, colors::kTile, colors::kTextDim};
            footer = "\u2713 " + format_local_hhmm(m.done_at);
        } else if (m.next) {
            style = {colors::kNext, colors::kNextBorder, colors::kText};
            footer = "NEXT";
        }
        std::string id = "##milestone-" + m.id;
        const ImVec2 tile_origin = ImGui::GetCursorScreenPos();
        if (tile(id.c_str(), ImVec2(tile_width, tile_height), style, std::to_string(m.step), m.label, footer,
                 fonts.large, !m.done, fonts.bold)) {
            actions.push_back(TapMilestone{m.id, ""});
        }
        // "+ Note": the same post with a pre-approved phrase, picked without typing.
        if (!m.done && !m.notes.empty() && tile_height >= touch_height() * 1.6f) {
            const float note_height = std::min(touch_height(), tile_height * 0.45f);
            ImGui::SetCursorScreenPos(ImVec2(tile_origin.x, tile_origin.y + tile_height - note_height));
            std::string note_id = "+ Note##" + m.id;
            if (big_button(note_id.c_str(), ImVec2(ImGui::GetFontSize() * 5, note_height), 0, colors::kText)) {
                state.panel = CoordinatorPanel::NotePicker;
                state.note_milestone = m.id;
            }
            // End the row item at the tile's right edge, so the grid continues as before.
            ImGui::SetCursorScreenPos(ImVec2(tile_origin.x + tile_width, tile_origin.y));
            ImGui::Dummy(ImVec2(0, tile_height));
        }
    }
    ImGui::EndChild();
}

// A gentle reminder: families and followers expect regular updates.
void draw_overdue_banner(const SessionSnapshot& snapshot) {
    const CaseView& view = *snapshot.active;
    const TimeMs quiet = snapshot.now - view.last_update_at;
    if (quiet < view.update_minutes * 60'000LL) return;
    chip("No update for " + format_elapsed(quiet) + ": followers expect one every " +
             std::to_string(view.update_minutes) + " min",
         colors::kWarning, colors::kBackground);
}

}  // namespace

void draw_coordinator_screen(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                             std::vector<Action>& actions) {
    if (state.panel == CoordinatorPanel::HospitalStatus) {
        draw_hospital_status_panel(snapshot, state, fonts, actions);
        return;
    }
    if (!snapshot.active) {
        state.confirm_end = false;
        draw_case_setup(snapshot, state, fonts, actions);
        return;
    }
    if (snapshot.held) {
        draw_review_panel(snapshot, fonts, actions);
        return;
    }
    if (state.panel == CoordinatorPanel::NotePicker) {
        draw_note_picker(snapshot, state, fonts, actions);
        return;
    }
    if (state.panel == CoordinatorPanel::Keyboard) {
        switch (draw_on_screen_keyboard(state.draft, state.shift, fonts, "Post",
                                        "it goes through the PHI filter; you see the redacted text before it is sent",
                                        &snapshot.platforms)) {
            case KeyboardResult::Post:
                actions.push_back(PostFreeText{state.draft});
                state.draft.clear();
                state.panel = CoordinatorPanel::None;
                break;
            case KeyboardResult::Cancel: state.panel = CoordinatorPanel::None; break;
            case KeyboardResult::Typing: break;
        }
        return;
    }
    draw_overdue_banner(snapshot);
    const float bottom = touch_height() * 1.3f + ImGui::GetStyle().ItemSpacing.y;
    draw_milestone_grid(*snapshot.active, state, fonts, ImGui::GetContentRegionAvail().y - bottom, actions);

    if (snapshot.undoable) {
        draw_undo_bar(snapshot, fonts, actions);
        return;
    }
    // No undo pending: free text, hospital status and the case controls.
    const float width = ImGui::GetContentRegionAvail().x;
    const float button_width = ImGui::GetFontSize() * 9;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (state.confirm_end) {
        ImGui::PushFont(fonts.bold);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("End this case? Posts already queued will still be delivered.");
        ImGui::PopFont();
        ImGui::SameLine(width - 2 * button_width - spacing + ImGui::GetStyle().WindowPadding.x);
        if (big_button("Keep going", ImVec2(button_width, touch_height()), colors::kTile, colors::kText))
            state.confirm_end = false;
        ImGui::SameLine();
        if (big_button("End case", ImVec2(button_width, touch_height()), colors::kDanger, colors::kText)) {
            actions.push_back(EndCase{});
            state.confirm_end = false;
        }
        return;
    }
    if (big_button("Write update", ImVec2(button_width, touch_height()), colors::kPanel, colors::kText))
        state.panel = CoordinatorPanel::Keyboard;
    ImGui::SameLine();
    if (big_button("Hospital status", ImVec2(button_width, touch_height()), colors::kPanel, colors::kText))
        state.panel = CoordinatorPanel::HospitalStatus;
    ImGui::SameLine(width - button_width + ImGui::GetStyle().WindowPadding.x);
    if (big_button("End case...", ImVec2(button_width, touch_height()), colors::kPanel, colors::kText))
        state.confirm_end = true;
}

}  // namespace orlive::ui
