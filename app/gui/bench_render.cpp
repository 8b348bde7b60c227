#include "app/gui/bench_render.h"

#include "app/gui/app_state.h"
#include "app/gui/bench_scene.h"
#include "app/gui/map/gl_api.h"
#include "app/gui/map/map_renderer.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <vector>

namespace tidemark::gui {
namespace {

double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double wall_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

struct Timing {
    double submit_cpu_ms = 0;  // this thread's CPU time to build and submit the frame
    double cpu_ms = 0;         // this thread's CPU time including glFinish
    double wall_ms = 0;        // wall time including glFinish (llvmpipe rasterises on CPU threads)
};

// Runs `frame` `n` times after 3 warm-up frames; each frame ends with glFinish so the GPU
// (llvmpipe: CPU threads) work is in the wall time, while cpu_ms is this thread's own work.
Timing measure(int n, const std::function<void()>& frame) {
    for (int i = 0; i < 3; ++i) { frame(); glFinish(); }
    std::vector<double> submit, cpu, wall;
    for (int i = 0; i < n; ++i) {
        const double c0 = thread_cpu_ms(), w0 = wall_ms();
        frame();
        submit.push_back(thread_cpu_ms() - c0);
        glFinish();
        cpu.push_back(thread_cpu_ms() - c0);
        wall.push_back(wall_ms() - w0);
    }
    return {median(submit), median(cpu), median(wall)};
}

// The naive way: every vertex transformed on the CPU and pushed through ImDrawList, every frame.
void naive_frame(const AppState& app) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImDrawList* list = ImGui::GetBackgroundDrawList();
    const ViewTransform& v = app.view;
    auto pt = [&](geo::XY w) {
        const geo::XY s = v.world_to_screen(w);
        return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    std::vector<ImVec2> buf;
    for (const layers::Layer& l : app.workspace->layers) {
        const layers::Style s = app.style(l);
        const ImU32 stroke = ImGui::ColorConvertFloat4ToU32({s.stroke.r, s.stroke.g, s.stroke.b, s.stroke.a});
        const ImU32 fill = ImGui::ColorConvertFloat4ToU32({s.fill.r, s.fill.g, s.fill.b, s.fill.a});
        const float r = s.symbol_size_px / 2;
        for (const layers::Feature& f : l.features()) {
            for (const geo::Polygon& poly : f.geometry.polygons) {
                buf.clear();
                for (geo::XY p : poly.outer) buf.push_back(pt(p));
                list->AddPolyline(buf.data(), static_cast<int>(buf.size()), stroke, ImDrawFlags_Closed, s.stroke_width_px);
            }
            for (geo::XY p : f.geometry.points) {
                const ImVec2 c = pt(p);
                list->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, fill);
            }
        }
    }
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int run_bench_render(const BenchRenderOptions& options) {
    if (!std::getenv("DISPLAY")) {
        std::cerr << "tidemark: bench-render needs a display: run it as `xvfb-run -a -s \"-screen 0 1920x1080x24\" tidemark bench-render`\n";
        return 1;
    }
    const BenchSceneCounts counts = bench_counts(options.scale);
    const double t0 = wall_ms();
    AppState app;
    app.workspace = make_bench_scene(counts);
    app.full_tracks = true;  // the bench draws every track point, whatever the timeline would hide
    std::size_t coast_vertices = app.workspace->find("coastline")->vertex_count();
    std::printf("scene: %zu coastline vertices, %zu track points, %zu force polygons, %zu reports at %dx%d (built in %.0f ms)\n",
                coast_vertices, app.workspace->find("track_points")->features().size(), app.workspace->find("forces")->features().size(),
                app.workspace->find("reports")->features().size(), options.width, options.height, wall_ms() - t0);

    if (!glfwInit()) { std::cerr << "tidemark: cannot start GLFW\n"; return 1; }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, "tidemark bench-render", nullptr, nullptr);
    if (!window) { std::cerr << "tidemark: cannot open an OpenGL 3.3 context\n"; glfwTerminate(); return 1; }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(0);
    std::printf("GL: %s / %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)),
                reinterpret_cast<const char*>(glGetString(GL_VERSION)));
    // Both renderers draw into the same off-screen 1920x1080 target with a stencil buffer.
    GLuint fbo = 0, colour = 0, stencil = 0;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, options.width, options.height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    glGenRenderbuffers(1, &stencil);
    glBindRenderbuffer(GL_RENDERBUFFER, stencil);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, options.width, options.height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, stencil);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    app.view.rect = {0, 0, static_cast<double>(options.width), static_cast<double>(options.height)};
    app.fit_all();  // national view: everything visible, the worst case
    MapRenderer renderer;
    std::string error;
    if (!renderer.create(&error)) { std::cerr << "tidemark: " << error << "\n"; return 1; }
    const double b0 = wall_ms();
    renderer.sync(app);
    glFinish();
    std::printf("GPU buffers built once in %.0f ms\n", wall_ms() - b0);

