// The `tidemark` command on inputs a hostile or unlucky user gives it: files in a local CRS,
// absurd times and coordinates, outputs naming inputs, symlink loops, huge headers. Each was
// a crash, undefined behaviour, a destroyed input or a misleading message before.
#include "layers/io/gdal_handles.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace tidemark::test {
namespace {

namespace fs = std::filesystem;

const char* kCoast = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"A3":"GBR"},
 "geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})";
const char* kLocalCs = R"(LOCAL_CS["Site grid",UNIT["metre",1],AXIS["X",EAST],AXIS["Y",NORTH]])";

// A workspace on a 2x1 degree box of "coast" in the Channel.
std::string new_workspace(const ScratchDir& dir) {
    const std::string ws = dir.file("ws.gpkg");
    auto r = run_tidemark({"workspace", "new", ws, "--coast", dir.write("coast.geojson", kCoast)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ws;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// --- local CRS: was SIGSEGV (a NULL PROJ error text appended to a std::string) -----------------

TEST(HostileInput, InfoOnALayerInALocalCrsSaysWhyItIsSkipped) {
    ScratchDir dir;
    const std::string csv = dir.write("site.csv", "x,y,name\n100,200,a\n300,400,b\n");
    dir.write("site.prj", kLocalCs);  // GDAL's CSV driver reads a .prj beside the file
    auto r = run_tidemark({"info", csv});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "layer site: cannot transform from Site grid to WGS 84: Site grid is a local "
                                "(engineering) CRS with no link to the Earth")) << r.out;
    EXPECT_TRUE(contains(r.out, "layer skipped")) << r.out;
}

TEST(HostileInput, WorkspaceNewOnALocalCrsCoastFailsNamingTheFile) {
    ScratchDir dir;
    const std::string csv = dir.write("site.csv", "x,y,name\n100,200,a\n300,400,b\n");
    dir.write("site.prj", kLocalCs);
    auto r = run_tidemark({"workspace", "new", dir.file("ws.gpkg"), "--coast", csv});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, csv)) << r.err;
    EXPECT_TRUE(contains(r.err, "local (engineering) CRS")) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("ws.gpkg")));
}

