// Maps rendered from a workspace built from the shared real data plus in-code coverage,
// track and report layers, checked with independent tools: GDAL reads the PNG and GeoTIFF,
// poppler's pdfinfo / pdftocairo / pdftotext read the PDF.
#include "app/render/map_frame.h"
#include "app/render/map_render.h"
#include "app/render/raster_output.h"
#include "layers/tracks/vessel_positions.h"
#include "layers/io/gdal_handles.h"
#include "layers/io/import.h"
#include "support/test_support.h"

#include <cstdio>
#include <filesystem>

namespace tidemark::render {
namespace {

namespace fs = std::filesystem;
using layers::Feature;
using layers::FieldType;
using layers::Layer;
using layers::LayerRole;
using layers::vessel_positions_at;
using test::ScratchDir;

std::string capture(const std::string& command) {
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
    return out;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

Feature point(std::int64_t fid, geo::XY p, std::vector<layers::Value> values) {
    Feature f;
    f.fid = fid;
    f.geometry.kind = geo::GeometryKind::Point;
    f.geometry.points = {p};
    f.values = std::move(values);
    return f;
}

// Coverage along the GB coast: better in the south, never observed in the far north.
Layer segments_from(const Layer& coast) {
    Layer s;
    s.name = "segments";
    s.role = LayerRole::Segments;
    s.fields = {{"max_gap_s", FieldType::Real}};
    const geo::Polygon* mainland = nullptr;
    for (const auto& f : coast.features())
        for (const auto& p : f.geometry.polygons)
            if (!mainland || geo::area(p) > geo::area(*mainland)) mainland = &p;
    const geo::Path& ring = mainland->outer;
    const std::size_t chunk = 120;
    for (std::size_t i = 0; i + 1 < ring.size(); i += chunk) {
        Feature f;
        f.fid = static_cast<std::int64_t>(i / chunk + 1);
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = {geo::Path(ring.begin() + i, ring.begin() + std::min(ring.size(), i + chunk + 1))};
        const double y = f.geometry.lines[0][0].y;
        if (y > 950000) f.values = {std::monostate{}};
        else f.values = {y < 250000 ? 6 * 3600.0 : y < 450000 ? 30 * 3600.0 : y < 650000 ? 70 * 3600.0 : 150 * 3600.0};
        s.features().push_back(std::move(f));
    }
    return s;
}

layers::Workspace demo_workspace() {
    layers::Workspace ws;
    geo::Problems problems;
    std::string error;
    const std::pair<const char*, LayerRole> inputs[] = {{"coast/gb_coastline_osm.gpkg", LayerRole::Coastline},
                                                        {"police/police_force_areas_uk.gpkg", LayerRole::Forces},
                                                        {"ports/wpi_uk_ports.geojson", LayerRole::Ports}};
    const char* names[] = {"coastline", "police_force_areas", "ports"};
    for (int i = 0; i < 3; ++i) {
        auto l = layers::import_layer(test::shared_data(inputs[i].first), ws.crs(), inputs[i].second, names[i], problems, &error);
        EXPECT_TRUE(l) << error;
        if (l) ws.put(std::move(*l));
    }
    ws.put(segments_from(*ws.find_role(LayerRole::Coastline)));

    Layer legs;
    legs.name = "track_legs";
    legs.role = LayerRole::TrackLegs;
    legs.fields = {{"vessel", FieldType::String}, {"planned", FieldType::Integer}, {"synthetic", FieldType::Integer}};
    Feature seeker;
    seeker.geometry.kind = geo::GeometryKind::Line;
    seeker.geometry.lines = {{{632000, 138000}, {560000, 92000}, {465000, 92000}}};
    seeker.values = {std::string("HMC Seeker"), std::int64_t{0}, std::int64_t{1}};
    Feature valiant = seeker;
    valiant.geometry.lines = {{{628000, 228000}, {660000, 292000}, {560000, 420000}}};
    valiant.values = {std::string("HMC Valiant"), std::int64_t{1}, std::int64_t{1}};
    legs.features() = {seeker, valiant};
    ws.put(legs);

    Layer fixes;  // HMC Seeker along the first leg, one fix every 30 min from 08:00
    fixes.name = "track_points";
    fixes.role = LayerRole::Tracks;
    fixes.fields = {{"vessel", FieldType::String}, {"t", FieldType::DateTime}, {"synthetic", FieldType::Integer}};
    const geo::UnixTime t0 = *geo::parse_iso8601("2026-03-01T08:00:00Z");
    for (int k = 0; k <= 10; ++k)
        fixes.features().push_back(point(k + 1, {632000.0 - 7200.0 * k, 138000.0 - 4600.0 * k},
                                       {std::string("HMC Seeker"), geo::format_iso8601(t0 + 1800.0 * k), std::int64_t{1}}));
    ws.put(fixes);

    Layer reports;
    reports.name = "reports";
    reports.role = LayerRole::Reports;
    reports.fields = {{"category", FieldType::String}, {"reported_at", FieldType::DateTime}};
    const std::pair<geo::XY, const char*> r[] = {{{615000, 118000}, "small boat"}, {{540000, 98000}, "suspicious vessel"},
                                                 {{655000, 300000}, "drugs"},      {{340000, 650000}, "suspicious vessel"},
                                                 {{400000, 1000000}, "drugs"}};
    for (int k = 0; k < 5; ++k)
        reports.features().push_back(point(k + 1, r[k].first, {std::string(r[k].second), geo::format_iso8601(t0 + 3600.0 * k)}));
    ws.put(reports);
    ws.window_from = *geo::parse_iso8601("2026-03-01T00:00:00Z");
    ws.window_to = *geo::parse_iso8601("2026-03-08T00:00:00Z");
    return ws;
}

// Copies a rendered file to $TIDEMARK_RENDER_KEEP (when set) so a person can look at it.
void keep(const std::string& path) {
    if (const char* dir = std::getenv("TIDEMARK_RENDER_KEEP")) {
        std::error_code ec;
        fs::copy_file(path, fs::path(dir) / fs::path(path).filename(), fs::copy_options::overwrite_existing, ec);
    }
}

TEST(PngCrc, MatchesThePublishedCheckValue) {
    const std::string text = "123456789";  // CRC-32 check value 0xCBF43926 (ISO 3309)
    EXPECT_EQ(png_crc(reinterpret_cast<const unsigned char*>(text.data()), text.size()), 0xCBF43926u);
}

TEST(ScaleBar, NiceLengths) {
    EXPECT_DOUBLE_EQ(nice_length(237), 200);
    EXPECT_DOUBLE_EQ(nice_length(0.7), 0.5);
    EXPECT_DOUBLE_EQ(nice_length(99), 50);
    EXPECT_DOUBLE_EQ(nice_length(100), 100);
}

TEST(VesselPositions, InterpolatesBetweenFixesNotAcrossLongGaps) {
    Layer l;
    l.role = LayerRole::Tracks;
    l.fields = {{"vessel", FieldType::String}, {"t", FieldType::DateTime}};
    l.features() = {point(1, {0, 0}, {std::string("A"), std::string("2026-03-01T00:00:00Z")}),
                  point(2, {1000, 2000}, {std::string("A"), std::string("2026-03-01T00:10:00Z")}),
                  point(3, {0, 0}, {std::string("B"), std::string("2026-03-01T00:00:00Z")}),
                  point(4, {9000, 0}, {std::string("B"), std::string("2026-03-01T12:00:00Z")})};
    auto at = vessel_positions_at(l, *geo::parse_iso8601("2026-03-01T00:02:30Z"));
    ASSERT_EQ(at.size(), 1u);  // B's fixes are 12 h apart: position unknown
    EXPECT_EQ(at[0].vessel, "A");
    EXPECT_NEAR(at[0].p.x, 250.0, 1e-6);  // a quarter of the way
    EXPECT_NEAR(at[0].p.y, 500.0, 1e-6);
    EXPECT_TRUE(vessel_positions_at(l, *geo::parse_iso8601("2026-03-01T00:20:00Z")).empty() ||
                vessel_positions_at(l, *geo::parse_iso8601("2026-03-01T00:20:00Z"))[0].vessel != "A");
}

TEST(RenderBbox, LonLatDegreesBecomeWorkingCrsMetres) {
    std::string error;
    // `echo 1.716051990 52.657978599 | cs2cs EPSG:4326 EPSG:27700` -> 651409.90 313177.27 (OS's Caister point).
    auto box = parse_bbox("1.7,52.6,1.8,52.7", geo::Crs::british_national_grid(), &error);
    ASSERT_TRUE(box) << error;
    EXPECT_TRUE(box->contains({651409.903, 313177.270}));
    EXPECT_LT(box->width(), 8000);  // 0.1° of longitude at 52.65°N is 6.8 km
    auto metres = parse_bbox("500000,100000,700000,300000", geo::Crs::british_national_grid(), &error);
    ASSERT_TRUE(metres);
    EXPECT_DOUBLE_EQ(metres->min_x, 500000);
    EXPECT_FALSE(parse_bbox("1,2,3", geo::Crs::british_national_grid(), &error));
    EXPECT_NE(error.find("minx,miny,maxx,maxy"), std::string::npos);
}

TEST(RenderMap, PngHasRequestedSizeAndDpi) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    ScratchDir dir;
    const layers::Workspace ws = demo_workspace();
    RenderOptions o;
    o.width_px = 1200;
    o.height_px = 850;
    o.dpi = 200;
    o.marking = "OFFICIAL-SENSITIVE";
    std::string error;
    const std::string path = dir.file("map.png");
    ASSERT_TRUE(render_map(ws, o, path, &error)) << error;
    keep(path);
    layers::ensure_gdal_registered();
    layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly)));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetRasterXSize(), 1200);
    EXPECT_EQ(ds->GetRasterYSize(), 850);
    // pHYs right after IHDR: 200 dpi = 200 / 0.0254 = 7874.0 pixels per metre, unit 1 (metre).
    const std::string png = test::read_file(path);
    ASSERT_GT(png.size(), 54u);
    EXPECT_EQ(png.substr(37, 4), "pHYs");
    const auto byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(png[i])); };
    EXPECT_EQ((byte(41) << 24) | (byte(42) << 16) | (byte(43) << 8) | byte(44), 7874u);
    EXPECT_EQ((byte(45) << 24) | (byte(46) << 16) | (byte(47) << 8) | byte(48), 7874u);
    EXPECT_EQ(byte(49), 1u);
}

