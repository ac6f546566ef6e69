// The on-screen keyboard: a touch kiosk has no physical keyboard, so free text is typed here.
// Edits `text` in place; returns true when the coordinator taps Post.
#pragma once

#include <string>

#include "ui/theme.h"

namespace orlive::ui {

enum class KeyboardResult { Typing, Post, Cancel };

// `done_label` names the finishing key ("Post", "Next"); `hint` is shown under the text.
KeyboardResult draw_on_screen_keyboard(std::string& text, bool& shift, const Fonts& fonts, const char* done_label,
                                       const std::string& hint);

}  // namespace orlive::ui
