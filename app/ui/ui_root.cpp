#include "ui/screens.h"

#include "ui/widgets.h"

namespace orlive::ui {

namespace {

constexpr TimeMs kFeedbackVisibleMs = 5000;

// The result of the last action, shown briefly above the bottom bar; errors in red.
void draw_feedback(const SessionSnapshot& snapshot, const FeedbackLine& feedback) {
    if (feedback.message.empty() || snapshot.now - feedback.shown_at >= kFeedbackVisibleMs) return;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = ImGui::GetFontSize() * 0.6f;
    const float wrap = viewport->Size.x * 0.6f;
    ImVec2 size = ImGui::CalcTextSize(feedback.message.c_str(), nullptr, false, wrap);
    ImVec2 origin(viewport->Pos.x + (viewport->Size.x - size.x) * 0.5f - pad,
                  viewport->Pos.y + viewport->Size.y - touch_height() * 2.6f - size.y);
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x + 2 * pad, origin.y + size.y + 2 * pad),
                        feedback.ok ? colors::kNext : colors::kDanger, 12);
    draw->AddText(nullptr, 0.0f, ImVec2(origin.x + pad, origin.y + pad), colors::kText, feedback.message.c_str(),
                  nullptr, wrap);
}

}  // namespace

TimeMs feedback_expires_at(const UiState& state) { return state.feedback.shown_at + kFeedbackVisibleMs; }

void draw_ui(const SessionSnapshot& snapshot, UiState& state, const Fonts& fonts, std::vector<Action>& actions) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->Pos);
    ImGui::SetNextWindowSize(viewport->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoScrollWithMouse;
    ImGui::Begin("ORLive", nullptr, flags);
    if (snapshot.first_run && !state.wizard.dismissed && state.screen != Screen::Gallery) {
        draw_first_run_wizard(snapshot, state.wizard, fonts, actions);
        draw_feedback(snapshot, state.feedback);
        ImGui::End();
        return;
    }
    if (state.screen == Screen::Gallery) {
        // A viewers' display: no header, no controls.
        draw_gallery_screen(snapshot, fonts);
        ImGui::End();
        return;
    }
    draw_header(snapshot, state, fonts, actions);
    switch (state.screen) {
        case Screen::Coordinator: draw_coordinator_screen(snapshot, state.coordinator, fonts, actions); break;
        case Screen::Questions: draw_questions_screen(snapshot, state.questions, fonts, actions); break;
        case Screen::Feed: draw_feed_screen(snapshot, fonts, actions); break;
        case Screen::Settings: draw_settings_screen(snapshot, state, fonts, actions); break;
        case Screen::Compliance: draw_compliance_screen(snapshot, state.compliance, fonts, actions); break;
        case Screen::Gallery: break;
    }
    draw_feedback(snapshot, state.feedback);
    ImGui::End();
}

}  // namespace orlive::ui
