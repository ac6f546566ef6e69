// The undo bar: a post's undo window made visible, so a wrong tap costs one more tap.
#include <algorithm>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

void draw_undo_bar(const SessionSnapshot& snapshot, const Fonts& fonts, std::vector<Action>& actions) {
    const PostView& view = *snapshot.undoable;
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = touch_height() * 1.3f;
    const TimeMs left = std::max<TimeMs>(0, view.post.release_at - snapshot.now);
    const TimeMs window = std::max<TimeMs>(1, view.post.release_at - view.post.created_at);

    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), colors::kInfo, 12);
    float progress = static_cast<float>(left) / static_cast<float>(window);
    draw->AddRectFilled(ImVec2(origin.x, origin.y + height - 8), ImVec2(origin.x + width * progress, origin.y + height),
                        colors::kWarning, 4);

    const float button_width = ImGui::GetFontSize() * 8;
    ImGui::SetCursorScreenPos(ImVec2(origin.x + 16, origin.y + 10));
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.bold);
    ImGui::Text("Posted \"%s\": sending in %lld s", view.title.c_str(), static_cast<long long>((left + 999) / 1000));
    ImGui::PopFont();
    ImGui::PushStyleColor(ImGuiCol_Text, colors::kText);
    ImGui::PushClipRect(origin, ImVec2(origin.x + width - button_width - 32, origin.y + height), true);
    ImGui::TextUnformatted(view.post.text.substr(0, view.post.text.find('\n')).c_str());
    ImGui::PopClipRect();
    ImGui::PopStyleColor();
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - button_width - 12, origin.y + (height - touch_height()) * 0.5f));
    ImGui::PushFont(fonts.large);
    if (big_button("UNDO", ImVec2(button_width, touch_height()), colors::kWarning, colors::kBackground))
        actions.push_back(UndoPost{view.post.id});
    ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
}

}  // namespace orlive::ui
