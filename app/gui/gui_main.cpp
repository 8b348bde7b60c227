#include "app/gui/gui.h"

#include "layers/workspace.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>

namespace tidemark::gui {

int run_gui(const GuiOptions& options) {
    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
        std::cerr << "tidemark: no display (DISPLAY is not set): the desktop app needs one; "
                     "use `tidemark render WS.gpkg -o map.png` for a map without a display\n";
        return 1;
    }
    if (!glfwInit()) {
        std::cerr << "tidemark: cannot start the window system (GLFW); is a display available?\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "Tidemark", nullptr, nullptr);
    if (!window) {
        std::cerr << "tidemark: cannot open an OpenGL 3.3 window\n";
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsDark();
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    std::optional<layers::Workspace> ws;
    std::string status = "No workspace open";
    if (!options.workspace.empty()) {
        std::string error;
        ws = layers::Workspace::open(options.workspace, &error);
        status = ws ? "Workspace " + options.workspace : error;
    }

    int frame = 0;
    bool quit = false;
    while (!glfwWindowShouldClose(window) && !quit) {
        // An idle app sleeps: wait for input instead of redrawing continuously.
        if (options.screenshot.empty()) glfwWaitEventsTimeout(0.5); else glfwPollEvents();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        if (ImGui::BeginMainMenuBar()) {
            if (ImGui::BeginMenu("File")) {
                if (ImGui::MenuItem("Quit", "Ctrl+Q")) quit = true;
                ImGui::EndMenu();
            }
            ImGui::TextDisabled("  %s", status.c_str());
            ImGui::EndMainMenuBar();
        }
        ImGui::Render();
        int w, h;
        glfwGetFramebufferSize(window, &w, &h);
        glViewport(0, 0, w, h);
        glClearColor(0.72f, 0.83f, 0.91f, 1.0f);  // sea
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window);
        if (!options.screenshot.empty() && ++frame >= options.frames) quit = true;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace tidemark::gui
