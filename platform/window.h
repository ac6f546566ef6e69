// Window: the platform behind one small interface (GLFW window, OpenGL 3.3 context, ImGui's
// GLFW and OpenGL3 backends). Main thread only, except post_wake(), which any thread may call.
//
// Implements: window/fullscreen creation, framebuffer content scale, frame begin/end,
// a one-byte-per-pixel font atlas texture, blocking waits with timeout, cross-thread wake-up, back-buffer read-back for screenshots.
// Does not implement: multiple windows, viewports, gamepads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/base/result.h"

struct GLFWwindow;

namespace orlive::platform {

struct WindowOptions {
    int width = 1280;
    int height = 800;
    bool fullscreen = false;
    bool visible = true;
    std::string title = "ORLive";
};

struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // top row first
};

class Window {
public:
    static Result<Window*> create(const WindowOptions& options);  // owned by the caller
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    // Builds the font atlas added since (ui::load_fonts) and uploads it as a one-byte-per-pixel
    // texture; call once after loading fonts, before the first frame.
    void upload_fonts();
    bool should_close() const;
    void cancel_close();
    void begin_frame();             // polls nothing: call wait_events first
    void end_frame(bool present);   // renders ImGui; swaps when `present`
    Pixels read_back_buffer() const;  // call after end_frame(false), before any swap

    // Sleeps until input, a wake-up or the timeout; never spins.
    void wait_events(double timeout_seconds);
    static void post_wake();
    // Input and window-system events (pointer, touch, keys, focus, resize, expose) so far.
    std::uint64_t input_events() const;
    // After a finger lifts, park the pointer off-screen so nothing stays hovered.
    void park_pointer_after_release();

    float content_scale() const;
    int framebuffer_width() const;
    int framebuffer_height() const;

private:
    explicit Window(GLFWwindow* window) : window_(window) {}
    GLFWwindow* window_;
    unsigned int font_texture_ = 0;  // a GLuint
};

}  // namespace orlive::platform
