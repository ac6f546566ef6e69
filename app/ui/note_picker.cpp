#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

// The milestone's pre-approved phrases as large buttons: one tap posts the milestone with it.
void draw_note_picker(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                      std::vector<Action>& actions) {
    const MilestoneView* milestone = nullptr;
    for (const MilestoneView& m : snapshot.active->milestones) {
        if (m.id == state.note_milestone) milestone = &m;
    }
    if (!milestone || milestone->done) {
        state.panel = CoordinatorPanel::None;
        return;
    }
    ImGui::PushFont(fonts.large);
    ImGui::Text("%d. %s: add a note", milestone->step, milestone->label.c_str());
    ImGui::PopFont();
    wrapped_text("Pre-approved phrases: no patient details, nothing to type.", colors::kTextDim);
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = touch_height() * 1.2f;
    ImGui::PushFont(fonts.bold);
    for (const std::string& note : milestone->notes) {
        std::string id = note + "##note";
        if (big_button(id.c_str(), ImVec2(width, height), colors::kTile, colors::kText)) {
            actions.push_back(TapMilestone{milestone->id, note});
            state.panel = CoordinatorPanel::None;
        }
    }
    ImGui::PopFont();
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (big_button("Post without a note", ImVec2(half, height), colors::kNext, colors::kText)) {
        actions.push_back(TapMilestone{milestone->id, ""});
        state.panel = CoordinatorPanel::None;
    }
    ImGui::SameLine();
    if (big_button("Cancel", ImVec2(half, height), colors::kPanel, colors::kText)) state.panel = CoordinatorPanel::None;
}

}  // namespace orlive::ui
