#include "app/gui/bench_scene.h"

#include <cmath>
#include <random>

namespace tidemark::gui {
namespace {

constexpr double kWidth = 700000, kHeight = 1000000;

layers::Feature point_feature(geo::XY p, std::vector<layers::Value> values) {
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Point;
    f.geometry.points = {p};
    f.values = std::move(values);
    return f;
}

// A wobbly closed ring of n vertices around `c` (radius r): concave, like a coast.
geo::Path wobbly_ring(geo::XY c, double r, std::size_t n, std::mt19937& rng) {
    std::uniform_real_distribution<double> phase(0, 2 * M_PI);
    const double p1 = phase(rng), p2 = phase(rng), p3 = phase(rng);
    geo::Path ring;
    for (std::size_t i = 0; i < n; ++i) {
        const double a = 2 * M_PI * i / n;
        const double k = 1 + 0.25 * std::sin(7 * a + p1) + 0.1 * std::sin(31 * a + p2) + 0.03 * std::sin(173 * a + p3);
        ring.push_back({c.x + r * k * std::cos(a), c.y + r * k * std::sin(a)});
    }
    ring.push_back(ring.front());
    return ring;
}

}  // namespace

BenchSceneCounts bench_counts(double scale) {
    BenchSceneCounts c;
    auto s = [&](std::size_t v, std::size_t min) { return std::max(min, static_cast<std::size_t>(v * scale)); };
    c.coast_vertices = s(c.coast_vertices, 400);
    c.track_points = s(c.track_points, 100);
    c.reports = s(c.reports, 10);
    return c;  // always 45 forces
}

layers::Workspace make_bench_scene(const BenchSceneCounts& counts) {
    std::mt19937 rng(20261125);
    std::uniform_real_distribution<double> ux(0, kWidth), uy(0, kHeight);
    layers::Workspace ws;

    layers::Layer coast;
    coast.name = "coastline";
    coast.role = layers::LayerRole::Coastline;
    // One main island holding half the vertices, 199 islands sharing the rest.
    layers::Feature land;
    land.geometry.kind = geo::GeometryKind::Polygon;
    land.geometry.polygons.push_back({wobbly_ring({kWidth / 2, kHeight / 2}, 280000, counts.coast_vertices / 2, rng), {}});
    const std::size_t per_island = std::max<std::size_t>(8, counts.coast_vertices / 2 / 199);
    for (int i = 0; i < 199; ++i)
        land.geometry.polygons.push_back({wobbly_ring({ux(rng), uy(rng)}, 3000 + ux(rng) / 50, per_island, rng), {}});
    coast.features().push_back(std::move(land));
    ws.put(std::move(coast));

    layers::Layer forces;
    forces.name = "forces";
    forces.role = layers::LayerRole::Forces;
    forces.fields = {{"code", layers::FieldType::String}, {"name", layers::FieldType::String}};
    for (std::size_t i = 0; i < counts.forces; ++i) {
        const double w = kWidth / 5, h = kHeight / 9;
        const double x0 = (i % 5) * w, y0 = (i / 5 % 9) * h;
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Polygon;
        geo::Path ring;
        for (int k = 0; k < 200; ++k) {  // 200 vertices a side-walk around the cell
            const double t = k / 200.0 * 4;
            const int side = static_cast<int>(t);
            const double u = t - side, j = 1500 * std::sin(k * 1.7);
            const geo::XY p = side == 0 ? geo::XY{x0 + u * w, y0 + j} : side == 1 ? geo::XY{x0 + w + j, y0 + u * h}
                            : side == 2 ? geo::XY{x0 + w - u * w, y0 + h + j} : geo::XY{x0 + j, y0 + h - u * h};
            ring.push_back(p);
        }
        ring.push_back(ring.front());
        f.geometry.polygons.push_back({ring, {}});
        f.values = {std::string("F") + std::to_string(i), std::string("Force ") + std::to_string(i)};
        forces.features().push_back(std::move(f));
    }
    ws.put(std::move(forces));

    layers::Layer tracks;
    tracks.name = "track_points";
    tracks.role = layers::LayerRole::Tracks;
    tracks.fields = {{"vessel", layers::FieldType::String}, {"time", layers::FieldType::Real}};
    std::normal_distribution<double> step(0, 400);
    const std::size_t vessels = 20, per_vessel = counts.track_points / vessels;
    for (std::size_t v = 0; v < vessels; ++v) {
        geo::XY p{ux(rng), uy(rng)};
        const std::string name = "Vessel " + std::to_string(v);
        for (std::size_t i = 0; i < per_vessel; ++i) {
            p = {std::clamp(p.x + step(rng), 0.0, kWidth), std::clamp(p.y + step(rng), 0.0, kHeight)};
            tracks.features().push_back(point_feature(p, {name, 1.77e9 + 60.0 * i}));
        }
    }
    ws.put(std::move(tracks));

    layers::Layer reports;
    reports.name = "reports";
    reports.role = layers::LayerRole::Reports;
    reports.fields = {{"category", layers::FieldType::String}};
    const char* categories[] = {"small boat", "suspicious vessel", "drugs", "people smuggling", "other"};
    for (std::size_t i = 0; i < counts.reports; ++i)
        reports.features().push_back(point_feature({ux(rng), uy(rng)}, {std::string(categories[i % 5])}));
    ws.put(std::move(reports));
    return ws;
}

}  // namespace tidemark::gui
