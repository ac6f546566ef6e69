// The floor for `orlive --screenshot`'s startup time and peak RSS: the same GLFW window, OpenGL
// 3.3 core context and ImGui backends as platform/window.cpp, drawing one small ImGui window
// for N frames (default 4, as the screenshot does), then exiting. No database, no filter, no
// fonts from disk: what is left is what any GLFW+ImGui program pays.
// With INTERVAL_MS it waits that long between frames (glfwWaitEventsTimeout): the idle floor,
// a window redrawing once a second (tests/bench/idle_cpu.sh runs it beside the app).
// usage: bare_imgui_window [FRAMES [INTERVAL_MS]]
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 4;
    const int interval_ms = argc > 2 ? std::atoi(argv[2]) : 0;
    if (!glfwInit()) {
        std::fprintf(stderr, "bare_imgui_window: cannot open the display (run under xvfb-run)\n");
        return 2;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "bare", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "bare_imgui_window: cannot create an OpenGL 3.3 window\n");
        glfwTerminate();
        return 2;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");  // as platform/window.cpp: Mesa gives 4.5 core

    for (int i = 0; i < frames; ++i) {
        if (interval_ms > 0 && i > 0) {
            glfwWaitEventsTimeout(interval_ms / 1000.0);
        } else {
            glfwPollEvents();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        ImGui::Begin("bare");
        ImGui::Text("frame %d", i);
        ImGui::End();
        ImGui::Render();
        int width = 0, height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        glViewport(0, 0, width, height);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
    }
    glFinish();

    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