// A GeoPackage layer with srs_id -1 ("Undefined Cartesian SRS" in the GeoPackage standard).
TEST(HostileInput, InfoOnAGeoPackageLayerWithSrsIdMinusOne) {
    ScratchDir dir;
    const std::string gpkg = dir.file("undefined.gpkg");
    {
        layers::ensure_gdal_registered();
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        layers::DatasetPtr ds(drv->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRLayer* l = ds->CreateLayer("pts", nullptr, wkbPoint, nullptr);
        OGRFeature f(l->GetLayerDefn());
        f.SetGeometryDirectly(new OGRPoint(100, 200));
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        ds->ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = -1", nullptr, "SQLITE");
        ds->ExecuteSQL("UPDATE gpkg_contents SET srs_id = -1", nullptr, "SQLITE");
    }
    auto r = run_tidemark({"info", gpkg});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Undefined Cartesian SRS is a local (engineering) CRS")) << r.out;
}

// --- absurd values: refused naming file and line ------------------------------------------------

TEST(HostileInput, CsvTrackTimesOutside1970To2100AreRefusedAndTheGoodRowsKept) {
    ScratchDir dir;
    const std::string ws = new_workspace(dir);
    const std::string csv = dir.write("t.csv",
                                      "vessel,time,lat,lon\n"
                                      "Valiant,2026-03-01T10:00:00Z,50.80,0.10\n"
                                      "Valiant,100000000000000000000,50.81,0.11\n"
                                      "Valiant,2026-03-01T10:10:00Z,50.82,0.12\n"
                                      "Valiant,2150-01-01T00:00:00Z,50.83,0.13\n");
    auto r = run_tidemark({"tracks", "import", ws, csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 vessel(s), 1 leg(s), 2 fix(es)")) << r.out;
    // 1e20 is taken for milliseconds (as some loggers write) and divided by 1000 first.
    EXPECT_TRUE(contains(r.err, csv + ":3: layer tracks: time '100000000000000000000' is (time out of range: 1e+17 s); "
                                      "expected a time between 1970-01-01 and 2100-12-31")) << r.err;
    EXPECT_TRUE(contains(r.err, csv + ":5: layer tracks: time '2150-01-01T00:00:00Z' is 2150-01-01T00:00:00Z")) << r.err;
}

TEST(HostileInput, CsvTrackPositionsOffTheEarthAreRefused) {
    ScratchDir dir;
    const std::string ws = new_workspace(dir);
    const std::string csv = dir.write("xy.csv",
                                      "vessel,time,x,y\n"
                                      "Valiant,2026-03-01T10:00:00Z,550000,110000\n"
                                      "Valiant,2026-03-01T10:05:00Z,1e11,110000\n");
    auto r = run_tidemark({"tracks", "import", ws, csv, "--columns", "crs=EPSG:27700"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "1 fix(es)")) << r.out;
    EXPECT_TRUE(contains(r.err, csv + ":3: layer tracks: x/y '1e11', '110000' are not on the Earth")) << r.err;
}

TEST(HostileInput, AisLineWithAnAbsurdTagBlockTimeIsRejectedByLine) {
    ScratchDir dir;
    // A tag block's checksum is the XOR of the text between '\' and '*'.
    auto tagged = [](const std::string& c) {
        unsigned x = 0;
        for (char ch : c) x ^= static_cast<unsigned char>(ch);
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02X", x);
        return "\\" + c + "*" + buf + "\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
    };
    const std::string log = dir.write("t.nmea", tagged("c:1772366400") + tagged("c:100000000000000000000") + tagged("c:1772366460"));
    auto r = run_tidemark({"ais", "decode", log, "--out", dir.file("out.jsonl")});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, log + ":2: malformed: the line's time (tag block c:, leading timestamp or $PGHP) is "
                                      "outside 1970-01-01..2100-12-31")) << r.err;
    const std::string json = read_file(dir.file("out.jsonl"));
    EXPECT_EQ(std::count(json.begin(), json.end(), '\n'), 2) << json;
}

TEST(HostileInput, CoverageRadiusAbove100NauticalMilesIsRefused) {
    ScratchDir dir;
    const std::string ws = new_workspace(dir);
    auto r = run_tidemark({"coverage", ws, "--radius-nm", "500"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "--radius-nm 500.000000: expected a sensor range above 0 and at most 100 nautical miles"))
        << r.err;
}

TEST(HostileInput, FleetRangeAbove100NauticalMilesIsReportedByLine) {
    ScratchDir dir;
    const std::string ws = new_workspace(dir);
    const std::string fleet = dir.write("fleet.csv",
                                        "name,mmsi,antenna_height_m,radar_range_nm\n"
                                        "Valiant,235000001,12,24\n"
                                        "Vigilant,235000002,12,2400\n");
    const std::string csv = dir.write("t.csv", "vessel,time,lat,lon\nValiant,2026-03-01T10:00:00Z,50.80,0.10\n");
    auto r = run_tidemark({"tracks", "import", ws, csv, "--fleet", fleet});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.err, fleet + ":3: layer fleet: feature Vigilant: radar_range_nm '2400' is above 100")) << r.err;
}

