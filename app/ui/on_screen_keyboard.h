// The on-screen keyboard: a touch kiosk has no physical keyboard, so free text is typed here.
// Edits `text` in place; returns true when the coordinator taps Post.
#pragma once

#include <string>

#include "ui/theme.h"

namespace orlive::ui {

enum class KeyboardResult { Typing, Post, Cancel };

KeyboardResult draw_on_screen_keyboard(std::string& text, bool& shift, const Fonts& fonts);

}  // namespace orlive::ui
