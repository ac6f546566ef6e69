#include "ui/pin_pad.h"

#include <array>

#include "core/audit/pin_lock.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {
constexpr std::size_t kMaxPinDigits = 8;
}  // namespace

std::optional<std::string> draw_pin_pad(const PinPadView& view, std::string& digits, const Fonts& fonts, TimeMs now) {
    const float key = touch_height() * 1.25f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float pad_width = 3 * key * 1.6f + 2 * spacing;
    const float left = (ImGui::GetContentRegionAvail().x - pad_width) * 0.5f;

    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(view.title);
    ImGui::PopFont();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    if (!view.configured) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + pad_width);
        wrapped_text(view.not_configured, colors::kWarning);
        ImGui::PopTextWrapPos();
        return std::nullopt;
    }
    std::string dots;
    for (std::size_t i = 0; i < digits.size(); ++i) dots += "\u25cf ";
    ImGui::PushFont(fonts.huge);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    ImGui::TextUnformatted(dots.empty() ? " " : dots.c_str());
    ImGui::PopFont();
    const bool locked_out = view.locked_until > now;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
    if (locked_out) {
        long long seconds = (view.locked_until - now + 999) / 1000;
        wrapped_text("Locked after repeated wrong PINs: " + std::to_string(seconds / 60) + ":" +
                         (seconds % 60 < 10 ? "0" : "") + std::to_string(seconds % 60),
                     colors::kDangerText);
    } else if (view.failed_attempts > 0) {
        wrapped_text("Wrong PIN: " + std::to_string(PinLock::kMaxAttempts - view.failed_attempts) +
                         " attempts left before a 5-minute lockout",
                     colors::kDangerText);
    } else {
        ImGui::TextUnformatted(" ");
    }

    std::optional<std::string> entered;
    const std::array<const char*, 12> keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Clear", "0", "Enter"};
    ImGui::PushFont(fonts.large);
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (i % 3 == 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + left);
        else ImGui::SameLine();
        const bool enter = i == 11;
        const ImU32 fill = enter ? colors::kNext : colors::kTile;
        const bool enabled = !locked_out && (!enter || digits.size() >= 4);
        std::string id = std::string(keys[i]) + "##pin";
        if (big_button(id.c_str(), ImVec2(key * 1.6f, key), fill, colors::kText, enabled)) {
            if (i == 9) {
                digits.clear();
            } else if (enter) {
                entered = digits;
                digits.clear();
            } else if (digits.size() < kMaxPinDigits) {
                digits += keys[i];
            }
        }
    }
    ImGui::PopFont();
    return entered;
}

}  // namespace orlive::ui
