// Every export format read back with GDAL against values worked out independently:
// WGS 84 coordinates from PROJ's cs2cs, names and counts by hand.
#include "layers/export/export.h"
#include "layers/export/export_shapefile_names.h"
#include "layers/io/gdal_handles.h"
#include "layers/style/style.h"
#include "support/test_support.h"

#include <ogr_spatialref.h>

#include <filesystem>
#include <map>

namespace tidemark::layers {
namespace {

namespace fs = std::filesystem;
using test::ScratchDir;

// OS's worked example point "Caister water tower" in British National Grid;
// `echo 651409.903 313177.270 | cs2cs -f %.9f EPSG:27700 EPSG:4326` gives lat 52.657978599, lon 1.716051990.
constexpr double kCaisterE = 651409.903, kCaisterN = 313177.270;
constexpr double kCaisterLat = 52.657978599, kCaisterLon = 1.716051990;

Layer reports_layer() {
    Layer l;
    l.name = "reports";
    l.role = LayerRole::Reports;
    l.fields = {{"name", FieldType::String}, {"category", FieldType::String}, {"reported_at", FieldType::DateTime},
                {"observation_count_total", FieldType::Integer}, {"observation_count_valid", FieldType::Integer},
                {"score", FieldType::Real}};
    const char* names[] = {"Caister", "Pen Llŷn", "Dover"};
    const char* cats[] = {"drugs", "migrants", "drugs"};
    for (int i = 0; i < 3; ++i) {
        Feature f;
        f.fid = i + 1;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{kCaisterE + 1000.0 * i, kCaisterN - 2000.0 * i}};
        f.values = {std::string(names[i]), std::string(cats[i]), std::string("2026-03-0" + std::to_string(i + 1) + "T12:30:00Z"),
                    std::int64_t{10 + i}, std::int64_t{7 + i}, 0.25 * i};
        l.features().push_back(std::move(f));
    }
    return l;
}

Layer segments_layer() {
    Layer l;
    l.name = "segments";
    l.role = LayerRole::Segments;
    l.fields = {{"max_gap_s", FieldType::Real}};
    Feature a;
    a.fid = 1;
    a.geometry.kind = geo::GeometryKind::Line;
    a.geometry.lines = {{{600000, 300000}, {601000, 300000}, {601000, 301000}}};
    a.values = {3600.0};
    Feature b = a;
    b.fid = 2;
    b.geometry.lines = {{{601000, 301000}, {602000, 302000}}};
    b.values = {std::monostate{}};
    l.features() = {a, b};
    return l;
}

Layer table_layer() {
    Layer t;
    t.name = "force_summary";
    t.role = LayerRole::Table;
    t.fields = {{"force", FieldType::String}, {"coast_km", FieldType::Real}};
    Feature f;
    f.fid = 1;
    f.values = {std::string("Kent"), 350.5};
    t.features().push_back(f);
    return t;
}

Workspace fixture(const ScratchDir& dir) {
    Workspace ws;
    ws.put(reports_layer());
    ws.put(segments_layer());
    ws.put(table_layer());
    std::string error;
    EXPECT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    return ws;
}

DatasetPtr open_vector(const std::string& path) {
    ensure_gdal_registered();
    return DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

bool export_one(const Workspace& ws, const std::string& layer, ExportFormat f, const std::string& path, std::string* error) {
    ExportRequest r;
    r.layers = {layer};
    r.format = f;
    r.path = path;
    return export_layers(ws, r, error);
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

int epsg_of(OGRLayer* layer) {
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs) return 0;
    OGRSpatialReference copy(*srs);
    copy.AutoIdentifyEPSG();
    const char* code = copy.GetAuthorityCode(nullptr);
    return code ? std::atoi(code) : 0;
}

TEST(ShapefileFieldNames, CutToTenCharactersWithoutClashes) {
    EXPECT_EQ(shapefile_field_names({"observation_count_total", "observation_count_valid", "observat_1"}),
              (std::vector<std::string>{"observatio", "observat_2", "observat_1"}));
    EXPECT_EQ(shapefile_field_names({"Main Port Name", "name", "NAME"}),
              (std::vector<std::string>{"Main_Port_", "name", "NAME_1"}));
    EXPECT_EQ(shapefile_field_names({"Llŷn_area"}), (std::vector<std::string>{"Ll__n_area"}));
}

TEST(Export, GeoJsonIsRfc7946LonLat) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    const std::string path = dir.file("reports.geojson");
    ASSERT_TRUE(export_one(ws, "reports", ExportFormat::GeoJSON, path, &error)) << error;
    auto ds = open_vector(path);
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    EXPECT_EQ(l->GetFeatureCount(), 3);
    EXPECT_EQ(epsg_of(l), 4326);
    std::unique_ptr<OGRFeature> f(l->GetNextFeature());
    EXPECT_STREQ(f->GetFieldAsString("name"), "Caister");
    EXPECT_STREQ(f->GetFieldAsString("category"), "drugs");
    auto* p = f->GetGeometryRef()->toPoint();
    EXPECT_NEAR(p->getX(), kCaisterLon, 2e-6);  // ~0.15 m
    EXPECT_NEAR(p->getY(), kCaisterLat, 2e-6);
    // The text itself: longitude first, as RFC 7946 requires.
    const std::string text = test::read_file(path);
    EXPECT_NE(text.find("\"coordinates\": [ 1.71605"), std::string::npos) << text.substr(0, 600);
    EXPECT_NE(text.find("Pen Llŷn"), std::string::npos);
}

TEST(Export, KmlHasNamedStyledPlacemarks) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    const std::string path = dir.file("reports.kml");
    ASSERT_TRUE(export_one(ws, "reports", ExportFormat::KML, path, &error)) << error;
    const std::string text = test::read_file(path);
    std::size_t placemarks = 0;
    for (auto at = text.find("<Placemark"); at != std::string::npos; at = text.find("<Placemark", at + 1)) ++placemarks;
    EXPECT_EQ(placemarks, 3u);
    EXPECT_NE(text.find("<name>Caister</name>"), std::string::npos);
    EXPECT_NE(text.find("<IconStyle>"), std::string::npos);
    auto ds = open_vector(path);
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 3);
    std::unique_ptr<OGRFeature> f(ds->GetLayer(0)->GetNextFeature());
    auto* p = f->GetGeometryRef()->toPoint();
    EXPECT_NEAR(p->getX(), kCaisterLon, 2e-6);
    EXPECT_NEAR(p->getY(), kCaisterLat, 2e-6);
}

