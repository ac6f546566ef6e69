#include "ui/widgets.h"

#include <algorithm>

#include "ui/theme.h"

namespace orlive::ui {

namespace {
float widest_word(ImFont* font, const std::string& text) {
    float widest = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" \n", start);
        if (end == std::string::npos) end = text.size();
        const char* begin = text.c_str() + start;
        widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, begin, text.c_str() + end).x);
        start = end + 1;
    }
    return widest;
}
}  // namespace

float touch_height() {
    // From the base font, not the current one, so a button in a large font is not taller.
    const ImFont* base = ImGui::GetIO().FontDefault;
    const float size = base ? base->FontSize : ImGui::GetFontSize();
    return std::max(64.0f, size * 3.0f);
}

bool tile(const char* id, ImVec2 size, const TileStyle& style, const std::string& corner, const std::string& label,
          const std::string& footer, ImFont* label_font, bool enabled, ImFont* fallback_font) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::InvisibleButton(id, size) && enabled;
    ImGui::SetItemAllowOverlap();  // a smaller button drawn on the tile (e.g. "+ Note") takes its own taps
    bool hovered = enabled && ImGui::IsItemHovered();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float rounding = ImGui::GetFontSize() * 0.5f;
    const float pad = ImGui::GetFontSize() * 0.6f;
    ImVec2 end(origin.x + size.x, origin.y + size.y);
    draw->AddRectFilled(origin, end, hovered && ImGui::IsItemActive() ? colors::kTileHover : style.fill, rounding);
    if (style.border) draw->AddRect(origin, end, style.border, rounding, 0, ImGui::GetFontSize() * 0.2f);

    draw->AddText(ImVec2(origin.x + pad, origin.y + pad * 0.6f), style.text, corner.c_str());

    const float wrap = size.x - 2 * pad;
    // Never break inside a word ("Pneumoperitoneum"): fall back to a smaller font if one is too wide.
    ImFont* font = label_font ? label_font : ImGui::GetFont();
    if (widest_word(font, label) > wrap && fallback_font) font = fallback_font;
    if (widest_word(font, label) > wrap) font = ImGui::GetFont();
    ImVec2 label_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, label.c_str());
    // Centre the label between the corner line and the footer strip, so neither covers it.
    const float top = pad * 0.6f + ImGui::GetFontSize();
    const float bottom = size.y - ImGui::GetFontSize() - pad * 1.2f;
    const float middle = bottom > top + label_size.y ? (top + bottom) * 0.5f : size.y * 0.5f;
    ImVec2 label_pos(origin.x + (size.x - label_size.x) * 0.5f, origin.y + middle - label_size.y * 0.5f);
    draw->AddText(font, font->FontSize, label_pos, style.text, label.c_str(), nullptr, wrap);

    if (!footer.empty()) {
        ImVec2 footer_size = ImGui::CalcTextSize(footer.c_str());
        draw->AddText(ImVec2(origin.x + size.x - footer_size.x - pad, end.y - footer_size.y - pad * 0.6f), style.text,
                      footer.c_str());
    }
    return pressed;
}

bool big_button(const char* label, ImVec2 size, ImU32 fill, ImU32 text, bool enabled) {
    size.y = std::max(size.y, touch_height());
    ImGui::PushStyleColor(ImGuiCol_Button, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, colors::kTileHover);
    ImGui::PushStyleColor(ImGuiCol_Text, text);
    ImGui::BeginDisabled(!enabled);
    bool pressed = ImGui::Button(label, size);
    ImGui::EndDisabled();
    ImGui::PopStyleColor(4);
    return pressed && enabled;
}

float chip_width(const std::string& text) {
    return ImGui::CalcTextSize(text.c_str()).x + ImGui::GetFontSize() * 1.2f;
}

void chip(const std::string& text, ImU32 fill, ImU32 text_color) {
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImVec2 text_size = ImGui::CalcTextSize(text.c_str());
    const float pad_x = ImGui::GetFontSize() * 0.6f;
    const float pad_y = ImGui::GetFontSize() * 0.3f;
    ImVec2 size(text_size.x + 2 * pad_x, text_size.y + 2 * pad_y);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), fill, size.y * 0.5f);
    draw->AddText(ImVec2(origin.x + pad_x, origin.y + pad_y), text_color, text.c_str());
    ImGui::Dummy(size);
}

void wrapped_text(const std::string& text, ImU32 color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

}  // namespace orlive::ui

namespace orlive::ui {

void number_picker(const char* id, const std::string& label, int& value, int min, int max, int step,
                   const Fonts& fonts) {
    const float key = touch_height();
    ImGui::PushFont(fonts.bold);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopFont();
    auto button = [&](const char* text, int delta) {
        std::string button_id = std::string(text) + "##" + id;
        if (big_button(button_id.c_str(), ImVec2(key * 1.4f, key), colors::kTile, colors::kText))
            value = std::clamp(value + delta, min, max);
        ImGui::SameLine();
    };
    button("-10", -step * 10);
    button("-", -step);
    ImGui::PushFont(fonts.huge);
    ImGui::AlignTextToFramePadding();
    const std::string shown = std::to_string(value);
    const float width = key * 2.5f;
    const float text_width = ImGui::CalcTextSize(shown.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - text_width) * 0.5f);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopFont();
    ImGui::SameLine();
    button("+", step);
    button("+10", step * 10);
    ImGui::NewLine();
}

Card begin_card() {
    Card card{ImGui::GetCursorScreenPos(), ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 0.7f};
    ImGui::GetWindowDrawList()->ChannelsSplit(2);
    ImGui::GetWindowDrawList()->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(card.top.x + card.pad, card.top.y + card.pad));
    ImGui::BeginGroup();
    return card;
}

void end_card(const Card& card, ImU32 fill) {
    ImGui::EndGroup();
    const ImVec2 bottom(card.top.x + card.width, ImGui::GetItemRectMax().y + card.pad);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(card.top, bottom, fill, 12);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(card.top.x, bottom.y + ImGui::GetStyle().ItemSpacing.y));
}

void touch_scroll() {
    if (ImGui::IsWindowHovered() && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

}  // namespace orlive::ui
