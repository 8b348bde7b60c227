// Cost of the map scene (layers/scene/map_scene.h) on a real workspace: the whole scene as an export
// builds it once, each layer as the desktop map rebuilds it after a change, and vessels at a
// new T (what a timeline step costs). Uses the workspace given as the argument, else
// demo/tidemark-demo.gpkg (`make demo`). Prints milliseconds per call (median of runs).
#include "layers/scene/map_scene.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace tidemark;

namespace {

double median_ms(int runs, const std::function<void()>& f) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        f();
        ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "demo/tidemark-demo.gpkg";
    if (!std::filesystem::exists(path)) {
        std::printf("map_scene_bench: %s not found: run `make demo` or give a workspace\n", path.c_str());
        return 0;
    }
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    if (!ws) {
        std::fprintf(stderr, "map_scene_bench: %s\n", error.c_str());
        return 1;
    }
    const geo::UnixTime t = ws->window_from && ws->window_to ? (*ws->window_from + *ws->window_to) / 2 : 0;
    std::printf("workspace %s, T = %s\n", path.c_str(), geo::format_iso8601(t).c_str());
    std::printf("%-28s %10s %12s\n", "what", "features", "ms (median)");
    std::printf("%-28s %10s %12.2f\n", "whole scene (export)", "", median_ms(5, [&] { (void)layers::build_map_scene(*ws, t); }));
    for (const auto& l : ws->layers) {
        if (l.role == layers::LayerRole::Table || l.geometry_kind() == geo::GeometryKind::None) continue;
        std::printf("%-28s %10zu %12.2f\n", ("layer " + l.name).c_str(), l.features().size(),
                    median_ms(5, [&] { (void)layers::scene_layer(*ws, l); }));
    }
    std::size_t shown = 0;
    const double ms = median_ms(5, [&] { shown = layers::scene_vessels(*ws, t).size(); });
    std::printf("%-28s %10zu %12.2f\n", "vessels at T", shown, ms);
    return 0;
}
