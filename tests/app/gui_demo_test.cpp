// The whole map on real data (shared coast, ports, forces) plus the layers other modules
// write (segments, gaps, tracks, reports, force_summary, fleet) made here with their field
// names: the app must draw vessels at time T where the track says they are.
// Set TIDEMARK_DEMO_PNG=/path.png to keep the screenshot.
#include "gui_fixture.h"
#include "layers/io/import.h"
#include "layers/workspace.h"

#include <gtest/gtest.h>
#include <stb_image.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <unistd.h>

namespace tidemark::gui {
namespace {

using layers::FieldType;
using layers::Layer;
using layers::LayerRole;
using layers::Value;

layers::Feature point(geo::XY p, std::vector<Value> values) {
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Point;
    f.geometry.points = {p};
    f.values = std::move(values);
    return f;
}

// Patrols, reports, coverage results and tables in BNG around the Thames estuary and Dover.
void add_module_layers(layers::Workspace& ws) {
    Layer tracks;
    tracks.name = "track_points";
    tracks.role = LayerRole::Tracks;
    tracks.fields = {{"vessel", FieldType::String}, {"mmsi", FieldType::Integer}, {"time", FieldType::DateTime},
                     {"speed_kn", FieldType::Real}, {"planned", FieldType::Integer}, {"synthetic", FieldType::Integer}};
    // HMC Valiant steams due east from (620000, 150000) at 18.52 km/h (10 kn) from 12:00.
    for (int i = 0; i <= 12; ++i) {
        const std::string t = "2026-03-01T" + std::string(12 + i / 2 < 10 ? "0" : "") + std::to_string(12 + i / 2) +
                              (i % 2 ? ":30:00Z" : ":00:00Z");
        tracks.features().push_back(point({620000 + 9260.0 * i, 150000}, {std::string("HMC Valiant"), std::int64_t(235000001), t, 10.0,
                                                                     std::int64_t(0), std::int64_t(1)}));
    }
    // HMC Seeker runs north along the Essex coast.
    for (int i = 0; i <= 12; ++i) {
        const std::string t = "2026-03-01T" + std::to_string(12 + i / 2) + (i % 2 ? ":30:00Z" : ":00:00Z");
        tracks.features().push_back(point({640000, 190000 + 6000.0 * i}, {std::string("HMC Seeker"), std::int64_t(235000002), t, 7.0,
                                                                     std::int64_t(i > 8), std::int64_t(1)}));
    }
    ws.put(std::move(tracks));

    Layer reports;
    reports.name = "reports";
    reports.role = LayerRole::Reports;
    reports.fields = {{"report_id", FieldType::String}, {"reported_at", FieldType::DateTime}, {"category", FieldType::String},
                      {"source_evaluation", FieldType::String}, {"assessment", FieldType::String}, {"handling", FieldType::String},
                      {"synthetic", FieldType::Integer}};
    const char* categories[] = {"small boat", "suspicious vessel", "unusual activity"};
    for (int i = 0; i < 24; ++i)
        reports.features().push_back(point({560000 + 4000.0 * (i % 8) * (i % 3 + 1), 175000 + 3000.0 * (i % 5) + 1500.0 * i / 2},
                                         {std::string("R") + std::to_string(i), std::string("2026-03-01T1") + std::to_string(i % 9) + ":15:00Z",
                                          std::string(categories[i % 3]), std::string("B"), std::string("2"), std::string("P"),
                                          std::int64_t(1)}));
    ws.put(std::move(reports));

    Layer segments;
    segments.name = "segments";
    segments.role = LayerRole::Segments;
    segments.fields = {{"segment_id", FieldType::Integer}, {"force_code", FieldType::String}, {"length_m", FieldType::Real},
                       {"observed_s", FieldType::Real}, {"max_gap_s", FieldType::Real}};
    // Stored coverage along the Kent coast as a chain of 5 km pieces, gaps growing southwards.
    for (int i = 0; i < 16; ++i) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = {{{637000.0, 175000.0 - 5000 * i}, {637000.0 - 1500 * (i % 2), 170000.0 - 5000 * i}}};
        f.values = {std::int64_t(i), std::string("E23000032"), 5000.0, 3600.0 * (16 - i), 1800.0 * i * i};
        segments.features().push_back(std::move(f));
    }
    ws.put(std::move(segments));

