#include "app/gui/gui.h"

#include "app/gui/app_state.h"
#include "app/gui/main_window.h"
#include "app/gui/map/gl_api.h"
#include "app/gui/map/map_renderer.h"
#include "app/gui/screenshot.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace tidemark::gui {
namespace {

// Owns GLFW and the ImGui context for the lifetime of run_gui().
struct WindowSystem {
    GLFWwindow* window = nullptr;
    bool imgui = false;
    ~WindowSystem() {
        if (imgui) {
            ImGui_ImplOpenGL3_Shutdown();
            ImGui_ImplGlfw_Shutdown();
            ImGui::DestroyContext();
        }
        if (window) glfwDestroyWindow(window);
        glfwTerminate();
    }
};

std::string recent_store_path() {
    const char* home = std::getenv("HOME");
    if (!home) return "";
    const std::filesystem::path dir = std::filesystem::path(home) / ".config" / "tidemark";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return ec ? "" : (dir / "recent.txt").string();
}

}  // namespace

int run_gui(const GuiOptions& options) {
    glfwSetErrorCallback([](int code, const char* text) { std::fprintf(stderr, "GLFW error %d: %s\n", code, text); });
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY")) {
        std::cerr << "tidemark: no display (DISPLAY is not set): the desktop app needs one; "
                     "run it under `xvfb-run -a` for screenshots, or use `tidemark render` for a map file\n";
        return 1;
    }
    AppState app;
    app.coverage.wake = [] { glfwPostEmptyEvent(); };  // so progress moves and results land while idle
    app.forecast.wake = [] { glfwPostEmptyEvent(); };
    app.reconcile.wake = [] { glfwPostEmptyEvent(); };
    app.track_import.wake = [] { glfwPostEmptyEvent(); };
    app.live.wake = [] { glfwPostEmptyEvent(); };  // another person's change shows at once while idle
    const bool capture = !options.screenshot.empty();
    app.set_recent_store(capture ? "" : recent_store_path());  // tests never touch the user's recent list
    if (!options.workspace.empty()) {
        std::string error;
        if (!app.open(options.workspace, &error)) {
            std::cerr << "tidemark: " << error << "\n";
            return 1;
        }
    }
    if (!options.time.empty()) {
        auto t = geo::parse_iso8601(options.time);
        if (!t) {
            std::cerr << "tidemark: --time " << options.time << ": expected an ISO 8601 time such as 2026-03-01T12:00Z\n";
            return 2;
        }
        app.time_t = *t;
    }
    if (options.coverage_as_of) {
        if (!app.coverage_as_of_available()) {
            std::cerr << "tidemark: --coverage-as-of: the workspace's coverage results have no sightings "
                         "(none stored, or stored before they were kept): run `tidemark coverage` again\n";
            return 2;
        }
        app.coverage_as_of = true;
    }
    std::optional<geo::Box> view_box;
    if (!options.view.empty()) {
        geo::Box b;
        if (std::sscanf(options.view.c_str(), "%lf,%lf,%lf,%lf", &b.min_x, &b.min_y, &b.max_x, &b.max_y) != 4 || b.empty()) {
            std::cerr << "tidemark: --view " << options.view << ": expected minx,miny,maxx,maxy in the working CRS\n";
            return 2;
        }
        view_box = b;
    }

    WindowSystem ws;
    if (!glfwInit()) {
        std::cerr << "tidemark: cannot start the window system (GLFW); is a display available?\n";
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_STENCIL_BITS, 8);  // polygon fill uses the stencil buffer
    if (capture) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    ws.window = glfwCreateWindow(options.width, options.height, "Tidemark", nullptr, nullptr);
    if (!ws.window) {
        std::cerr << "tidemark: cannot open an OpenGL 3.3 window (needs Mesa 3.3 core or newer)\n";
        return 1;
    }
    glfwMakeContextCurrent(ws.window);
    glfwSwapInterval(capture ? 0 : 1);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ws.imgui = true;
    ImGui::GetIO().IniFilename = nullptr;
    // A proportional font when the system has one (fonts-dejavu-core); ImGui's built-in otherwise.
    const char* kFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    // Latin-1 plus the few signs legends and times use (– ≤ ≥ × ° …): ImGui's default range
    // has none of them and draws '?'.
    static ImVector<ImWchar> glyphs;
    if (glyphs.empty()) {
        ImFontGlyphRangesBuilder b;
        b.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());
        b.AddText("–—≤≥×°…·→");
        b.BuildRanges(&glyphs);
    }
    if (std::filesystem::exists(kFont)) ImGui::GetIO().Fonts->AddFontFromFileTTF(kFont, 15.0f, nullptr, glyphs.Data);
    ImGui::StyleColorsLight();
    ImGui::GetStyle().WindowRounding = 0;
    ImGui_ImplGlfw_InitForOpenGL(ws.window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    MapRenderer renderer;
    std::string error;
    if (!renderer.create(&error)) {
        std::cerr << "tidemark: " << error << "\n";
        return 1;
    }
    MainWindow main_window(options.panel);
    int frame = 0;
    double last_time = glfwGetTime();
    bool quit = false, first_layout = true;
    while (!quit) {
        // An idle app sleeps: wait for input unless the timeline plays (or a capture runs).
        if (capture || app.playing) glfwPollEvents(); else glfwWaitEventsTimeout(1.0);
        const double now = glfwGetTime();
        app.advance(now - last_time);
        app.poll_background();
        last_time = now;
        if (glfwWindowShouldClose(ws.window)) {
            glfwSetWindowShouldClose(ws.window, GLFW_FALSE);
            if (capture || !app.dirty()) quit = true;
            else main_window.ask_before_quit();
        }
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        if (main_window.draw(app, renderer)) quit = true;
        if (first_layout) {
            // The map rectangle is known after the first layout.
            // A view kept in the workspace is put back as it was; --view overrides it.
            if (view_box) app.view.fit(*view_box, 0.0); else if (!app.view_restored()) app.fit_all();
            first_layout = false;
        }
        ImGui::Render();
        int fb_w, fb_h, win_w, win_h;
        glfwGetFramebufferSize(ws.window, &fb_w, &fb_h);
        glfwGetWindowSize(ws.window, &win_w, &win_h);
        const float scale = win_w > 0 ? static_cast<float>(fb_w) / win_w : 1.0f;
        glViewport(0, 0, fb_w, fb_h);
        glClearColor(0.94f, 0.94f, 0.94f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        renderer.sync(app);
        renderer.draw(app, fb_h, scale);
        glViewport(0, 0, fb_w, fb_h);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        if (capture && ++frame >= options.frames) {
            if (!write_framebuffer_png(options.screenshot, fb_w, fb_h, &error)) {
                std::cerr << "tidemark: " << error << "\n";
                return 1;
            }
            if (options.print_view) {
                const ViewTransform& v = app.view;
                std::printf("map_rect %.0f %.0f %.0f %.0f\nview_centre %.3f %.3f\nmetres_per_pixel %.6f\n", v.rect.x * scale,
                            v.rect.y * scale, v.rect.width * scale, v.rect.height * scale, v.centre.x, v.centre.y,
                            v.metres_per_pixel / scale);
            }
            quit = true;
        }
        glfwSwapBuffers(ws.window);
    }
    // Stop a coverage run while GLFW is still up: its worker wakes the (then gone) event loop.
    app.coverage.cancel();
    app.coverage.wait();
    app.forecast.cancel();
    app.forecast.wait();
    app.reconcile.wait();
    app.live.stop();
    renderer.destroy();
    return 0;
}

}  // namespace tidemark::gui
