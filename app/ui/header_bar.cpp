#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

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

// The unanswered questions' count on the tab just drawn, top right, readable from the OR.
void draw_count_badge(int count) {
    if (count <= 0) return;
    const std::string text = count > 99 ? "99+" : std::to_string(count);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float radius = std::max(size.x * 0.5f + 6.0f, ImGui::GetFontSize() * 0.65f);
    const ImVec2 corner(ImGui::GetItemRectMax().x - radius * 0.6f, ImGui::GetItemRectMin().y + radius * 0.6f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddCircleFilled(corner, radius, colors::kDanger);
    draw->AddText(ImVec2(corner.x - size.x * 0.5f, corner.y - size.y * 0.5f), colors::kText, text.c_str());
}

struct ChipSpec {
    std::string text;
    ImU32 fill;
    ImU32 text_color;
};

// Consent, progress, connectivity and queue depth; a failed read replaces the queue chip, so
// the coordinator knows the screen may be missing something, and why.
std::vector<ChipSpec> status_chips(const SessionSnapshot& snapshot) {
    std::vector<ChipSpec> chips;
    if (snapshot.active) {
        chips.push_back({consent_label(*snapshot.active), consent_fill(snapshot.active->consent), colors::kText});
        chips.push_back({"Step " + std::to_string(snapshot.active->done_count) + " of " +
                             std::to_string(snapshot.active->milestones.size()),
                         colors::kTile, colors::kText});
    } else {
        chips.push_back({"No active case", colors::kTile, colors::kText});
    }
    const bool degraded = snapshot.connectivity.rfind("Online", 0) != 0 && !snapshot.accounts.empty();
    chips.push_back({snapshot.connectivity, degraded ? colors::kWarning : colors::kTile,
                     degraded ? colors::kBackground : colors::kText});
    std::string queue = "Queue " + std::to_string(snapshot.queue.unsent + snapshot.queue.pending);
    if (snapshot.queue.failed > 0) queue += " \u00b7 " + std::to_string(snapshot.queue.failed) + " failed";
    if (!snapshot.read_errors.empty()) {
        chips.push_back({snapshot.read_errors.front(), colors::kDanger, colors::kText});
    } else {
        chips.push_back({queue, snapshot.queue.failed > 0 ? colors::kDanger : colors::kTile, colors::kText});
    }
    return chips;
}

float chips_width(const std::vector<ChipSpec>& chips) {
    float total = 0;
    for (const ChipSpec& c : chips) total += chip_width(c.text) + ImGui::GetStyle().ItemSpacing.x;
    return total;
}

void draw_chips(const std::vector<ChipSpec>& chips) {
    for (std::size_t i = 0; i < chips.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        chip(chips[i].text, chips[i].fill, chips[i].text_color);
    }
}

struct TabSpec {
    const char* label;
    Screen screen;
};
constexpr TabSpec kTabs[] = {{"Case", Screen::Coordinator},
                             {"Questions", Screen::Questions},
                             {"Feed", Screen::Feed},
                             {"Review", Screen::Compliance},
                             {"Admin", Screen::Settings}};
constexpr int kTabCount = static_cast<int>(std::size(kTabs));

// Wide screens: each tab as wide as its label needs (never under a glove's width).
float tab_width_for(const char* label) {
    return std::max(ImGui::CalcTextSize(label).x + ImGui::GetFontSize() * 1.6f, ImGui::GetFontSize() * 4.2f);
}

float tabs_width() {
    float total = ImGui::GetStyle().ItemSpacing.x * (kTabCount - 1);
    for (const TabSpec& t : kTabs) total += tab_width_for(t.label);
    return total;
}

void draw_tabs(const SessionSnapshot& snapshot, const UiState& state, float narrow_width,
               std::vector<Action>& actions) {
    for (int i = 0; i < kTabCount; ++i) {
        if (i > 0) ImGui::SameLine();
        const TabSpec& t = kTabs[i];
        const float width = narrow_width > 0 ? narrow_width : tab_width_for(t.label);
        if (tab(t.label, state.screen == t.screen, width)) actions.push_back(ShowScreen{t.screen});
        if (t.screen == Screen::Questions) draw_count_badge(snapshot.new_questions);
    }
}

}  // namespace

void draw_header(const SessionSnapshot& snapshot, const UiState& state, const Fonts& fonts,
                 std::vector<Action>& actions) {
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const std::vector<ChipSpec> chips = status_chips(snapshot);
    const char* title = snapshot.active ? snapshot.active->procedure_name.c_str()
                                        : (snapshot.hospital_name.empty() ? "ORLive" : snapshot.hospital_name.c_str());
    ImGui::PushFont(fonts.large);
    const float title_width = ImGui::CalcTextSize(title).x;
    ImGui::PopFont();
    // Narrow screens (portrait, or chips too long for one row beside the tabs): the tabs get a
    // row of their own under the status chips.
    const bool narrow = std::max(title_width, chips_width(chips)) + spacing * 2 + tabs_width() > width;
    const float height = touch_height() * (narrow ? 2.7f : 1.55f);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 padding = ImGui::GetStyle().WindowPadding;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(origin.x - padding.x, origin.y - padding.y),
                                              ImVec2(origin.x + width + padding.x, origin.y + height),
                                              colors::kPanel);
    const float narrow_tab_width = narrow ? (width - (kTabCount - 1) * spacing) / kTabCount : 0.0f;
    const float tabs_left = narrow ? width : width - tabs_width();

    // Row 1: what is being followed. Row 2: consent, progress, connectivity, queue depth.
    ImGui::BeginGroup();
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    draw_chips(chips);
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
    draw_tabs(snapshot, state, narrow_tab_width, actions);

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + ImGui::GetStyle().ItemSpacing.y));
}

}  // namespace orlive::ui