TEST(RenderMap, PdfIsVectorWithFrameText) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    ScratchDir dir;
    layers::Workspace ws = demo_workspace();
    if (const char* keep_dir = std::getenv("TIDEMARK_RENDER_KEEP")) {  // for rendering by hand with the CLI
        std::string why;
        ws.save(&why, (fs::path(keep_dir) / "demo_ws.gpkg").string());
    }
    RenderOptions o;  // A4 landscape at 150 dpi: 1754 x 1240 px = 841.92 x 595.2 pt
    o.title = "Coverage, first week of March";
    o.marking = "OFFICIAL-SENSITIVE";
    o.time = *geo::parse_iso8601("2026-03-01T09:15:00Z");
    std::string error;
    const std::string path = dir.file("map.pdf");
    ASSERT_TRUE(render_map(ws, o, path, &error)) << error;
    keep(path);
    const std::string info = capture("pdfinfo '" + path + "'");
    EXPECT_NE(info.find("Page size:       841.92 x 595.2 pts"), std::string::npos) << info;
    EXPECT_NE(info.find("Pages:           1\n"), std::string::npos) << info;
    // Vector: the map is hundreds of paths, no embedded raster image.
    const std::string svg = capture("pdftocairo -svg '" + path + "' -");
    EXPECT_GT(count(svg, "<path"), 500u);
    EXPECT_EQ(count(svg, "<image"), 0u);
    const std::string text = capture("pdftotext -layout '" + path + "' -");
    EXPECT_NE(text.find("Coverage, first week of March"), std::string::npos);
    EXPECT_EQ(count(text, "OFFICIAL-SENSITIVE"), 2u);
    EXPECT_NE(text.find("2026-03-01T00:00Z – 2026-03-08T00:00Z"), std::string::npos) << text;
    EXPECT_NE(text.find("situation at 2026-03-01T09:15Z"), std::string::npos);
    EXPECT_NE(text.find("Track points (synthetic)"), std::string::npos) << text;
    EXPECT_NE(text.find("Track legs (synthetic)"), std::string::npos);
    EXPECT_NE(text.find("planned (dashed)"), std::string::npos);
    EXPECT_NE(text.find("never observed"), std::string::npos);
    EXPECT_NE(text.find("HMC Seeker"), std::string::npos);  // its position at 09:15 is labelled
    EXPECT_NE(text.find("km"), std::string::npos);
    EXPECT_NE(text.find("nm"), std::string::npos);
    EXPECT_NE(text.find("© OpenStreetMap contributors"), std::string::npos);
    EXPECT_NE(text.find("World Port Index, NGA"), std::string::npos);
    EXPECT_NE(text.find("Office for National Statistics"), std::string::npos);
    EXPECT_NE(text.find("EPSG:27700"), std::string::npos);
}

