// `tidemark bench-render`: draws the bench scene with the app's GL renderer and with the
// naive way (every vertex through ImDrawList each frame) in one run, and prints per-frame
// CPU milliseconds (median) for both and their ratio. Needs a display (Xvfb is fine).
#pragma once

namespace tidemark::gui {

struct BenchRenderOptions {
    int frames = 120;            // per renderer; the medians are over these
    int width = 1920, height = 1080;
    double scale = 1.0;          // scene size factor (1 = the scene)
};

int run_bench_render(const BenchRenderOptions& options);

}  // namespace tidemark::gui