TEST(Export, ShapefileCutsNamesKeepsTimesAsTextAndWritesPrj) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    const std::string path = dir.file("reports.shp");
    ASSERT_TRUE(export_one(ws, "reports", ExportFormat::Shapefile, path, &error)) << error;
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) EXPECT_TRUE(fs::exists(dir.file(std::string("reports") + ext))) << ext;
    auto ds = open_vector(path);
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    EXPECT_EQ(l->GetFeatureCount(), 3);
    EXPECT_EQ(epsg_of(l), 27700);
    OGRFeatureDefn* d = l->GetLayerDefn();
    EXPECT_GE(d->GetFieldIndex("observatio"), 0);
    EXPECT_GE(d->GetFieldIndex("observat_1"), 0);
    const int t = d->GetFieldIndex("reported_a");
    ASSERT_GE(t, 0);
    EXPECT_EQ(d->GetFieldDefn(t)->GetType(), OFTString);
    std::unique_ptr<OGRFeature> f(l->GetNextFeature());
    EXPECT_STREQ(f->GetFieldAsString(t), "2026-03-01T12:30:00Z");
    EXPECT_EQ(f->GetFieldAsInteger64("observatio"), 10);
    EXPECT_EQ(f->GetFieldAsInteger64("observat_1"), 7);
    auto* p = f->GetGeometryRef()->toPoint();
    EXPECT_NEAR(p->getX(), kCaisterE, 0.001);
    EXPECT_NEAR(p->getY(), kCaisterN, 0.001);
}

