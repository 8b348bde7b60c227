#include "layers/io/ogr_reader.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

// Big Ben, lon/lat and BNG from `cs2cs -f %.4f EPSG:4326 EPSG:27700` (Helmert, no OSTN15).
constexpr double kLon = -0.1246, kLat = 51.5007, kEasting = 530269.9024, kNorthing = 179640.7174;

const char* kPointGeoJson = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"Big Ben","kind":"landmark"},"geometry":{"type":"Point","coordinates":[-0.1246,51.5007]}}]})";

ReadResult read_bng(const std::string& path) {
    ReadOptions o;
    o.working_crs = geo::Crs::british_national_grid();
    return read_vector(path, o);
}

void expect_big_ben(const ReadResult& r, const std::string& format) {
    ASSERT_TRUE(r.ok) << format << ": " << r.error;
    ASSERT_EQ(r.layers.size(), 1u) << format;
    const Layer& l = r.layers[0];
    ASSERT_EQ(l.features().size(), 1u) << format;
    const auto& g = l.features()[0].geometry;
    ASSERT_EQ(g.kind, geo::GeometryKind::Point) << format;
    EXPECT_NEAR(g.points[0].x, kEasting, 0.001) << format;
    EXPECT_NEAR(g.points[0].y, kNorthing, 0.001) << format;
    EXPECT_EQ(to_string(l.value(l.features()[0], "name")), "Big Ben") << format;
}

// Converts with ogr2ogr (gdal-bin), independent of Tidemark's writer.
std::string convert(const ScratchDir& dir, const std::string& src, const std::string& name, const std::string& driver) {
    std::string out = dir.file(name);
    std::string cmd = "ogr2ogr -q -f \"" + driver + "\" '" + out + "' '" + src + "' 2>/dev/null";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return out;
}

}  // namespace

TEST(OgrReader, GeoJsonPointIsProjectedToBng) {
    ScratchDir dir;
    expect_big_ben(read_bng(dir.write("p.geojson", kPointGeoJson)), "GeoJSON");
}

TEST(OgrReader, EveryCommonFormatGivesTheSamePoint) {
    ScratchDir dir;
    std::string src = dir.write("p.geojson", kPointGeoJson);
    expect_big_ben(read_bng(convert(dir, src, "p.gpkg", "GPKG")), "GeoPackage");
    expect_big_ben(read_bng(convert(dir, src, "p.shp", "ESRI Shapefile")), "Shapefile");
    expect_big_ben(read_bng(convert(dir, src, "p.kml", "KML")), "KML");
    expect_big_ben(read_bng(convert(dir, src, "p.gml", "GML")), "GML");
    expect_big_ben(read_bng(convert(dir, src, "p.fgb", "FlatGeobuf")), "FlatGeobuf");
}

TEST(OgrReader, CsvWithLonLatColumns) {
    ScratchDir dir;
    expect_big_ben(read_bng(dir.write("p.csv", "name,kind,longitude,latitude\nBig Ben,landmark,-0.1246,51.5007\n")), "CSV lon/lat");
}

TEST(OgrReader, CsvWithWktColumn) {
    ScratchDir dir;
    expect_big_ben(read_bng(dir.write("p.csv", "wkt,name\n\"POINT (-0.1246 51.5007)\",Big Ben\n")), "CSV WKT");
}

TEST(OgrReader, TopoJsonArcsBecomePolygons) {
    // One square arc, unquantized: a polygon of 1 degree around 0..1 E, 51..52 N.
    ScratchDir dir;
    std::string topo = R"({"type":"Topology","objects":{"areas":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","arcs":[[0]],"properties":{"name":"Square"}}]}},
      "arcs":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]})";
    ReadResult r = read_bng(dir.write("a.topojson", topo));
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_FALSE(r.layers.empty());
    const auto& g = r.layers[0].features().at(0).geometry;
    ASSERT_EQ(g.kind, geo::GeometryKind::Polygon);
    EXPECT_EQ(g.polygons[0].outer.size(), 5u);
}

TEST(OgrReader, SelfCrossingRingIsReportedAndTheRestLoads) {
    ScratchDir dir;
    std::string gj = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":1,"properties":{"name":"bowtie"},"geometry":{"type":"Polygon","coordinates":[[[0,51],[1,52],[1,51],[0,52],[0,51]]]}},
      {"type":"Feature","id":2,"properties":{"name":"good"},"geometry":{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,52],[0,51]]]}},
      {"type":"Feature","id":3,"properties":{"name":"no geometry"},"geometry":null}]})";
    std::string path = dir.write("bad.geojson", gj);
    ReadResult r = read_bng(path);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.layers[0].features().size(), 3u);  // all kept; the null one as an attribute row
    bool self_crossing = false, no_geometry = false;
    for (const auto& p : r.problems) {
        if (p.reason.find("Self-intersection") != std::string::npos) {
            self_crossing = true;
            EXPECT_EQ(p.source, path);
            EXPECT_EQ(p.feature, "1 (bowtie)");
            EXPECT_NE(p.reason.find("(0.5, 51.5)"), std::string::npos) << p.reason;  // where the edges cross
        }
        if (p.reason.find("no geometry") != std::string::npos) no_geometry = true;
    }
    EXPECT_TRUE(self_crossing);
    EXPECT_TRUE(no_geometry);
}

TEST(OgrReader, MissingCrsWithLonLatCoordinatesIsAssumedWgs84AndSaid) {
    ScratchDir dir;
    std::string shp = convert(dir, dir.write("p.geojson", kPointGeoJson), "p.shp", "ESRI Shapefile");
    std::filesystem::remove(dir.file("p.prj"));
    ReadResult r = read_bng(shp);
    expect_big_ben(r, "Shapefile without .prj");
    ASSERT_FALSE(r.problems.empty());
    EXPECT_NE(r.problems[0].reason.find("WGS 84"), std::string::npos);
    EXPECT_EQ(r.summaries[0].source_crs, "(none; assumed WGS 84)");
}

TEST(OgrReader, MissingCrsWithProjectedCoordinatesSkipsTheLayerWithAReason) {
    ScratchDir dir;
    std::string csv = dir.write("bng.csv", "x,y,name\n530269.9,179640.7,Big Ben\n");
    ReadResult r = read_bng(csv);
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(r.layers.empty());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].severity, geo::Problem::Severity::Error);
    EXPECT_NE(r.problems[0].reason.find("no CRS declared"), std::string::npos);
}

TEST(OgrReader, UnreadableFileNamesTheFileAndWhatWasExpected) {
    ScratchDir dir;
    std::string path = dir.write("junk.geojson", "{ this is not json");
    ReadResult r = read_bng(path);
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.error.find(path), std::string::npos);
    EXPECT_NE(r.error.find("expected"), std::string::npos);
    ReadResult missing = read_bng(dir.file("nope.gpkg"));
    EXPECT_FALSE(missing.ok);
    EXPECT_NE(missing.error.find("no such file"), std::string::npos);
}
