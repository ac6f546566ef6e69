#include "ui/compliance_cases.h"

#include <imgui.h>

#include "core/base/time_format.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

std::string describe(const CaseListRow& c) {
    std::string line = "Case " + std::to_string(c.id) + "  \u00b7  " + c.procedure + "  \u00b7  started " +
                       format_local_hhmm(c.started_at);
    line += c.ended_at ? ", ended " + format_local_hhmm(*c.ended_at) : std::string(", active");
    return line + "  \u00b7  consent " + c.consent;
}

// The row's button: Withdraw, then Confirm / Keep for the case that was asked about.
void draw_withdraw(const CaseListRow& c, ComplianceScreenState& state, std::vector<Action>& actions) {
    const float button = ImGui::GetFontSize() * 9;
    const ImVec2 size(button, touch_height());
    const std::string id = "##case-" + std::to_string(c.id);
    if (c.consent == "none") {
        big_button(("No consent to withdraw" + id).c_str(), ImVec2(button * 2, touch_height()), colors::kPanel,
                   colors::kTextDim, false);
        return;
    }
    if (state.confirm_withdraw != c.id) {
        if (big_button(("Withdraw consent" + id).c_str(), ImVec2(button * 2, touch_height()), colors::kWarning,
                       colors::kBackground))
            state.confirm_withdraw = c.id;
        return;
    }
    if (big_button(("Confirm" + id).c_str(), size, colors::kDanger, colors::kText))
        actions.push_back(WithdrawConsent{c.id});
    ImGui::SameLine();
    if (big_button(("Keep" + id).c_str(), size, colors::kPanel, colors::kText)) state.confirm_withdraw = 0;
}

}  // namespace

void draw_case_list(const ComplianceView& view, ComplianceScreenState& state, const Fonts& fonts,
                    std::vector<Action>& actions) {
    ImGui::PushFont(fonts.bold);
    wrapped_text("Withdraw consent: the case's unsent posts are cancelled and what went out is deleted from "
                 "every platform that allows it. Logged.",
                 colors::kText);
    ImGui::PopFont();
    if (view.cases.empty()) {
        wrapped_text("No cases yet.", colors::kTextDim);
        return;
    }
    ImGui::BeginChild("cases", ImVec2(0, 0), false);
    const float button_x = ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 18 - ImGui::GetStyle().ItemSpacing.x;
    for (const CaseListRow& c : view.cases) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(describe(c).c_str());
        ImGui::SameLine(button_x);
        draw_withdraw(c, state, actions);
    }
    ImGui::EndChild();
}

}  // namespace orlive::ui
