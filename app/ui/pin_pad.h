// The PIN pad shared by the compliance and admin screens: digits shown as dots, lockout and
// attempts-left messages, Enter only with 4+ digits.
#pragma once

#include <optional>
#include <string>

#include "core/base/clock.h"
#include "ui/theme.h"

namespace orlive::ui {

struct PinPadView {
    const char* title;
    const char* not_configured;  // shown instead of the pad when no PIN is set
    bool configured = false;
    int failed_attempts = 0;
    TimeMs locked_until = 0;
};

// Returns the entered PIN when Enter is tapped (and clears `digits`).
std::optional<std::string> draw_pin_pad(const PinPadView& view, std::string& digits, const Fonts& fonts, TimeMs now);

}  // namespace orlive::ui
