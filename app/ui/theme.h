// The look: a high-contrast dark theme sized for fingers and arm's-length reading, and the
// fonts it needs. Only touches ImGui state (no GL): the backend uploads the atlas.
#pragma once

#include <filesystem>

#include <imgui.h>

namespace orlive::ui {

struct Fonts {
    ImFont* body = nullptr;   // base size
    ImFont* bold = nullptr;   // base size, bold
    ImFont* large = nullptr;  // tile labels, buttons
    ImFont* huge = nullptr;   // the elapsed clock
};

namespace colors {
inline constexpr ImU32 kBackground = IM_COL32(14, 18, 24, 255);
inline constexpr ImU32 kPanel = IM_COL32(30, 38, 50, 255);
inline constexpr ImU32 kTile = IM_COL32(36, 52, 72, 255);
inline constexpr ImU32 kTileHover = IM_COL32(48, 70, 96, 255);
inline constexpr ImU32 kNext = IM_COL32(0, 110, 80, 255);       // next expected milestone
inline constexpr ImU32 kNextBorder = IM_COL32(90, 230, 170, 255);
inline constexpr ImU32 kDone = IM_COL32(26, 30, 36, 255);
inline constexpr ImU32 kText = IM_COL32(245, 247, 250, 255);
inline constexpr ImU32 kTextDim = IM_COL32(180, 190, 204, 255);  // still >= 4.5:1 on kPanel
inline constexpr ImU32 kAccent = IM_COL32(90, 230, 170, 255);
inline constexpr ImU32 kWarning = IM_COL32(255, 196, 70, 255);
inline constexpr ImU32 kDanger = IM_COL32(200, 40, 40, 255);
inline constexpr ImU32 kDangerText = IM_COL32(255, 140, 130, 255);
inline constexpr ImU32 kInfo = IM_COL32(40, 90, 160, 255);
}  // namespace colors

// The UI scale for a framebuffer: 1.0 at 1280x800, larger on bigger screens.
float ui_scale_for(float width, float height);
// What the app uses: the settings' override when set, else the size-based scale raised by the
// monitor's content scale (HiDPI panels report > 1).
float choose_ui_scale(float width, float height, float content_scale, float override_scale);
// Loads DejaVu (regular and bold) from `font_dir` at the given scale, with the glyphs for
// accented and Vietnamese names. Falls back to ImGui's built-in font if files are missing.
Fonts load_fonts(const std::filesystem::path& font_dir, float scale);
void apply_theme(float scale);

}  // namespace orlive::ui
