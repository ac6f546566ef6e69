// WCAG 2.x AA: every text colour the screens draw must reach 4.5:1 on every background it is
// drawn on (large text would need only 3:1; we hold all text to 4.5).
#include <cmath>

#include <gtest/gtest.h>

#include "ui/theme.h"

namespace orlive::ui {
namespace {

double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(ImU32 color) {
    const unsigned r = (color >> IM_COL32_R_SHIFT) & 0xFF;
    const unsigned g = (color >> IM_COL32_G_SHIFT) & 0xFF;
    const unsigned b = (color >> IM_COL32_B_SHIFT) & 0xFF;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

double contrast(ImU32 a, ImU32 b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

struct Pair {
    const char* where;
    ImU32 text;
    ImU32 background;
};

TEST(ThemeContrast, EveryTextAndBackgroundPairPassesWcagAA) {
    using namespace colors;
    const Pair pairs[] = {
        {"body text", kText, kBackground},           {"header and cards", kText, kPanel},
        {"milestone tiles", kText, kTile},           {"next milestone", kText, kNext},
        {"info chips, undo bar", kText, kInfo},      {"danger buttons", kText, kDanger},
        {"pressed tiles", kText, kTileHover},        {"done tiles", kTextDim, kDone},
        {"hints on panels", kTextDim, kPanel},       {"hints on background", kTextDim, kBackground},
        {"hints on tiles", kTextDim, kTile},         {"warning chips", kBackground, kWarning},
        {"review title", kWarning, kBackground},     {"errors", kDangerText, kBackground},
        {"errors on cards", kDangerText, kPanel},    {"gallery titles", kAccent, kBackground},
        {"done tiles' text", kText, kDone},
    };
    for (const Pair& pair : pairs) {
        EXPECT_GE(contrast(pair.text, pair.background), 4.5) << pair.where;
    }
}

}  // namespace
}  // namespace orlive::ui

namespace orlive::ui {
namespace {

TEST(UiScale, GrowsWithTheScreenAndHonoursTheOverride) {
    EXPECT_FLOAT_EQ(choose_ui_scale(1280, 800, 1.0f, 0.0f), 1.0f);
    EXPECT_FLOAT_EQ(choose_ui_scale(1920, 1080, 1.0f, 0.0f), 1.35f);
    EXPECT_FLOAT_EQ(choose_ui_scale(1280, 800, 2.0f, 0.0f), 2.0f) << "a HiDPI panel scales up";
    EXPECT_FLOAT_EQ(choose_ui_scale(1920, 1080, 1.0f, 1.2f), 1.2f) << "the settings override wins";
    EXPECT_FLOAT_EQ(choose_ui_scale(1024, 600, 1.0f, 0.0f), 0.75f);
}

}  // namespace
}  // namespace orlive::ui