// A coast vertex at 1e11 m used to end in std::bad_alloc naming no file.
TEST(HostileInput, CoastVertexFarOffTheEarthSkipsThatFeatureNamingIt) {
    ScratchDir dir;
    const std::string coast = dir.write("bng_coast.geojson", R"({"type":"FeatureCollection",
 "crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
 {"type":"Feature","properties":{"name":"good"},"geometry":{"type":"LineString","coordinates":[[500000,100000],[510000,100000]]}},
 {"type":"Feature","properties":{"name":"corrupt"},"geometry":{"type":"LineString","coordinates":[[500000,100000],[1e11,100000]]}}]})");
    auto r = run_tidemark({"workspace", "new", dir.file("ws.gpkg"), "--coast", coast, "--crs", "EPSG:27700"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const std::string all = r.out + r.err;
    EXPECT_TRUE(contains(all, "feature 1 (corrupt): a vertex at (1e+11, 100000) in OSGB36 / British National Grid is not "
                              "on the Earth")) << all;
    std::string error;
    auto ws = layers::Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(ws) << error;
    ASSERT_TRUE(ws->find("coastline"));
    EXPECT_EQ(ws->find("coastline")->features().size(), 1u);
}

// --- misleading or enormous messages ------------------------------------------------------------

TEST(HostileInput, SymlinkLoopIsReportedAsALoopNotAMissingFile) {
    ScratchDir dir;
    fs::create_symlink(dir.file("b.gpkg"), dir.file("a.gpkg"));
    fs::create_symlink(dir.file("a.gpkg"), dir.file("b.gpkg"));
    auto r = run_tidemark({"info", dir.file("a.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, dir.file("a.gpkg") + ": cannot be opened (Too many levels of symbolic links)")) << r.err;
    EXPECT_FALSE(contains(r.err, "no such file")) << r.err;
}

TEST(HostileInput, HugeHeaderIsRefusedInAShortMessage) {
    ScratchDir dir;
    const std::string ws = new_workspace(dir);
    std::string header;
    for (int i = 0; i < 200000; ++i) header += "column" + std::to_string(i) + ",";  // ~2.2 MB, one line
    const std::string csv = dir.write("wide.csv", header + "\n1,2,3\n");
    for (const std::vector<std::string>& args : {std::vector<std::string>{"tracks", "import", ws, csv},
                                                 std::vector<std::string>{"reports", "check", csv}}) {
        auto r = run_tidemark(args);
        EXPECT_EQ(r.exit_code, 1) << args[0];
        EXPECT_TRUE(contains(r.err, csv + ":1: line longer than 1 MiB")) << r.err.substr(0, 300);
        EXPECT_LT(r.err.size(), 1000u) << args[0];
    }
}

// --- outputs that would destroy inputs ----------------------------------------------------------

TEST(HostileInput, OutputsNamingAnInputAreRefusedUnlessOverwrite) {
    ScratchDir dir;
    const std::string ws = new_workspace(dir);
    // Another name for the same file: the guard compares files, not strings.
    const std::string alias = dir.file("alias.gpkg");
    fs::create_symlink(ws, alias);
    const auto size = fs::file_size(ws);
    const auto mtime = fs::last_write_time(ws);
    const std::vector<std::vector<std::string>> commands = {
        {"export", ws, "--layer", "coastline", "--format", "gpkg", "-o", alias},
        {"reports", "density", ws, "-o", alias},
        {"coverage", ws, "--radius-nm", "10", "-o", alias},
    };
    for (const auto& args : commands) {
        auto r = run_tidemark(args);
        EXPECT_EQ(r.exit_code, 1) << args[0] << ": " << r.err;
        EXPECT_TRUE(contains(r.err, "-o " + alias + " is the input " + ws + ": writing there would destroy it")) << r.err;
        EXPECT_EQ(fs::file_size(ws), size) << args[0];
        EXPECT_EQ(fs::last_write_time(ws), mtime) << args[0];
    }
    auto with = commands[0];
    with.push_back("--overwrite");
    auto r = run_tidemark(with);
    EXPECT_EQ(r.exit_code, 0) << r.err;
}

TEST(HostileInput, AisDecodeOutNamingItsInputIsRefused) {
    ScratchDir dir;
    const std::string body = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";
    const std::string log = dir.write("in.nmea", body);
    auto r = run_tidemark({"ais", "decode", log, "--out", dir.path().string() + "/./in.nmea"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_TRUE(contains(r.err, "writing there would destroy it")) << r.err;
    EXPECT_EQ(read_file(log), body);
    auto forced = run_tidemark({"ais", "decode", log, "--out", log, "--overwrite"});
    EXPECT_EQ(forced.exit_code, 0) << forced.err;
    EXPECT_TRUE(contains(read_file(log), "\"mmsi\":371798000")) << read_file(log);
}

}  // namespace
}  // namespace tidemark::test