    Layer summary;
    summary.name = "force_summary";
    summary.role = LayerRole::Table;
    summary.fields = {{"force_code", FieldType::String}, {"force_name", FieldType::String}, {"coast_km", FieldType::Real},
                      {"covered_km", FieldType::Real}, {"covered_pct", FieldType::Real}};
    summary.features().push_back(point({}, {std::string("E23000032"), std::string("Kent"), 350.0, 210.0, 60.0}));
    summary.features().push_back(point({}, {std::string("E23000028"), std::string("Essex"), 560.0, 140.0, 25.0}));
    for (auto& f : summary.features()) f.geometry = {};
    ws.put(std::move(summary));
}

TEST(GuiDemo, VesselDrawnAtTimeTWhereItsTrackSaysOnRealCoast) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    TIDEMARK_REQUIRE_SHARED(ports, "ports/wpi_uk_ports.geojson");
    TIDEMARK_REQUIRE_SHARED(forces, "police/police_force_areas_uk.gpkg");
    if (::access("/usr/bin/xvfb-run", X_OK) != 0) GTEST_SKIP() << "xvfb-run is not installed: skipping the screenshot test";
    test::ScratchDir dir;
    const std::string path = dir.file("demo.gpkg");
    auto r = test::run_tidemark({"workspace", "new", path, "--coast", coast, "--ports", ports, "--forces", forces});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    add_module_layers(*ws);
    ASSERT_TRUE(ws->save(&error)) << error;

    const char* keep = std::getenv("TIDEMARK_DEMO_PNG");
    const std::string png = keep ? keep : dir.file("demo.png");
    // 15:00: HMC Valiant is 3 h x 10 kn = 55.56 km east of its 12:00 fix, at (675560, 150000).
    const std::vector<std::string> args = {"/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", TIDEMARK_EXE, "gui", path,
                                           "--screenshot", png, "--size", "1600x1000", "--view", "520000,100000,720000,260000",
                                           "--time", "2026-03-01T15:00:00Z", "--panel", "Forces", "--print-view"};
    std::string cmd;
    for (const auto& a : args) cmd += "'" + a + "' ";
    cmd += "> " + dir.file("out.txt") + " 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << test::read_file(dir.file("out.txt"));
    std::istringstream out(test::read_file(dir.file("out.txt")));
    double rx = 0, ry = 0, rw = 0, rh = 0, cx = 0, cy = 0, mpp = 0;
    std::string key;
    while (out >> key) {
        if (key == "map_rect") out >> rx >> ry >> rw >> rh;
        else if (key == "view_centre") out >> cx >> cy;
        else if (key == "metres_per_pixel") out >> mpp;
    }
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(png.c_str(), &w, &h, &n, 3);
    ASSERT_NE(data, nullptr);
    // The vessel arrow is centred on its position; its outline is black, its fill a palette
    // colour: within 6 px of the position some pixel must be neither sea nor land.
    const double px = rx + rw / 2 + (675560 - cx) / mpp, py = ry + rh / 2 - (150000 - cy) / mpp;
    int marked = 0;
    for (int dy = -6; dy <= 6; ++dy)
        for (int dx = -6; dx <= 6; ++dx) {
            const unsigned char* p = &data[((static_cast<int>(py) + dy) * w + static_cast<int>(px) + dx) * 3];
            if (p[0] + p[1] + p[2] < 200) ++marked;  // dark outline pixels
        }
    stbi_image_free(data);
    EXPECT_GT(marked, 5) << "no vessel outline near (" << px << ", " << py << ")";
}

}  // namespace
}  // namespace tidemark::gui
