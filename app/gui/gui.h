// The desktop app entry point (ImGui + GLFW + OpenGL 3.3).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

struct GuiOptions {
    std::string workspace;   // open this workspace at start, when not empty
    std::string screenshot;  // write a PNG of the window after `frames` frames, then quit
    int frames = 3;
    int width = 1280, height = 800;
    std::string view;        // "minx,miny,maxx,maxy" in the working CRS: show this box (else fit all)
    std::string time;        // ISO 8601 time T for the timeline (else the window start)
    std::string as_of;       // ISO 8601: a team workspace as it was known then, read-only (File > View as of)
    std::string panel;       // side-bar tab to open first, e.g. "Layers", "Forces"
    std::string select;      // "LAYER:FID": the feature selected at start (the Inspector shows it)
    bool show_history = false;  // with `select` on a team workspace: the Inspector's History tab
    bool coverage_as_of = false;  // start with the coast coloured as of T (when the results allow)
    bool print_view = false; // with --screenshot: print the map rectangle and view on stdout
    int bench_frames = 0;    // > 0: time launch, then this many frames panning, print, quit (frame_bench.h)
};

// The side-bar panels' titles, in tab order (the values --panel takes).
std::vector<std::string> panel_titles();

// Returns the process exit code. Fails (1) with a message when no display is available.
int run_gui(const GuiOptions& options);

}  // namespace tidemark::gui
