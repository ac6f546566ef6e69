#include "ui/theme.h"

#include <algorithm>
#include <system_error>

namespace orlive::ui {

namespace {

constexpr float kBaseFontPx = 22.0f;

const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x024F,  // Basic Latin, Latin-1, Latin Extended-A and -B
        0x0300, 0x036F,  // combining diacritics
        0x1E00, 0x1EFF,  // Latin Extended Additional (Vietnamese)
        0x2010, 0x205E,  // punctuation: dashes, quotes, ellipsis
        0x2190, 0x21FF,  // arrows
        0x2713, 0x2718,  // check and cross marks
        0x25CF, 0x25CF,  // black circle
        0,
    };
    return ranges;
}

}  // namespace

float ui_scale_for(float width, float height) {
    float scale = std::min(width / 1280.0f, height / 800.0f);
    return std::clamp(scale, 0.75f, 2.5f);
}

float choose_ui_scale(float width, float height, float content_scale, float override_scale) {
    if (override_scale > 0.0f) return std::clamp(override_scale, 0.75f, 2.5f);
    return std::clamp(ui_scale_for(width, height) * std::max(1.0f, content_scale), 0.75f, 2.5f);
}

Fonts load_fonts(const std::filesystem::path& font_dir, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    const std::filesystem::path regular = font_dir / "DejaVuSans.ttf";
    const std::filesystem::path bold = font_dir / "DejaVuSans-Bold.ttf";
    std::error_code ec;
    if (!std::filesystem::exists(regular, ec) || !std::filesystem::exists(bold, ec)) {
        ImFontConfig config;
        config.SizePixels = kBaseFontPx * scale;
        fonts.body = fonts.bold = fonts.large = fonts.huge = io.Fonts->AddFontDefault(&config);
        return fonts;
    }
    // No horizontal oversampling: at 22 px and up, glyphs snapped to whole pixels read as well,
    // and the atlas is a third of the size (2048x4096 with ImGui's default of 3, in memory twice:
    // on the CPU and in llvmpipe's texture).
    ImFontConfig config;
    config.OversampleH = 1;
    config.PixelSnapH = true;
    auto add = [&](const std::filesystem::path& file, float px) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), px * scale, &config, glyph_ranges());
    };
    fonts.body = add(regular, kBaseFontPx);
    fonts.bold = add(bold, kBaseFontPx);
    fonts.large = add(bold, kBaseFontPx * 1.35f);
    fonts.huge = add(bold, kBaseFontPx * 2.0f);
    io.FontDefault = fonts.body;
    return fonts;
}

void apply_theme(float scale) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(16, 12);
    style.FramePadding = ImVec2(16, 12);
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 28;
    style.GrabMinSize = 28;
    style.FrameRounding = 10;
    style.WindowRounding = 0;
    style.ChildRounding = 10;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.ScaleAllSizes(scale);

    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colors::kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colors::kText);
    c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(colors::kTextDim);
    c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(colors::kTile);
    c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(colors::kTileHover);
    c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(colors::kNext);
    c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(colors::kPanel);
    c[ImGuiCol_ScrollbarBg] = ImGui::ColorConvertU32ToFloat4(colors::kBackground);
    c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(colors::kTileHover);
}

}  // namespace orlive::ui
