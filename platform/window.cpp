#include "platform/window.h"

#define GLFW_INCLUDE_GLEXT  // GL_R8 and the texture swizzle (GL 3.3 core)
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>

namespace orlive::platform {

namespace {
void report_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "orlive: window system error %d: %s\n", code, description);
}

// Input and window-system events seen since start. The loop draws frames after these and not
// after a cross-thread wake-up, which only changes what the session says.
std::atomic<std::uint64_t> g_input_events{0};
void count() { g_input_events.fetch_add(1, std::memory_order_relaxed); }

// Installed before ImGui's backend, which chains to them from its own callbacks.
void count_input_events(GLFWwindow* handle) {
    glfwSetMouseButtonCallback(handle, [](GLFWwindow*, int, int, int) { count(); });
    glfwSetScrollCallback(handle, [](GLFWwindow*, double, double) { count(); });
    glfwSetKeyCallback(handle, [](GLFWwindow*, int key, int, int action, int) {
        count();
        // A barcode scanner's Enter comes down and up before the next frame, where ImGui's key
        // state never sees it pressed: it is queued as the character '\n' too (ui reads both).
        if (action == GLFW_PRESS && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) && ImGui::GetCurrentContext())
            ImGui::GetIO().AddInputCharacter('\n');
    });
    glfwSetCharCallback(handle, [](GLFWwindow*, unsigned int) { count(); });
    glfwSetWindowFocusCallback(handle, [](GLFWwindow*, int) { count(); });
    glfwSetCursorEnterCallback(handle, [](GLFWwindow*, int) { count(); });
    glfwSetCursorPosCallback(handle, [](GLFWwindow*, double, double) { count(); });
    glfwSetFramebufferSizeCallback(handle, [](GLFWwindow*, int, int) { count(); });
    glfwSetWindowRefreshCallback(handle, [](GLFWwindow*) { count(); });
}
}  // namespace

Result<Window*> Window::create(const WindowOptions& options) {
    glfwSetErrorCallback(report_glfw_error);
    if (!glfwInit()) {
        return make_error("cannot open the display: is $DISPLAY set? (run under xvfb-run for a headless screenshot)");
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_DECORATED, options.fullscreen ? GLFW_FALSE : GLFW_TRUE);

    GLFWmonitor* monitor = nullptr;
    int width = options.width, height = options.height;
    if (options.fullscreen) {
        monitor = glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
    }
    GLFWwindow* handle = glfwCreateWindow(width, height, options.title.c_str(), monitor, nullptr);
    if (!handle) {
        glfwTerminate();
        return make_error("cannot create an OpenGL 3.3 window (is Mesa installed? see README)");
    }
    glfwMakeContextCurrent(handle);
    glfwSwapInterval(1);
    count_input_events(handle);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; never write imgui.ini
    ImGui_ImplGlfw_InitForOpenGL(handle, true);
    // Mesa gives a 4.5 core context for a 3.3 core request; 330 core works on both.
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        return make_error("cannot initialise OpenGL 3.3 rendering");
    }
    // The backend makes its shaders and buffers together with an RGBA font texture. Let it do so
    // now, on the empty atlas (ImGui's 13 px default, a few KiB), and drop that texture:
    // upload_fonts() uploads ours at one byte per pixel, never building the RGBA copy.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui::GetIO().Fonts->Clear();
    return new Window(handle);
}

Window::~Window() {
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }

void Window::cancel_close() { glfwSetWindowShouldClose(window_, GLFW_FALSE); }

void Window::upload_fonts() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    GLint last_texture = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    glGenTextures(1, &font_texture_);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    // Sampled as (1, 1, 1, coverage): exactly the white RGBA atlas the backend's shader expects.
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
    atlas->ClearTexData();  // the texture holds the pixels now; the glyph tables stay
}

void Window::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::end_frame(bool present) {
    ImGui::Render();
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.055f, 0.07f, 0.094f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (present) glfwSwapBuffers(window_);
}

Pixels Window::read_back_buffer() const {
    Pixels pixels;
    glfwGetFramebufferSize(window_, &pixels.width, &pixels.height);
    const std::size_t row = static_cast<std::size_t>(pixels.width) * 4;
    std::vector<std::uint8_t> bottom_up(row * static_cast<std::size_t>(pixels.height));
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, pixels.width, pixels.height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    pixels.rgba.resize(bottom_up.size());
    for (int y = 0; y < pixels.height; ++y) {  // GL's origin is bottom-left; PNG's is top-left
        std::copy_n(bottom_up.data() + static_cast<std::size_t>(pixels.height - 1 - y) * row, row,
                    pixels.rgba.data() + static_cast<std::size_t>(y) * row);
    }
    return pixels;
}

void Window::wait_events(double timeout_seconds) {
    if (timeout_seconds <= 0) {
        glfwPollEvents();
    } else {
        glfwWaitEventsTimeout(timeout_seconds);
    }
}

void Window::post_wake() { glfwPostEmptyEvent(); }

std::uint64_t Window::input_events() const { return g_input_events.load(std::memory_order_relaxed); }

void Window::park_pointer_after_release() {
    ImGuiIO& io = ImGui::GetIO();
    if (!io.MouseDown[0] && io.MouseReleased[0]) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

float Window::content_scale() const {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    return x;
}

int Window::framebuffer_width() const {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return width;
}

int Window::framebuffer_height() const {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    return height;
}

}  // namespace orlive::platform