TEST(Export, CsvPointsAsLatLonLinesAsWktIsoTimesUtf8) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    ASSERT_TRUE(export_one(ws, "reports", ExportFormat::CSV, dir.file("reports.csv"), &error)) << error;
    const std::string text = test::read_file(dir.file("reports.csv"));
    EXPECT_EQ(text.substr(0, text.find_first_of("\r\n")),
              "name,category,reported_at,observation_count_total,observation_count_valid,score,lat,lon");
    EXPECT_NE(text.find("2026-03-01T12:30:00Z"), std::string::npos);
    EXPECT_NE(text.find("Pen Llŷn"), std::string::npos);
    auto ds = open_vector(dir.file("reports.csv"));
    ASSERT_TRUE(ds);
    std::unique_ptr<OGRFeature> f(ds->GetLayer(0)->GetNextFeature());
    EXPECT_NEAR(f->GetFieldAsDouble("lat"), kCaisterLat, 2e-6);
    EXPECT_NEAR(f->GetFieldAsDouble("lon"), kCaisterLon, 2e-6);

    ASSERT_TRUE(export_one(ws, "segments", ExportFormat::CSV, dir.file("segments.csv"), &error)) << error;
    const std::string seg = test::read_file(dir.file("segments.csv"));
    EXPECT_EQ(seg.substr(0, seg.find_first_of("\r\n")), "WKT,max_gap_s");
    EXPECT_NE(seg.find("\"LINESTRING ("), std::string::npos);
}

TEST(Export, FlatGeobufKeepsWorkingCrsAndGeometry) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    ASSERT_TRUE(export_one(ws, "segments", ExportFormat::FlatGeobuf, dir.file("s.fgb"), &error)) << error;
    auto ds = open_vector(dir.file("s.fgb"));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    EXPECT_EQ(l->GetFeatureCount(), 2);
    EXPECT_EQ(epsg_of(l), 27700);
    // The spatial index sorts features along a Hilbert curve: find ours by its attribute.
    std::map<std::string, std::string> wkt_by_gap;
    for (auto& f : *l) {
        char* wkt = nullptr;
        f->GetGeometryRef()->exportToWkt(&wkt);
        wkt_by_gap[!f->IsFieldSetAndNotNull(0) ? "null" : f->GetFieldAsString("max_gap_s")] = wkt;
        CPLFree(wkt);
    }
    EXPECT_EQ(wkt_by_gap["3600"], "LINESTRING (600000 300000,601000 300000,601000 301000)");
    EXPECT_EQ(wkt_by_gap["null"], "LINESTRING (601000 301000,602000 302000)");
}

TEST(Export, GeoPackageAllCarriesQgisStyles) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    ExportRequest r;
    r.format = ExportFormat::GeoPackage;
    r.path = dir.file("all.gpkg");
    ASSERT_TRUE(export_layers(ws, r, &error)) << error;
    auto ds = open_vector(r.path);
    ASSERT_TRUE(ds);
    ASSERT_TRUE(ds->GetLayerByName("reports"));
    EXPECT_EQ(ds->GetLayerByName("reports")->GetFeatureCount(), 3);
    EXPECT_EQ(epsg_of(ds->GetLayerByName("segments")), 27700);
    ASSERT_TRUE(ds->GetLayerByName("force_summary"));
    std::unique_ptr<OGRFeature> row(ds->GetLayerByName("force_summary")->GetNextFeature());
    EXPECT_DOUBLE_EQ(row->GetFieldAsDouble("coast_km"), 350.5);
    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    ASSERT_TRUE(styles);
    EXPECT_EQ(styles->GetFeatureCount(), 2);  // reports and segments; the table has no geometry
    std::map<std::string, std::string> qml;
    for (auto& f : *styles) qml[f->GetFieldAsString("f_table_name")] = f->GetFieldAsString("styleQML");
    // Reports by category (two categories -> two rules), segments by the coverage ramp.
    EXPECT_NE(qml["reports"].find("filter=\"&quot;category&quot; = &apos;drugs&apos;\""), std::string::npos) << qml["reports"];
    EXPECT_NE(qml["segments"].find("&quot;max_gap_s&quot; &lt;= 86400"), std::string::npos) << qml["segments"];
    EXPECT_NE(qml["segments"].find("never observed"), std::string::npos);
}

