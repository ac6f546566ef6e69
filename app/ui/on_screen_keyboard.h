// The on-screen keyboard: a touch kiosk has no physical keyboard, so free text is typed here.
// Edits `text` in place; returns true when the coordinator taps Post.
#pragma once

#include <string>
#include <vector>

#include "core/compose/settings.h"
#include "ui/theme.h"

namespace orlive::ui {

enum class KeyboardResult { Typing, Post, Cancel };

// `done_label` names the finishing key ("Post", "Next"); `hint` is shown under the text. Text
// that will be posted passes the `platforms` it goes to: a counter for each, by that
// platform's own rule (length_limits.h), red once the text no longer fits it (none
// configured: a plain character count).
KeyboardResult draw_on_screen_keyboard(std::string& text, bool& shift, const Fonts& fonts, const char* done_label,
                                       const std::string& hint, const std::vector<AccountKind>* platforms = nullptr);

}  // namespace orlive::ui
