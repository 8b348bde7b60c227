// Coverage as of T (layers/coverage/coverage_as_of.h): what a timeline step costs the coast colouring.
// 20,000 segments with 0-24 sightings each (mean 12) by 23 vessels over a week, as text in a
// segments layer: reading the history once, then classing every segment at each hour of the
// week and recolouring the scene layer. The target is under 5 ms per new T. Prints
// milliseconds (median and worst of the 168 hourly T's).
// `coverage_as_of_bench WS.gpkg` with a display (Xvfb is fine) also times the desktop map's whole
// step on that workspace (its coverage run must have stored sightings): for each hour of its
// window, the scene recoloured and the coast's colours rewritten in its GPU buffers when a
// segment changed class (MapRenderer::sync, as every frame does).
#include "geo/seeded_random.h"
#include "layers/coverage/coverage_as_of.h"
#include "layers/scene/map_scene.h"

#ifdef TIDEMARK_HAVE_GUI
#include "app/gui/app_state.h"
#include "app/gui/map/gl_api.h"
#include "app/gui/map/map_renderer.h"

#include <GLFW/glfw3.h>
#endif

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace tidemark;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

constexpr geo::UnixTime kFrom = 1772409600;  // 2026-03-02T00:00:00Z
constexpr double kWeek = 7 * 86400;

layers::Layer synthetic_segments(std::size_t n) {
    layers::Layer l;
    l.name = "segments";
    l.role = layers::LayerRole::Segments;
    l.fields = {{"observers", layers::FieldType::String}, {"sightings", layers::FieldType::String}};
    geo::SeededRandom rng(20260302);
    for (std::size_t s = 0; s < n; ++s) {
        layers::Feature f;
        f.fid = static_cast<std::int64_t>(s + 1);
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = {{{s * 1000.0, 0}, {s * 1000.0 + 1000, 0}}};
        const auto count = rng.below(25);
        std::vector<double> starts;
        for (std::uint64_t i = 0; i < count; ++i) starts.push_back(kFrom + rng.uniform() * (kWeek - 3600));
        std::sort(starts.begin(), starts.end());
        std::string observers, sightings;
        for (int k = 0; k < 3; ++k) observers += (k ? "; " : "") + std::string("Vessel ") + std::to_string(rng.below(23));
        for (double t : starts)
            sightings += (sightings.empty() ? "" : ";") + std::to_string(static_cast<long long>(t)) + "+" +
                         std::to_string(60 + rng.below(3540)) + "@" + std::to_string(rng.below(3));
        f.values = {observers, sightings};
        l.features().push_back(std::move(f));
    }
    return l;
}

#ifdef TIDEMARK_HAVE_GUI
// The desktop map's timeline step with coverage as of T on a real workspace.
int time_app_steps(const std::string& path) {
    if (!std::getenv("DISPLAY")) {
        std::printf("(no display: the app's step on %s is not timed; run under xvfb-run)\n", path.c_str());
        return 0;
    }
    gui::AppState app;
    std::string error;
    auto t0 = Clock::now();
    if (!app.open(path, &error)) {
        std::printf("coverage_as_of_bench: %s\n", error.c_str());
        return 1;
    }
    std::printf("\n%s opened in %.0f ms\n", path.c_str(), ms_since(t0));
    if (!app.coverage_as_of_available()) {
        std::printf("its segments have no sightings: run `tidemark coverage` on it with this build first\n");
        return 1;
    }
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    GLFWwindow* window = glfwCreateWindow(640, 480, "coverage_as_of_bench", nullptr, nullptr);
    if (!window) return 1;
    glfwMakeContextCurrent(window);
    app.view.rect = {0, 0, 1920, 1080};
    app.fit_all();
    gui::MapRenderer renderer;
    if (!renderer.create(&error)) return 1;
    app.coverage_as_of = true;
    app.time_t = app.window_from();
    renderer.sync(app);
    glFinish();
    std::vector<double> step_ms, class_only_ms;
    int recoloured = 0;
    const layers::Layer* seg = app.workspace->find_role(layers::LayerRole::Segments);
    for (geo::UnixTime t = app.window_from() + 3600; t <= app.window_to(); t += 3600) {
        const std::uint64_t before = app.scene_stamp(*seg);
        app.time_t = t;
        t0 = Clock::now();
        renderer.sync(app);  // as the frame does: scene as of T, buffers when classes changed
        glFinish();
        step_ms.push_back(ms_since(t0));
        if (app.scene_stamp(*seg) != before) ++recoloured;
        // The same T a minute on: usually no class changes, only the legend's time.
        app.time_t = t + 60;
        t0 = Clock::now();
        renderer.sync(app);
        glFinish();
        class_only_ms.push_back(ms_since(t0));
    }
    std::sort(step_ms.begin(), step_ms.end());
    std::sort(class_only_ms.begin(), class_only_ms.end());
    std::printf("desktop map, coverage as of T, %zu segments, %zu hourly steps (%d changed the coast's colours):\n",
                seg->features().size(), step_ms.size(), recoloured);
    std::printf("  step of 1 h:   median %.1f ms, worst %.1f ms (scene as of T + GPU buffers)\n", step_ms[step_ms.size() / 2],
                step_ms.back());
    std::printf("  step of 1 min: median %.2f ms, worst %.1f ms\n", class_only_ms[class_only_ms.size() / 2],
                class_only_ms.back());
    renderer.destroy();
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = 20000;
    const layers::Layer seg = synthetic_segments(n);
    auto t0 = Clock::now();
    geo::Problems problems;
    const layers::CoverageHistory h = layers::CoverageHistory::from_layer(seg, &problems);
    const double read_ms = ms_since(t0);
    if (!problems.empty()) std::printf("problem: %s\n", problems[0].describe().c_str());

    layers::Workspace ws;
    const layers::SceneLayer base = layers::scene_layer(ws, seg);
    std::vector<double> classes_ms, recolour_ms;
    std::vector<int> classes;
    std::size_t met = 0;
    for (int hour = 0; hour < 168; ++hour) {
        const geo::UnixTime t = kFrom + hour * 3600.0;
        t0 = Clock::now();
        h.classes_at(t, 86400, classes);
        classes_ms.push_back(ms_since(t0));
        layers::SceneLayer scene = base;
        t0 = Clock::now();
        layers::apply_coverage_as_of(scene, classes, t, 86400);
        recolour_ms.push_back(ms_since(t0));
        met += static_cast<std::size_t>(std::count(classes.begin(), classes.end(), 0));
    }
    auto median = [](std::vector<double> v) { std::sort(v.begin(), v.end()); return v[v.size() / 2]; };
    auto worst = [](const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); };
    std::printf("coverage as of T: %zu segments, %zu sightings\n", h.segments(), h.sightings());
    std::printf("  read the history from the layer once: %.1f ms\n", read_ms);
    std::printf("  classes at a new T:    median %.2f ms, worst %.2f ms (168 hourly T's; target < 5 ms)\n",
                median(classes_ms), worst(classes_ms));
    std::printf("  recolour scene layer:  median %.2f ms, worst %.2f ms\n", median(recolour_ms), worst(recolour_ms));
    std::printf("  (segments met at the hourly T's, summed: %zu)\n", met);
#ifdef TIDEMARK_HAVE_GUI
    if (argc > 1) return time_app_steps(argv[1]);
#else
    (void)argc;
    (void)argv;
#endif
    return 0;
}
