#include <algorithm>
#include <array>
#include <string>

#include "core/base/time_format.h"
#include "ui/compliance_cases.h"
#include "ui/pin_pad.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

const char* const kActions[] = {"",          "redacted",  "blocked",  "released",      "approved",
                                "discarded", "consent-change", "sign-off", "review-opened", "pin-failed"};
const char* const kCategories[] = {"", "NAME", "DATE", "AGE", "PHONE", "EMAIL", "SSN", "MRN", "ACCOUNT",
                                   "ADDRESS", "URL", "IP", "DEVICE_ID", "VEHICLE", "OTHER_ID"};

template <std::size_t N>
std::string next_of(const char* const (&options)[N], const std::string& current) {
    for (std::size_t i = 0; i < N; ++i) {
        if (current == options[i]) return options[(i + 1) % N];
    }
    return options[0];
}

void draw_filters(const ComplianceView& view, std::vector<Action>& actions) {
    const float height = touch_height();
    const float unit = ImGui::GetFontSize() * 5.5f;
    struct RangeOption {
        LogRange range;
        const char* label;
    };
    for (RangeOption option : {RangeOption{LogRange::Today, "Today"}, RangeOption{LogRange::Week, "7 days"},
                               RangeOption{LogRange::All, "All"}}) {
        if (option.range != LogRange::Today) ImGui::SameLine();
        const bool selected = view.filter.range == option.range;
        if (big_button(option.label, ImVec2(unit, height), selected ? colors::kInfo : colors::kPanel, colors::kText)) {
            LogFilter filter = view.filter;
            filter.range = option.range;
            actions.push_back(SetLogFilter{filter});
        }
    }
    // Action and category cycle on each tap: large targets instead of small drop-downs.
    ImGui::SameLine();
    std::string action = "Action: " + (view.filter.action.empty() ? std::string("any") : view.filter.action);
    if (big_button((action + "##action").c_str(), ImVec2(unit * 2.2f, height), colors::kPanel, colors::kText)) {
        LogFilter filter = view.filter;
        filter.action = next_of(kActions, view.filter.action);
        actions.push_back(SetLogFilter{filter});
    }
    ImGui::SameLine();
    std::string category = "Category: " + (view.filter.category.empty() ? std::string("any") : view.filter.category);
    if (big_button((category + "##category").c_str(), ImVec2(unit * 2.2f, height), colors::kPanel, colors::kText)) {
        LogFilter filter = view.filter;
        filter.category = next_of(kCategories, view.filter.category);
        actions.push_back(SetLogFilter{filter});
    }
}

void draw_entries(const ComplianceView& view, ComplianceScreenState& state, float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("log", 7, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    struct Column {
        const char* name;
        float weight;
    };
    for (Column column : {Column{"#", 0.6f}, Column{"Time", 0.8f}, Column{"Case / post", 1.6f}, Column{"Action", 1.4f},
                          Column{"Category", 1.2f}, Column{"Rule", 1.8f}, Column{"Span", 1.0f}}) {
        ImGui::TableSetupColumn(column.name, ImGuiTableColumnFlags_WidthStretch, column.weight);
    }
    ImGui::TableHeadersRow();
    const float row_height = ImGui::GetFontSize() * 2.0f;
    for (const LogRow& row : view.rows) {
        const LogEntry& e = row.stored.entry;
        ImGui::TableNextRow(0, row_height);
        ImGui::TableNextColumn();
        const bool selected = state.selected_seq == row.stored.seq;
        std::string id = std::to_string(row.stored.seq) + "##entry";
        if (ImGui::Selectable(id.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row_height)))
            state.selected_seq = row.stored.seq;
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_local_hhmm(e.at).c_str());
        ImGui::TableNextColumn();
        std::string owner = (e.case_id ? "case " + std::to_string(*e.case_id) : std::string("-")) +
                            (e.post_id ? " / post " + std::to_string(*e.post_id) : std::string());
        ImGui::TextUnformatted(owner.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.action.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.category.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.rule.c_str());
        ImGui::TableNextColumn();
        if (e.start >= 0) ImGui::Text("%lld-%lld", static_cast<long long>(e.start), static_cast<long long>(e.end));
    }
    ImGui::EndTable();
}

