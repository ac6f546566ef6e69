#include <algorithm>
#include <string>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

void draw_update_tiles(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = 3;
    const float tile_width = (width - spacing * (columns - 1)) / columns;
    int index = 0;
    for (const StatusUpdateView& update : snapshot.status_updates) {
        if (index++ % columns != 0) ImGui::SameLine();
        std::string id = "##status-" + update.id;
        TileStyle style{colors::kTile, 0, colors::kText};
        std::string corner = update.fields.empty() ? "" : "with numbers";
        if (tile(id.c_str(), ImVec2(tile_width, touch_height() * 1.5f), style, corner, update.label, "", fonts.bold)) {
            state.status_update = update.id;
            state.status_values.clear();
            for (const TemplateField& field : update.fields) state.status_values[field.id] = field.default_value;
        }
    }
}

}  // namespace

void draw_hospital_status_panel(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                                std::vector<Action>& actions) {
    const StatusUpdateView* chosen = nullptr;
    for (const StatusUpdateView& update : snapshot.status_updates) {
        if (update.id == state.status_update) chosen = &update;
    }
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(chosen ? chosen->label.c_str() : "Hospital status update");
    ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x;
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (!chosen) {
        if (snapshot.status_updates.empty())
            wrapped_text("No hospital-status template is installed (see orlivectl templates list).", colors::kDangerText);
        draw_update_tiles(snapshot, state, fonts);
        if (big_button("Back", ImVec2(half, touch_height()), colors::kPanel, colors::kText))
            state.panel = CoordinatorPanel::None;
        return;
    }
    wrapped_text("Posted to the hospital's accounts through the same filter and log; not part of a case thread.",
                 colors::kTextDim);
    for (const TemplateField& field : chosen->fields)
        number_picker(field.id.c_str(), field.label, state.status_values[field.id], field.min, field.max, field.step, fonts);
    ImGui::Spacing();
    if (big_button("Post update", ImVec2(half, touch_height() * 1.2f), colors::kNext, colors::kText)) {
        PostStatus post{chosen->id, {}};
        for (const auto& [id, value] : state.status_values) post.fields[id] = std::to_string(value);
        actions.push_back(post);
        state.status_update.clear();
        state.panel = CoordinatorPanel::None;
    }
    ImGui::SameLine();
    if (big_button("Back##status", ImVec2(half, touch_height() * 1.2f), colors::kPanel, colors::kText))
        state.status_update.clear();
}

}  // namespace orlive::ui
