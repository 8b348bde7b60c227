#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

using namespace tidemark;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {
const char* kCoast = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"A3":"GBR"},
 "geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})";
const char* kPorts = "name,kind,lat,lon\nDover,port,51.1230,1.3290\nNewhaven,port,50.7916,0.0570\n";
const char* kForces = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"PFACD":"E23000032","PFANM":"Kent"},
 "geometry":{"type":"Polygon","coordinates":[[[0,50.8],[1.5,50.8],[1.5,51.5],[0,51.5],[0,50.8]]]}}]})";
}  // namespace

TEST(Cli, HelpExitsZeroAndListsCommands) {
    auto r = run_tidemark({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("info"), std::string::npos);
    EXPECT_NE(r.out.find("workspace"), std::string::npos);
    EXPECT_EQ(run_tidemark({"workspace", "new", "--help"}).exit_code, 0);
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(run_tidemark({"no-such-command"}).exit_code, 2);
    EXPECT_EQ(run_tidemark({"info"}).exit_code, 2);                          // missing PATH
    EXPECT_EQ(run_tidemark({"workspace", "new", "ws.gpkg"}).exit_code, 2);   // missing --coast
}

TEST(Cli, InfoOnAMissingFileExitsOneNamingIt) {
    ScratchDir dir;
    auto r = run_tidemark({"info", dir.file("nothing.gpkg")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find(dir.file("nothing.gpkg")), std::string::npos);
    EXPECT_NE(r.err.find("no such file"), std::string::npos);
}

TEST(Cli, InfoListsLayersCountsCrsAndProblems) {
    ScratchDir dir;
    std::string f = dir.write("forces.geojson", kForces);
    auto r = run_tidemark({"info", f});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 feature(s)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Polygon"), std::string::npos);
    EXPECT_NE(r.out.find("WGS 84"), std::string::npos);
    EXPECT_NE(r.out.find("0.00000, 50.80000 - 1.50000, 51.50000"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("problems: none"), std::string::npos);
}

TEST(Cli, WorkspaceNewCreatesTheThreeLayersInBng) {
    ScratchDir dir;
    std::string ws_path = dir.file("ws.gpkg");
    auto r = run_tidemark({"workspace", "new", ws_path, "--coast", dir.write("c.geojson", kCoast), "--ports",
                           dir.write("p.csv", kPorts), "--forces", dir.write("f.geojson", kForces)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string error;
    auto ws = layers::Workspace::open(ws_path, &error);
    ASSERT_TRUE(ws) << error;
    EXPECT_EQ(ws->crs().definition(), "EPSG:27700");
    ASSERT_TRUE(ws->find("coastline") && ws->find("ports") && ws->find("forces"));
    const auto& forces = *ws->find("forces");
    EXPECT_EQ(layers::to_string(forces.value(forces.features()[0], "code")), "E23000032");
    EXPECT_EQ(layers::to_string(forces.value(forces.features()[0], "name")), "Kent");
    // Dover: cs2cs -f %.4f EPSG:4326 EPSG:27700 <<< "51.1230 1.3290" -> 633052.0141 141238.8084
    const auto& ports = *ws->find("ports");
    EXPECT_NEAR(ports.features()[0].geometry.points[0].x, 633052.0141, 0.001);
    EXPECT_NEAR(ports.features()[0].geometry.points[0].y, 141238.8084, 0.001);

    auto again = run_tidemark({"workspace", "new", ws_path, "--coast", dir.file("c.geojson")});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("already exists"), std::string::npos);
}

TEST(Cli, WorkspaceNewRejectsAGeographicOrUnknownCrs) {
    ScratchDir dir;
    std::string coast = dir.write("c.geojson", kCoast);
    auto geographic = run_tidemark({"workspace", "new", dir.file("a.gpkg"), "--coast", coast, "--crs", "EPSG:4326"});
    EXPECT_EQ(geographic.exit_code, 1);
    EXPECT_NE(geographic.err.find("projected"), std::string::npos);
    auto unknown = run_tidemark({"workspace", "new", dir.file("b.gpkg"), "--coast", coast, "--crs", "EPSG:999999"});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("EPSG:999999"), std::string::npos);
}

TEST(Cli, ForcesSectorsRejectsAGeographicCrs) {
    ScratchDir dir;
    std::string coast = dir.write("c.geojson", kCoast);
    std::string sectors = dir.write("s.csv", "force_code,force_name,start_lat,start_lon,end_lat,end_lon\n");
    auto r = run_tidemark({"forces", "sectors", "--coast", coast, "--sectors", sectors, "-o", dir.file("o.gpkg"), "--crs", "EPSG:4326"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("geographic"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("o.gpkg")));
}

TEST(Cli, WorkspaceNewRefusesPointsAsCoastline) {
    ScratchDir dir;
    auto r = run_tidemark({"workspace", "new", dir.file("ws.gpkg"), "--coast", dir.write("p.csv", kPorts)});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("coastline layer needs lines or land polygons"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("ws.gpkg")));
}

TEST(Cli, InfoDescribesAnAisLogWithItsVesselsAndTimes) {
    // MMSI 371798000 per `gpsdecode -c` of the sentence; the tag block's c: is 2026-03-01T12:00:00Z.
    ScratchDir dir;
    std::string log = dir.write("log.nmea",
        "\\c:1772366400*5D\\!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n"
        "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4B\n");  // bad checksum
    auto r = run_tidemark({"info", log});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("AIS NMEA log"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("vessels (MMSI): 1"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2026-03-01T12:00:00Z"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(log + ":2"), std::string::npos) << r.out;  // the bad line named
}

TEST(Cli, GuiPanelNamesAreCheckedBeforeAnyWindowOpens) {
    // An unknown panel is a usage error listing the panels (no display needed to say so).
    auto r = run_tidemark({"gui", "--panel", "Gapz"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("Gapz not in {Layers,Inspector,Fleet,Coverage,Plan,Gaps,Forces,Reports,Problems}"), std::string::npos) << r.err;
}

// `info` on a CSV of positions reads it with Tidemark's own CSV reader: rows, extent and times
// against the values the rows were made from (lat 50.0 + i/1000, lon 1.5 - i/500, a fix a minute).
TEST(Cli, InfoOnACsvOfFixesCountsRowsExtentAndTimes) {
    ScratchDir dir;
    std::string csv = "vessel,time,lat,lon\n";
    char row[96];
    for (int i = 0; i < 600; ++i) {
        std::snprintf(row, sizeof row, "V%d,%d,%.3f,%.3f\n", i % 4, 1772366400 + 60 * i, 50.0 + i / 1000.0, 1.5 - i / 500.0);
        csv += row;
    }
    auto r = run_tidemark({"info", dir.write("fixes.csv", csv)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("600 feature(s)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("extent (WGS 84 lon/lat): 0.30200, 50.00000 - 1.50000, 50.59900"), std::string::npos) << r.out;
    // 1772366400 is 2026-03-01T12:00:00Z (date -u -d @1772366400); + 599 min is 21:59.
    EXPECT_NE(r.out.find("time: 2026-03-01T12:00:00Z .. 2026-03-01T21:59:00Z"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("vessels: 4"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("problems: none"), std::string::npos) << r.out;
}
