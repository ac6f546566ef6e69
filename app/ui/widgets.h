// Touch widgets shared by the screens: large tiles, big buttons and status chips, all sized
// from the font so they scale with the screen.
#pragma once

#include <string>

#include <imgui.h>

#include "ui/theme.h"

namespace orlive::ui {

struct TileStyle {
    ImU32 fill;
    ImU32 border = 0;
    ImU32 text;
};

// A large tappable tile: `corner` top-left (small), `label` centred (large), `footer` bottom.
// Returns true when tapped (and `enabled`).
bool tile(const char* id, ImVec2 size, const TileStyle& style, const std::string& corner, const std::string& label,
          const std::string& footer, ImFont* label_font, bool enabled = true, ImFont* fallback_font = nullptr);

// A button at least `min_height` tall in the given colours.
bool big_button(const char* label, ImVec2 size, ImU32 fill, ImU32 text, bool enabled = true);

// A rounded label with a coloured background, drawn at the cursor.
void chip(const std::string& text, ImU32 fill, ImU32 text_color);
float chip_width(const std::string& text);

// A number picked without typing: large -10 / - / + / +10 buttons around the value.
void number_picker(const char* id, const std::string& label, int& value, int min, int max, int step,
                   const Fonts& fonts);

// Minimum touch target height: at least 64 px at 1280x800.
float touch_height();

// A rounded panel behind what is drawn between begin_card and end_card (its height is known
// only afterwards, so the panel goes on a channel below). Content starts `pad` inside `top`.
struct Card {
    ImVec2 top;
    float width = 0;
    float pad = 0;
};
Card begin_card();
void end_card(const Card& card, ImU32 fill);

// Touch scrolling in the current child window: a finger drags the list (ImGui 1.86 has none).
void touch_scroll();

// Text wrapped to the available width in the given colour.
void wrapped_text(const std::string& text, ImU32 color);

}  // namespace orlive::ui