// The selected entry in context: the post as it went out (never the original).
void draw_context(const ComplianceView& view, const ComplianceScreenState& state, const Fonts& fonts) {
    const LogRow* selected = nullptr;
    for (const LogRow& row : view.rows) {
        if (row.stored.seq == state.selected_seq) selected = &row;
    }
    if (!selected) {
        wrapped_text("Tap an entry to see the post as it went out.", colors::kTextDim);
        return;
    }
    const LogEntry& e = selected->stored.entry;
    ImGui::PushFont(fonts.bold);
    ImGui::Text("Entry %lld: %s %s", static_cast<long long>(selected->stored.seq), e.action.c_str(), e.category.c_str());
    ImGui::PopFont();
    if (!e.detail.empty()) wrapped_text(e.detail, colors::kTextDim);
    if (!selected->post_text.empty()) wrapped_text("As it went out: " + selected->post_text, colors::kText);
    if (!e.span_hmac.empty()) wrapped_text("Span fingerprint: " + e.span_hmac.substr(0, 16) + "…", colors::kTextDim);
}

}  // namespace

void draw_compliance_screen(const SessionSnapshot& snapshot, ComplianceScreenState& state, const Fonts& fonts,
                            std::vector<Action>& actions) {
    const ComplianceView& view = snapshot.compliance;
    if (!view.unlocked) {
        PinPadView pad{"Compliance review: enter the PIN",
                       "No compliance PIN is set. IT sets it with: orlivectl pin set compliance",
                       view.pin_configured, view.failed_attempts, view.locked_until};
        if (auto pin = draw_pin_pad(pad, state.pin_digits, fonts, snapshot.now)) actions.push_back(UnlockCompliance{*pin});
        return;
    }
    const float button = ImGui::GetFontSize() * 7.5f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    if (view.verify) {
        const bool intact = view.verify->intact;
        std::string status = intact ? "\u2713 Chain intact: " + std::to_string(view.verify->entries) +
                                          " entries, verified " + format_local_hhmm(view.verified_at)
                                    : "\u2717 Chain BROKEN: " + view.verify->problem;
        ImGui::PushFont(fonts.bold);
        ImGui::AlignTextToFramePadding();
        chip(status, intact ? colors::kNext : colors::kDanger, colors::kText);
        ImGui::PopFont();
    }
    ImGui::SameLine(ImGui::GetContentRegionAvail().x - 4 * button - 3 * spacing + ImGui::GetStyle().WindowPadding.x);
    if (big_button(state.showing_cases ? "Log##toggle" : "Cases##toggle", ImVec2(button, touch_height()), colors::kInfo,
                   colors::kText)) {
        state.showing_cases = !state.showing_cases;
        state.confirm_withdraw = 0;
    }
    ImGui::SameLine();
    if (big_button("Verify now", ImVec2(button, touch_height()), colors::kPanel, colors::kText)) actions.push_back(VerifyLog{});
    ImGui::SameLine();
    if (big_button("Export CSV", ImVec2(button, touch_height()), colors::kPanel, colors::kText)) actions.push_back(ExportLog{});
    ImGui::SameLine();
    if (big_button("Lock", ImVec2(button, touch_height()), colors::kWarning, colors::kBackground))
        actions.push_back(LockCompliance{});

    if (state.showing_cases) {
        draw_case_list(view, state, fonts, actions);
        return;
    }
    draw_filters(view, actions);

    const float bottom = touch_height() + ImGui::GetFontSize() * 5.0f;
    const float table_width = ImGui::GetContentRegionAvail().x;
    draw_entries(view, state, std::max(touch_height() * 2, ImGui::GetContentRegionAvail().y - bottom));

    ImGui::BeginChild("context", ImVec2(table_width - ImGui::GetFontSize() * 16, 0), false);
    draw_context(view, state, fonts);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginGroup();
    std::string signed_off = view.last_signed_off > 0 ? "Signed off through #" + std::to_string(view.last_signed_off)
                                                      : "Nothing signed off yet";
    ImGui::TextUnformatted(signed_off.c_str());
    const bool something_new = view.head_seq > view.last_signed_off;
    std::string label = "Sign off through #" + std::to_string(view.head_seq);
    if (big_button(label.c_str(), ImVec2(ImGui::GetFontSize() * 15, touch_height()), colors::kNext, colors::kText,
                   something_new))
        actions.push_back(SignOffLog{view.head_seq});
    ImGui::EndGroup();
}

}  // namespace orlive::ui
