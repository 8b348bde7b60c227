#include "app/gui/gui.h"

#include "app/gui/app_state.h"
#include "app/gui/main_window.h"
#include "app/gui/map/gl_api.h"
#include "app/gui/map/map_renderer.h"
#include "app/gui/frame_bench.h"
#include "app/gui/imgui_frame.h"
#include "app/gui/screenshot.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
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
    std::optional<FrameBench> bench;
    if (options.bench_frames > 0) bench.emplace(options.bench_frames);
    const bool unattended = capture || bench;  // draws as fast as it can, never waits for input
    app.set_recent_store(unattended ? "" : recent_store_path());  // tests never touch the user's recent list
    app.opening.wake = [] { glfwPostEmptyEvent(); };
    app.adding.wake = [] { glfwPostEmptyEvent(); };
    app.exporting.wake = [] { glfwPostEmptyEvent(); };
    app.save_job.wake = [] { glfwPostEmptyEvent(); };
    app.row_history.wake = [] { glfwPostEmptyEvent(); };
    // What the command line asks of the workspace: checked now, applied once it is open.
    std::optional<double> start_time;
    if (!options.time.empty()) {
        start_time = geo::parse_iso8601(options.time);
        if (!start_time) {
            std::cerr << "tidemark: --time " << options.time << ": expected an ISO 8601 time such as 2026-03-01T12:00Z\n";
            return 2;
        }
    }
    std::optional<double> as_of;
    if (!options.as_of.empty()) {
        as_of = geo::parse_iso8601(options.as_of);
        if (!as_of) {
            std::cerr << "tidemark: --as-of " << options.as_of << ": expected an ISO 8601 time such as 2026-03-02T09:00:00Z\n";
            return 2;
        }
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
    auto apply_start_options = [&]() -> int {  // 0, or the exit code
        // As if typed into the timeline: the same checks (inside the window, never 1970).
        std::string why;
        if (start_time && !app.type_time(options.time, &why)) {
            std::cerr << "tidemark: --time " << options.time << ": " << why << "\n";
            return 2;
        }
        if (options.coverage_as_of) {
            if (!app.coverage_as_of_available()) {
                std::cerr << "tidemark: --coverage-as-of: the workspace's coverage results have no sightings "
                             "(none stored, or stored before they were kept): run `tidemark coverage` again\n";
                return 2;
            }
            app.coverage_as_of = true;
        }
        if (!options.select.empty()) {
            const std::size_t colon = options.select.rfind(':');
            const layers::Layer* l = colon == std::string::npos ? nullptr : app.workspace->find(options.select.substr(0, colon));
            const std::int64_t fid = colon == std::string::npos ? 0 : std::atoll(options.select.c_str() + colon + 1);
            auto it = l ? std::find_if(l->features().begin(), l->features().end(), [&](const layers::Feature& f) { return f.fid == fid; })
                        : std::vector<layers::Feature>::const_iterator{};
            if (!l || it == l->features().end()) {
                std::cerr << "tidemark: --select " << options.select << ": expected LAYER:FID naming a feature of the workspace\n";
                return 2;
            }
            app.selection = {l->name, it - l->features().begin()};
            app.show_history = options.show_history;
        }
        return 0;
    };
    // A screenshot needs the workspace in its first frame. Otherwise the window comes up at once
    // and the workspace is read meanwhile (OpenJob): the map appears when it lands.
    bool opening_at_launch = false;
    if (!options.workspace.empty()) {
        std::string error;
        if (capture || as_of) {  // the past is read at once: the window opens on it
            if (!app.open(options.workspace, &error) || (as_of && !app.open_as_of(*as_of, &error))) {
                std::cerr << "tidemark: " << error << "\n";
                return 1;
            }
            if (const int code = apply_start_options()) return code;
        } else {
            app.start_open(options.workspace, &error);
            opening_at_launch = true;
        }
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
    if (unattended) glfwWindowHint(GLFW_RESIZABLE, GLFW_FALSE);
    ws.window = glfwCreateWindow(options.width, options.height, "Tidemark", nullptr, nullptr);
    if (!ws.window) {
        std::cerr << "tidemark: cannot open an OpenGL 3.3 window (needs Mesa 3.3 core or newer)\n";
        return 1;
    }
    glfwMakeContextCurrent(ws.window);
    glfwSwapInterval(unattended ? 0 : 1);
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
    // The side bar, timeline and status bar tile the window around the map edge to edge; a
    // border would reach a pixel into the map and make every panel count as drawn over it
    // (app/gui/panel_redraw.h). Menus, pop-ups and tooltips keep theirs (PopupBorderSize).
    ImGui::GetStyle().WindowBorderSize = 0;
    ImGui_ImplGlfw_InitForOpenGL(ws.window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    MapRenderer renderer;
    std::string error;
    if (!renderer.create(&error)) {
        std::cerr << "tidemark: " << error << "\n";
        return 1;
    }
    if (bench) bench->mark("window and OpenGL ready");
    MainWindow main_window(options.panel);
    int frame = 0;
    double last_time = glfwGetTime();
    bool quit = false, first_layout = true, bench_ready = false;
    int cleared_w = 0, cleared_h = 0, clear_frames = 0;
    PanelRedraw panel_redraw;
    while (!quit) {
        // An idle app sleeps: wait for input unless the timeline plays (or a capture runs).
        // While the workspace is read at launch even a bench waits: the reader needs the cores.
        if ((unattended && !app.opening.busy()) || app.playing) glfwPollEvents(); else glfwWaitEventsTimeout(1.0);
        // The bench pans once the first map with the workspace is drawn (frame 1 on).
        if (bench_ready && frame > 0) {
            if (!bench->next(app.view)) {
                bench->print(view_box ? "view " + options.view : std::string("view at launch"));
                break;
            }
            bench->frame_start();
        }
        const double now = glfwGetTime();
        app.advance(now - last_time);
        app.poll_background();
        last_time = now;
        if (glfwWindowShouldClose(ws.window)) {
            glfwSetWindowShouldClose(ws.window, GLFW_FALSE);
            if (unattended || !app.dirty()) quit = true;
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
        } else if (opening_at_launch && !app.opening.busy()) {  // landed in poll_background
            opening_at_launch = false;
            if (!app.has_workspace()) {
                std::cerr << "tidemark: " << app.status << "\n";
                return 1;
            }
            if (bench) bench->mark("workspace open (read while the window came up)");
            if (const int code = apply_start_options()) return code;
            if (view_box) app.view.fit(*view_box, 0.0);
        }
        bench_ready = bench && !opening_at_launch;
        ImGui::Render();
        int fb_w, fb_h, win_w, win_h;
        glfwGetFramebufferSize(ws.window, &fb_w, &fb_h);
        glfwGetWindowSize(ws.window, &win_w, &win_h);
        const float scale = win_w > 0 ? static_cast<float>(fb_w) / win_w : 1.0f;
        glViewport(0, 0, fb_w, fb_h);
        // The panels are opaque and tile the window around the map, which is copied in whole:
        // clearing every frame would cost llvmpipe a full-window pass for nothing. Cleared for a
        // few frames after the size changed (both buffers, and the layout settling).
        if (fb_w != cleared_w || fb_h != cleared_h) clear_frames = 3, cleared_w = fb_w, cleared_h = fb_h;
        const bool cleared = clear_frames > 0;  // then every panel is drawn again
        if (cleared) {
            --clear_frames;
            glClearColor(0.94f, 0.94f, 0.94f, 1);
            glClear(GL_COLOR_BUFFER_BIT);
        }
        renderer.sync(app);
        if (bench_ready && frame == 0) bench->mark("map buffers built");
        renderer.draw(app, fb_h, scale);
        glViewport(0, 0, fb_w, fb_h);
        render_imgui(panel_redraw, app.view.rect, cleared ? 0 : back_buffer_age(ws.window));
        if (bench_ready) {
            glFinish();  // llvmpipe rasterises on CPU threads: their work belongs to the frame
            if (frame++ == 0) bench->mark("first map drawn");
            else bench->frame_done();
        }
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
    app.opening.wait();
    app.adding.wait();
    app.exporting.wait();
    app.save_job.wait();
    app.live.stop();
    renderer.destroy();
    return 0;
}

}  // namespace tidemark::gui
