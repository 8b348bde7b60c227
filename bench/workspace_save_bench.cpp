// Save time of a big workspace after one small change, in one run: the whole-file rewrite every
// save did before (Save As still does it) against the incremental save into the same file.
// Targets (issue 15): <= 0.3 s after one setting or one small layer, <= 1 s after replacing the
// coverage layers (segments ~20k features, gaps). Uses the workspace given as the argument, else
// demo/tidemark-demo.gpkg (`make demo`), else generates a bigger one (~58 MB). Last, the same
// file opened as commands open it: each layer's rows read on first use.
#include "layers/coverage/coverage_store.h"
#include "layers/reports/reports.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <string>

using namespace tidemark;
using namespace tidemark::layers;
namespace fs = std::filesystem;

namespace {

Layer generated(const std::string& name, LayerRole role, geo::GeometryKind kind, int features, int vertices) {
    Layer l;
    l.name = name;
    l.role = role;
    l.fields = {{"label", FieldType::String},
                {"value", FieldType::Real},
                {"count", FieldType::Integer},
                {"at", FieldType::DateTime}};
    for (int i = 0; i < features; ++i) {
        Feature f;
        f.geometry.kind = kind;
        geo::Path path;
        const double x0 = 300000 + (i % 500) * 400.0, y0 = 100000 + (i / 500) * 40.0;
        for (int v = 0; v < vertices; ++v) path.push_back({x0 + v * 3.0, y0 + (v % 7) * 2.0});
        if (kind == geo::GeometryKind::Point)
            f.geometry.points = {path[0]};
        else if (kind == geo::GeometryKind::Line)
            f.geometry.lines = {path};
        else {
            path.push_back(path[0]);
            f.geometry.polygons = {{path, {}}};
        }
        f.values = {name + " " + std::to_string(i), i * 0.5, std::int64_t{i}, std::string("2026-03-01T12:00:00Z")};
        l.features().push_back(std::move(f));
    }
    return l;
}

std::string generate(const std::string& path) {
    Workspace ws;
    ws.put(generated("coastline", LayerRole::Coastline, geo::GeometryKind::Polygon, 400, 800));
    ws.put(generated(kTrackPointsLayer, LayerRole::Tracks, geo::GeometryKind::Point, 300000, 1));
    ws.put(generated(kSegmentsLayer, LayerRole::Segments, geo::GeometryKind::Line, 20000, 12));
    ws.put(generated(kGapsLayer, LayerRole::Gaps, geo::GeometryKind::Line, 2000, 12));
    ws.put(generated(kReportsLayer, LayerRole::Reports, geo::GeometryKind::Point, 500, 1));
    ws.settings["styles"]["coastline"]["fill"] = "#c8d2b4";
    std::string error;
    if (!ws.save(&error, path)) std::fprintf(stderr, "%s\n", error.c_str());
    return path;
}

// Wall and CPU seconds: the machine is shared, so CPU time is the steadier figure.
struct Took {
    double wall = 0, cpu = 0;
};

template <class F>
Took seconds(F&& f) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu = std::clock();
    f();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC};
}

// Changes every feature's "value"-like number so the layer must be written again.
void touch(Layer& l) {
    for (Feature& f : l.features())
        for (Value& v : f.values)
            if (auto d = std::get_if<double>(&v))
                *d += 1.0;
            else if (auto n = std::get_if<std::int64_t>(&v))
                *n += 1;
}

}  // namespace

int main(int argc, char** argv) {
    const fs::path dir = fs::temp_directory_path() / ("tidemark-save-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string work = (dir / "ws.gpkg").string();
    std::string source = argc > 1 ? argv[1] : std::string("demo/tidemark-demo.gpkg");
    if (!fs::exists(source)) {
        std::printf("no %s: generating a workspace\n", source.c_str());
        source = generate((dir / "generated.gpkg").string());
    }
    fs::copy_file(source, work, fs::copy_options::overwrite_existing);
    std::printf("workspace %s: %.1f MB\n", source.c_str(), fs::file_size(work) / 1e6);

    std::string error;
    std::optional<Workspace> ws;
    const Took open = seconds([&] { ws = Workspace::open(work, &error); });
    if (!ws) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    auto save = [&](const std::string& to) {
        return seconds([&] {
            if (!ws->save(&error, to)) std::fprintf(stderr, "%s\n", error.c_str());
        });
    };
    auto report = [](const char* what, Took t, double target) {
        std::printf("  %-58s %7.3f s wall %7.3f s CPU%s\n", what, t.wall, t.cpu,
                    target > 0 ? (t.wall <= target ? "  (target met)" : "  (over target)") : "");
    };
    report("open", open, 0);
    std::printf("before: every save rewrote the whole file (temporary file + rename)\n");
    report("whole rewrite (Save As)", save((dir / "full.gpkg").string()), 0);
    save(work);  // back to the working file: the copy is now the current file, unchanged
    std::printf("after: incremental save into the same file\n");
    report("nothing changed (hash comparison only)", save({}), 0);
    ws->settings["styles"]["bench"]["width"] = 2;
    report("one setting changed", save({}), 0.3);
    if (Layer* r = ws->find(kReportsLayer); r && !r->features().empty()) {
        touch(*r);
        char what[80];
        std::snprintf(what, sizeof what, "small layer replaced (%s, %zu features)", kReportsLayer, r->features().size());
        report(what, save({}), 0.3);
    }
    std::size_t coverage = 0;
    for (const char* name : {kSegmentsLayer, kGapsLayer})
        if (Layer* l = ws->find(name)) {
            touch(*l);
            coverage += l->features().size();
        }
    if (coverage) {
        char what[80];
        std::snprintf(what, sizeof what, "coverage layers replaced (segments + gaps, %zu features)", coverage);
        report(what, save({}), 1.0);
    }

    // The CLI opens so (app/cli/open_workspace.cpp): each layer's rows are read when first used.
    std::printf("rows read on first use (Workspace::Rows::OnFirstUse, as every command opens a workspace)\n");
    std::optional<Workspace> lazy;
    report("open: every layer's schema, no rows", seconds([&] { lazy = Workspace::open(work, &error, Workspace::Rows::OnFirstUse); }), 0);
    if (!lazy) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 1;
    }
    lazy->settings["styles"]["bench"]["width"] = 3;
    report("one setting changed, saved (no rows read)", seconds([&] {
               if (!lazy->save(&error)) std::fprintf(stderr, "%s\n", error.c_str());
           }), 0.3);
    report("then every layer's rows read", seconds([&] { lazy->read_all_rows(); }), 0);
    fs::remove_all(dir);
    return 0;
}
