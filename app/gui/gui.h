// The desktop app entry point (ImGui + GLFW + OpenGL 3.3).
#pragma once

#include <string>

namespace tidemark::gui {

struct GuiOptions {
    std::string workspace;   // open this workspace at start, when not empty
    std::string screenshot;  // write a PNG of the window after `frames` frames, then quit
    int frames = 3;
    int width = 1280, height = 800;
};

// Returns the process exit code. Fails (1) with a message when no display is available.
int run_gui(const GuiOptions& options);

}  // namespace tidemark::gui
