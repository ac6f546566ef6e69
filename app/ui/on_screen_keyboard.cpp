#include "ui/on_screen_keyboard.h"

#include <cctype>

#include "core/base/utf8.h"
#include "core/compose/length_limits.h"
#include "core/compose/text_length.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

// A sanity cap on what can be typed; each platform's own limit is shown by its counter.
constexpr std::size_t kMaxLength = 2000;

// Removes the last UTF-8 character (not just its last byte).
void erase_last_character(std::string& text) {
    while (!text.empty()) {
        const unsigned char last = static_cast<unsigned char>(text.back());
        text.pop_back();
        if ((last & 0xC0) != 0x80) break;
    }
}

// "Mastodon 132/500 · X 140/280": each platform's count, in red where the text no longer fits.
void draw_length_counters(const std::string& text, const std::vector<AccountKind>& platforms) {
    const std::vector<LengthCount> counts = counts_for(platforms, text);
    if (counts.empty()) {
        wrapped_text(std::to_string(count_graphemes(text)) + " characters", colors::kTextDim);
        return;
    }
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        const LengthCount& c = counts[i];
        chip(std::string(account_display_name(c.kind)) + " " + std::to_string(c.length) + "/" + std::to_string(c.limit),
             c.fits() ? colors::kTile : colors::kDanger, colors::kText);
    }
}

}  // namespace

KeyboardResult draw_on_screen_keyboard(std::string& text, bool& shift, const Fonts& fonts, const char* done_label,
                                       const std::string& hint, const std::vector<AccountKind>* platforms) {
    const char* rows[] = {"1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm,.?"};
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float width = ImGui::GetContentRegionAvail().x;
    const float key_width = (width - 9 * spacing) / 10.0f;
    const float key_height = touch_height();

    // The text so far, large, with a cursor mark; wraps like the post will.
    const float text_height = ImGui::GetContentRegionAvail().y - 5 * (key_height + ImGui::GetStyle().ItemSpacing.y);
    ImGui::BeginChild("draft", ImVec2(0, std::max(key_height, text_height)), false);
    ImGui::PushFont(fonts.large);
    wrapped_text(text + "|", colors::kText);
    ImGui::PopFont();
    if (platforms) draw_length_counters(text, *platforms);
    wrapped_text(hint, colors::kTextDim);
    ImGui::EndChild();

    ImGui::PushFont(fonts.large);
    for (const char* row : rows) {
        for (const char* key = row; *key; ++key) {
            if (key != row) ImGui::SameLine();
            char label[8];
            const char shown = shift ? static_cast<char>(std::toupper(static_cast<unsigned char>(*key))) : *key;
            std::snprintf(label, sizeof label, "%c##k%c", shown, *key);
            if (big_button(label, ImVec2(key_width, key_height), colors::kTile, colors::kText) &&
                text.size() < kMaxLength) {
                text += shown;
                shift = false;
            }
        }
    }
    ImGui::PopFont();

    KeyboardResult result = KeyboardResult::Typing;
    const float wide = key_width * 2 + spacing;
    if (big_button("Shift", ImVec2(wide, key_height), shift ? colors::kInfo : colors::kPanel, colors::kText))
        shift = !shift;
    ImGui::SameLine();
    if (big_button("Space", ImVec2(key_width * 3 + 2 * spacing, key_height), colors::kTile, colors::kText) &&
        text.size() < kMaxLength)
        text += ' ';
    ImGui::SameLine();
    if (big_button("Delete", ImVec2(wide, key_height), colors::kPanel, colors::kText)) erase_last_character(text);
    ImGui::SameLine();
    if (big_button("Cancel", ImVec2(key_width, key_height), colors::kPanel, colors::kText)) result = KeyboardResult::Cancel;
    ImGui::SameLine();
    ImGui::PushFont(fonts.bold);
    // The keys only type ASCII and Delete removes whole characters, so the text stays UTF-8;
    // a draft that arrived otherwise (a paste, a scanner) cannot be finished until it is fixed.
    const bool finishable = !text.empty() && is_valid_utf8(text);
    if (big_button(done_label, ImVec2(wide, key_height), colors::kNext, colors::kText, finishable))
        result = KeyboardResult::Post;
    ImGui::PopFont();
    return result;
}

}  // namespace orlive::ui