TEST(Export, AllLayersToAFolderOneFilePerLayer) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    ExportRequest r;
    r.format = ExportFormat::GeoJSON;
    r.path = dir.file("out");
    ASSERT_TRUE(export_layers(ws, r, &error)) << error;
    for (const char* f : {"reports.geojson", "segments.geojson", "force_summary.geojson"})
        EXPECT_TRUE(fs::exists(dir.path() / "out" / f)) << f;
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator{}), 2);  // ws.gpkg, out
}

TEST(Export, FailedExportLeavesTargetUntouchedAndNoTemporaries) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    const std::string target = dir.write("reports.geojson", "previous export");
    for (ExportFormat f : {ExportFormat::GeoJSON, ExportFormat::Shapefile, ExportFormat::GeoPackage}) {
        ExportRequest r;
        r.layers = {"reports"};
        r.format = f;
        r.path = f == ExportFormat::Shapefile ? dir.file("reports.shp") : f == ExportFormat::GeoPackage ? dir.file("r.gpkg") : target;
        // Fails after every feature has been written, before the file is complete.
        r.progress = [](const std::string&, std::size_t done, std::size_t total) {
            if (done == total) throw std::runtime_error("disk full (simulated)");
        };
        std::string error;
        EXPECT_FALSE(export_layers(ws, r, &error));
        EXPECT_NE(error.find("disk full (simulated)"), std::string::npos) << error;
    }
    EXPECT_EQ(test::read_file(target), "previous export");
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename().string());
    std::sort(left.begin(), left.end());
    EXPECT_EQ(left, (std::vector<std::string>{"reports.geojson", "ws.gpkg"}));
}

TEST(Export, KmlSharesOneStylePerCoverageClass) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    ASSERT_TRUE(export_one(ws, "segments", ExportFormat::KML, dir.file("s.kml"), &error)) << error;
    const std::string text = test::read_file(dir.file("s.kml"));
    EXPECT_EQ(count_of(text, "<Style id="), 6u);  // default + 5 ramp classes
    // 1 h meets the 24 h target (green 0.10,0.62,0.25 -> KML aabbggrr ff409e1a); null: never observed.
    EXPECT_NE(text.find("<Style id=\"tm_segments_0\"><LineStyle><color>ff409e1a</color>"), std::string::npos) << text.substr(0, 1500);
    EXPECT_EQ(count_of(text, "<styleUrl>#tm_segments_0</styleUrl>"), 1u);
    EXPECT_EQ(count_of(text, "<styleUrl>#tm_segments_4</styleUrl>"), 1u);
    auto ds = open_vector(dir.file("s.kml"));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 2);
}

TEST(Export, StaleTemporaryOfADeadWriterIsRemoved) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    // pid 2^22+1 is above Linux's pid_max limit (4194304): no such process.
    const std::string stale = dir.write(".r.geojson.partial-4194305.geojson", "half written");
    std::string error;
    ASSERT_TRUE(export_one(ws, "reports", ExportFormat::GeoJSON, dir.file("r.geojson"), &error)) << error;
    EXPECT_FALSE(fs::exists(stale));
}

TEST(Export, UnknownLayerNamesTheLayersThereAre) {
    ScratchDir dir;
    Workspace ws = fixture(dir);
    std::string error;
    EXPECT_FALSE(export_one(ws, "nope", ExportFormat::GeoJSON, dir.file("x.geojson"), &error));
    EXPECT_NE(error.find("no layer 'nope'"), std::string::npos);
    EXPECT_NE(error.find("reports, segments, force_summary"), std::string::npos) << error;
    EXPECT_FALSE(fs::exists(dir.file("x.geojson")));
}

}  // namespace
}  // namespace tidemark::layers