    // A whole map each frame (the cache dropped), then panning as a drag does (the cache kept:
    // only the uncovered strips drawn).
    auto whole_map = [&] {
        renderer.invalidate_cache();
        renderer.draw(app, options.height);
    };
    const Timing ours = measure(options.frames, whole_map);
    int step = 0;
    const Timing panning = measure(options.frames, [&] {
        const double dx = (step++ / 30) % 2 == 0 ? 12 : -12;
        app.view.pan_pixels(dx, dx / 3);
        renderer.draw(app, options.height);
    });
    // Where the time goes: each layer alone (others hidden through the same style command the
    // Layers panel uses), fewer frames.
    std::vector<std::pair<std::string, Timing>> per_layer;
    std::vector<std::string> names;
    for (const auto& l : app.workspace->layers) names.push_back(l.name);
    for (const std::string& only : names) {
        for (const std::string& n : names) app.set_visible(n, n == only);
        renderer.sync(app);
        per_layer.emplace_back(only, measure(std::max(5, options.frames / 4), whole_map));
    }
    for (const std::string& n : names) app.set_visible(n, true);
    renderer.sync(app);
    const ViewTransform national = app.view;
    app.view.zoom_at({options.width / 2.0, options.height / 2.0}, 16);  // a county-sized view
    const Timing zoomed = measure(options.frames, whole_map);
    app.view = national;
    const Timing naive = measure(options.frames, [&] {
        glViewport(0, 0, options.width, options.height);
        glClear(GL_COLOR_BUFFER_BIT);
        naive_frame(app);
    });
    std::printf("medians over %d frames per renderer; CPU = this thread's CPU time\n", options.frames);
    std::printf("%-44s %12s %14s %12s\n", "", "submit CPU", "CPU w/ finish", "wall");
    auto row = [](const char* name, const Timing& t) {
        std::printf("%-44s %9.2f ms %11.2f ms %9.2f ms\n", name, t.submit_cpu_ms, t.cpu_ms, t.wall_ms);
    };
    row("app renderer (GPU buffers), national view", ours);
    row("  panning 12 px a frame (cached map)", panning);
    row("app renderer (GPU buffers), zoomed x16", zoomed);
    row("naive (ImDrawList every frame), national", naive);
    for (const auto& [name, t] : per_layer) {
        const std::string label = "  app renderer, only " + name;
        row(label.c_str(), t);
    }
    std::printf("ratio naive/app (national): submit CPU %.1fx, CPU with finish %.1fx, wall %.1fx\n",
                naive.submit_cpu_ms / std::max(ours.submit_cpu_ms, 1e-6), naive.cpu_ms / std::max(ours.cpu_ms, 1e-6),
                naive.wall_ms / std::max(ours.wall_ms, 1e-6));

    renderer.destroy();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glDeleteRenderbuffers(1, &colour);
    glDeleteRenderbuffers(1, &stencil);
    glDeleteFramebuffers(1, &fbo);
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace tidemark::gui
