// Time to load and project the base layers (issue 2's goal: all of it under 1 s on 2 cores).
// Prints one line per layer and the total; median of several runs. Needs ../shared/data.
#include "layers/io/ogr_reader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace tidemark;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Timing {
    double ms = 0;
    std::size_t features = 0, vertices = 0, problems = 0;
};

Timing load(const std::string& path, bool validate, int runs) {
    std::vector<double> times;
    Timing t;
    for (int i = 0; i < runs; ++i) {
        layers::ReadOptions o;
        o.working_crs = geo::Crs::british_national_grid();
        o.validate_polygons = validate;
        auto start = std::chrono::steady_clock::now();
        layers::ReadResult r = layers::read_vector(path, o);
        for (const auto& l : r.layers) l.index();  // the spatial index is part of a usable layer
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        t.features = t.vertices = 0;
        for (const auto& l : r.layers) {
            t.features += l.features().size();
            t.vertices += l.vertex_count();
        }
        t.problems = r.problems.size();
    }
    t.ms = median(times);
    return t;
}

}  // namespace

int main() {
    const std::string data = TIDEMARK_SHARED_DATA;
    const char* files[] = {"coast/gb_coastline_osm.gpkg", "coast/uk_gshhg_full_land.gpkg",
                           "police/police_force_areas_uk.gpkg", "ports/wpi_uk_ports.geojson"};
    const int runs = 5;
    std::printf("load + project to EPSG:27700 + spatial index, median of %d runs\n", runs);
    std::printf("%-40s %9s %9s %9s %12s %12s\n", "file", "features", "vertices", "problems", "ms", "ms (no GEOS validity)");
    double total = 0, total_fast = 0;
    for (const char* f : files) {
        std::string path = data + "/" + f;
        if (!std::filesystem::exists(path)) {
            std::printf("%-40s missing (../shared/data not beside the checkout)\n", f);
            continue;
        }
        Timing with = load(path, true, runs);
        Timing without = load(path, false, runs);
        std::printf("%-40s %9zu %9zu %9zu %12.1f %12.1f\n", f, with.features, with.vertices, with.problems, with.ms, without.ms);
        total += with.ms;
        total_fast += without.ms;
    }
    std::printf("%-40s %9s %9s %9s %12.1f %12.1f   (goal: < 1000 ms)\n", "total", "", "", "", total, total_fast);
    return 0;
}
