#include <string>

#include "core/base/time_format.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

ImU32 consent_fill(Consent consent) {
    switch (consent) {
        case Consent::None: return colors::kTile;
        case Consent::Deidentified: return colors::kInfo;
        case Consent::Full: return colors::kNext;
    }
    return colors::kPanel;
}

std::string consent_label(const CaseView& view) {
    switch (view.consent) {
        case Consent::None: return "Consent: none";
        case Consent::Deidentified: return "De-identified";
        case Consent::Full: return "Full consent " + view.release_ref;
    }
    return "";
}

bool tab(const char* label, bool selected, float width) {
    return big_button(label, ImVec2(width, touch_height()), selected ? colors::kInfo : colors::kPanel, colors::kText);
}

// Consent, progress, connectivity and queue depth; a failed read replaces the queue chip, so
// the coordinator knows the screen may be missing something, and why.
void draw_status_chips(const SessionSnapshot& snapshot) {
    if (snapshot.active) {
        chip(consent_label(*snapshot.active), consent_fill(snapshot.active->consent), colors::kText);
        ImGui::SameLine();
        chip("Step " + std::to_string(snapshot.active->done_count) + " of " +
                 std::to_string(snapshot.active->milestones.size()),
             colors::kTile, colors::kText);
    } else {
        chip("No active case", colors::kTile, colors::kText);
    }
    ImGui::SameLine();
    const bool degraded = snapshot.connectivity.rfind("Online", 0) != 0 && !snapshot.accounts.empty();
    chip(snapshot.connectivity, degraded ? colors::kWarning : colors::kTile,
         degraded ? colors::kBackground : colors::kText);
    ImGui::SameLine();
    std::string queue = "Queue " + std::to_string(snapshot.queue.unsent + snapshot.queue.pending);
    if (snapshot.queue.failed > 0) queue += " \u00b7 " + std::to_string(snapshot.queue.failed) + " failed";
    if (!snapshot.read_errors.empty()) {
        chip(snapshot.read_errors.front(), colors::kDanger, colors::kText);
    } else {
        chip(queue, snapshot.queue.failed > 0 ? colors::kDanger : colors::kTile, colors::kText);
    }
}

}  // namespace

void draw_header(const SessionSnapshot& snapshot, const UiState& state, const Fonts& fonts,
                 std::vector<Action>& actions) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Narrow (portrait) screens: the tabs get a row of their own under the status chips.
    const bool narrow = width < ImGui::GetFontSize() * 56.0f;
    const float height = touch_height() * (narrow ? 2.7f : 1.55f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(origin.x - padding.x, origin.y - padding.y),
                                              ImVec2(origin.x + width + padding.x, origin.y + height),
                                              colors::kPanel);
    const float tab_width = narrow ? (width - 3 * spacing) / 4.0f : ImGui::GetFontSize() * 5.4f;
    const float tabs_left = narrow ? width : width - 4 * tab_width - 3 * spacing;

    // Row 1: what is being followed. Row 2: consent, progress, connectivity, queue depth.
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.large);
    if (snapshot.active) {
        ImGui::TextUnformatted(snapshot.active->procedure_name.c_str());
    } else {
        ImGui::TextUnformatted(snapshot.hospital_name.empty() ? "ORLive" : snapshot.hospital_name.c_str());
    }
    ImGui::PopFont();
    draw_status_chips(snapshot);
    ImGui::EndGroup();

    const float chips_end = ImGui::GetItemRectMax().x;

    // The elapsed clock, just left of the tabs, readable from across the room. When the status
    // chips need the room it moves up to the title row in a smaller size.
    if (snapshot.active) {
        std::string clock = format_elapsed_clock(snapshot.now - snapshot.active->started_at);
        ImGui::PushFont(fonts.huge);
        float clock_x = origin.x + tabs_left - ImGui::CalcTextSize(clock.c_str()).x - spacing * 2;
        float clock_y = origin.y + (height - padding.y - ImGui::GetFontSize()) * 0.5f;
        if (narrow || clock_x < chips_end + spacing) {
            ImGui::PopFont();
            ImGui::PushFont(fonts.large);
            clock_x = origin.x + tabs_left - ImGui::CalcTextSize(clock.c_str()).x - spacing * 2;
            clock_y = origin.y;
        }
        ImGui::SetCursorScreenPos(ImVec2(clock_x, clock_y));
        ImGui::TextUnformatted(clock.c_str());
        ImGui::PopFont();
    }

    if (narrow) {
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height - touch_height() - padding.y));
    } else {
        ImGui::SetCursorScreenPos(ImVec2(origin.x + tabs_left, origin.y + (height - padding.y - touch_height()) * 0.5f));
    }
    if (tab("Case", state.screen == Screen::Coordinator, tab_width))
        actions.push_back(ShowScreen{Screen::Coordinator});
    ImGui::SameLine();
    if (tab("Feed", state.screen == Screen::Feed, tab_width)) actions.push_back(ShowScreen{Screen::Feed});
    ImGui::SameLine();
    if (tab("Review", state.screen == Screen::Compliance, tab_width))
        actions.push_back(ShowScreen{Screen::Compliance});
    ImGui::SameLine();
    if (tab("Admin", state.screen == Screen::Settings, tab_width)) actions.push_back(ShowScreen{Screen::Settings});

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace orlive::ui
