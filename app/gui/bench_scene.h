// The synthetic scene of `tidemark bench-render` (issue 6): 400k coastline vertices,
// 1M track points, 45 force polygons and 10k reports over a 700 x 1000 km area in BNG
// metres. Deterministic (fixed seed) so runs compare. `scale` shrinks every count.
#pragma once

#include "layers/workspace.h"

namespace tidemark::gui {

struct BenchSceneCounts {
    std::size_t coast_vertices = 400000;
    std::size_t track_points = 1000000;
    std::size_t forces = 45;
    std::size_t reports = 10000;
};

BenchSceneCounts bench_counts(double scale);
layers::Workspace make_bench_scene(const BenchSceneCounts& counts);

}  // namespace tidemark::gui
