// Runs the real screens in an ImGui context with no window: display size set, font atlas
// built, synthetic pointer input. Finds where a tap produces an action by probing positions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <imgui.h>

#include "ui/screens.h"

namespace orlive::ui::testing {

class ScreenHarness {
public:
    explicit ScreenHarness(ImVec2 display = ImVec2(1280, 800)) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        fonts = load_fonts("/usr/share/fonts/truetype/dejavu", ui_scale_for(display.x, display.y));
        apply_theme(ui_scale_for(display.x, display.y));
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~ScreenHarness() { ImGui::DestroyContext(); }

    // One frame with the pointer at `pos` (or away) and the button up or down.
    std::vector<Action> frame(const SessionSnapshot& snapshot, ImVec2 pos, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = pos;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        std::vector<Action> actions;
        draw_ui(snapshot, state, fonts, actions);
        ImGui::Render();
        return actions;
    }

    // A full tap: hover, press, release, then the pointer leaves (as after a finger lifts).
    std::vector<Action> tap(const SessionSnapshot& snapshot, ImVec2 pos) {
        std::vector<Action> all;
        for (bool down : {false, true, false}) {
            auto actions = frame(snapshot, pos, down);
            all.insert(all.end(), actions.begin(), actions.end());
        }
        frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false);
        return all;
    }

    // A physical keyboard or a USB barcode scanner: the characters in one frame, then Enter.
    std::vector<Action> type_and_enter(const SessionSnapshot& snapshot, const std::string& text) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddInputCharactersUTF8(text.c_str());
        frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false);
        constexpr int kEnterIndex = 257;  // GLFW_KEY_ENTER, as the GLFW backend maps it
        io.KeyMap[ImGuiKey_Enter] = kEnterIndex;
        io.KeysDown[kEnterIndex] = true;
        auto actions = frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false);
        io.KeysDown[kEnterIndex] = false;
        frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false);
        return actions;
    }

    UiState state;
    Fonts fonts;
};

}  // namespace orlive::ui::testing