TEST(RenderMap, GeoTiffPlacesTheEasternmostCoastPointOnItsPixel) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    ScratchDir dir;
    layers::Workspace ws;  // the coastline alone, so no other symbol covers the pixels checked
    geo::Problems problems;
    std::string error;
    auto land = layers::import_layer(coast, ws.crs(), LayerRole::Coastline, "coastline", problems, &error);
    ASSERT_TRUE(land) << error;
    ws.put(std::move(*land));
    // The easternmost vertex of the coastline (Lowestoft Ness): everything east of it is sea.
    geo::XY east{-1e9, 0};
    for (const auto& f : ws.find_role(LayerRole::Coastline)->features())
        for (const auto& p : f.geometry.polygons)
            for (const auto& v : p.outer)
                if (v.x > east.x) east = v;
    RenderOptions o;
    o.width_px = 1000;
    o.height_px = 1000;
    o.bbox = geo::Box{600000, 250000, 700000, 350000};  // 100 m pixels, hand-computed geotransform below
    const std::string path = dir.file("map.tif");
    ASSERT_TRUE(render_map(ws, o, path, &error)) << error;
    keep(path);
    layers::ensure_gdal_registered();
    layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpen(path.c_str(), GA_ReadOnly)));
    ASSERT_TRUE(ds);
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    EXPECT_DOUBLE_EQ(gt[0], 600000);
    EXPECT_DOUBLE_EQ(gt[1], 100);
    EXPECT_DOUBLE_EQ(gt[3], 350000);
    EXPECT_DOUBLE_EQ(gt[5], -100);
    OGRSpatialReference srs(*ds->GetSpatialRef());
    srs.AutoIdentifyEPSG();
    EXPECT_STREQ(srs.GetAuthorityCode(nullptr), "27700");
    const int col = static_cast<int>((east.x - 600000) / 100), row = static_cast<int>((350000 - east.y) / 100);
    auto rgb = [&](int x, int y) {
        std::array<unsigned char, 3> c{};
        for (int b = 0; b < 3; ++b)
            EXPECT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, x, y, 1, 1, &c[b], 1, 1, GDT_Byte, 0, 0), CE_None);
        return c;
    };
    // Land fill (238,232,217) 1 km inland, sea (204,224,240) 1 km offshore.
    const auto inland = rgb(col - 10, row), sea = rgb(col + 10, row);
    EXPECT_NEAR(inland[0], 237, 3);
    EXPECT_NEAR(inland[2], 217, 3);
    EXPECT_NEAR(sea[0], 204, 3);
    EXPECT_NEAR(sea[2], 240, 3);
}

TEST(RenderMap, UnknownExtensionFailsAndWritesNothing) {
    ScratchDir dir;
    layers::Workspace ws;
    std::string error;
    EXPECT_FALSE(render_map(ws, {}, dir.file("map.bmp"), &error));
    EXPECT_NE(error.find(".png, .pdf or .tif"), std::string::npos);
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

}  // namespace
}  // namespace tidemark::render
