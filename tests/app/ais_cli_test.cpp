// The real `tidemark` binary: ais decode, tracks import/plan.
#include "layers/ais/ais_json.h"
#include "layers/ais/ais_log.h"
#include "layers/tracks/fleet.h"
#include "layers/synthetic/synthetic_ais_log.h"
#include "support/test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

using namespace tidemark::test;

namespace {
const char* kLog =
    "# test log\n"
    "\\s:tidemark,c:1772366400*31\\!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n"
    "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*24\n"
    "!AIVDM,2,1,3,A,53Pv<i@00000L9QW400Pl>1<DDdE80000000000o2PF4340Ht6B0DUj@j000,0*13\n"
    "!AIVDM,2,2,3,A,00000000000,2*27\n";
}

TEST(AisCli, DecodeWritesJsonLinesAndSummary) {
    ScratchDir dir;
    std::string in = dir.write("log.nmea", kLog);
    auto r = run_tidemark({"ais", "decode", in, "--out", dir.file("out.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::istringstream lines(read_file(dir.file("out.jsonl")));
    std::string l;
    std::vector<nlohmann::json> objs;
    while (std::getline(lines, l)) objs.push_back(nlohmann::json::parse(l));
    ASSERT_EQ(objs.size(), 2u);
    EXPECT_EQ(objs[0]["mmsi"], 235900101);
    EXPECT_EQ(objs[0]["time"], "2026-03-01T12:00:00Z");
    EXPECT_EQ(objs[0]["line"], 2);
    EXPECT_EQ(objs[1]["shipname"], "HMC SEEKER");
    EXPECT_EQ(objs[1]["line"], 5);
    EXPECT_NE(r.err.find("bad checksum 1"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(":3: bad checksum"), std::string::npos) << r.err;
}

// Megabytes of JSON go out in 1 MiB pieces, to --out and to standard output: both must be
// every decoded message's object in line order, as the library writes each one on its own.
TEST(AisCli, LargeLogIsEveryMessageInOrderToFileAndStdout) {
    ScratchDir dir;
    std::string text;
    for (int i = 0; i < 12000; ++i) text += kLog;  // 60,000 lines, 24,000 messages, about 6 MB of JSON
    const std::string in = dir.write("big.nmea", text);
    std::string expected;
    tidemark::layers::ais::LogStats stats;
    tidemark::layers::ais::scan_log(
        text, stats,
        [&](const tidemark::layers::ais::Message& m, const tidemark::layers::ais::Assembled& a) {
            tidemark::layers::ais::append_json(m, a, expected);
            expected += '\n';
        },
        [](long, tidemark::layers::ais::LineOutcome, const char*) {});
    ASSERT_EQ(stats.messages, 24000u);
    ASSERT_GT(expected.size(), 3u << 20);

    auto r = run_tidemark({"ais", "decode", in, "--out", dir.file("out.jsonl"), "-q"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(read_file(dir.file("out.jsonl")) == expected);
    auto to_stdout = run_tidemark({"ais", "decode", in, "-q"});
    ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
    EXPECT_TRUE(to_stdout.out == expected);
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))  // no temporary left beside --out
        EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
}

TEST(AisCli, StandardOutputThatCannotBeWrittenFailsTheCommand) {
    ScratchDir dir;
    const std::string in = dir.write("log.nmea", kLog);
    const std::string err = dir.file("err.txt");
    const int status = std::system(("'" TIDEMARK_EXE "' ais decode '" + in + "' > /dev/full 2> '" + err + "'").c_str());
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_NE(read_file(err).find("standard output: write failed (No space left on device)"), std::string::npos)
        << read_file(err);
}

TEST(AisCli, MissingFileIsBadInput) {
    auto r = run_tidemark({"ais", "decode", "/nonexistent/x.nmea"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/x.nmea"), std::string::npos);
}

// Logs as `tracks synthesize` writes them (tests/app/tracks_synthesize_cli_test.cpp runs it on a
// plan), imported with the fleet register beside a CSV track of a vessel not in it, then a planned
// patrol checked against the fleet.
TEST(TracksCli, ImportWithFleetAndPlan) {
    ScratchDir dir;
    std::string fleet = dir.write("fleet.csv",
        "name,mmsi,mmsi_is_synthetic,agency,class,length_m,antenna_height_m,antenna_height_estimated,visual_range_nm,"
        "cruise_speed_kn,max_speed_kn,endurance_h,home_port,radar_range_nm,notes\n"
        "HMC Seeker,235900101,yes,Border Force,cutter,42,12,yes,8,14,26,168,Harwich,,\n"
        "Kent Police RHIB,235900309,yes,E23000032,rhib,9,2.5,yes,3,25,40,6,Dover,,\n");
    std::string land = dir.write("land.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"Polygon","coordinates":[[[1.40,51.05],[1.55,51.05],[1.55,51.20],[1.40,51.20],[1.40,51.05]]]}}]})");
    const auto vessels = tidemark::layers::read_fleet_csv(fleet).vessels;
    ASSERT_EQ(vessels.size(), 2u);
    std::vector<std::string> logs;
    for (std::size_t v = 0; v < vessels.size(); ++v) {
        std::vector<tidemark::layers::SyntheticFix> fixes;
        for (int i = 0; i < 120; ++i)  // an hour east along 51.0 N (Seeker) or 51.3 N (RHIB), a fix every 30 s
            fixes.push_back({1772323200.0 + 30 * i, {1.0 + 0.002 * i, v == 0 ? 51.0 : 51.3}, 10, 90, false});
        logs.push_back(dir.file("synthetic_" + tidemark::layers::file_slug(vessels[v].name) + ".nmea"));
        ASSERT_EQ(tidemark::layers::write_synthetic_ais_log(logs.back(), vessels[v], {"SYNTHETIC test log"}, fixes, nullptr), "");
    }

    auto ws = run_tidemark({"workspace", "new", dir.file("ws.gpkg"), "--coast", land});
    ASSERT_EQ(ws.exit_code, 0) << ws.err;
    std::vector<std::string> args = {"tracks", "import", dir.file("ws.gpkg")};
    args.insert(args.end(), logs.begin(), logs.end());
    args.push_back(dir.write("other.csv", "mmsi,time,lat,lon\n999000001,2026-03-01T00:00:00Z,51.5,1.6\n"));
    args.insert(args.end(), {"--fleet", fleet});
    auto imp = run_tidemark(args);
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
    EXPECT_NE(imp.out.find("vessels not in the fleet register (1)"), std::string::npos) << imp.out;
    EXPECT_NE(imp.out.find("MMSI 999000001"), std::string::npos);

    std::string plan = dir.write("plan.csv", "vessel,start,lat,lon,loiter_min,speed_kn\n"
                                             "Kent Police RHIB,2026-03-02T08:00:00Z,51.10,1.35,0,45\n"
                                             "Kent Police RHIB,,51.00,1.35,30,\n");
    auto pl = run_tidemark({"tracks", "plan", dir.file("ws.gpkg"), plan});
    ASSERT_EQ(pl.exit_code, 0) << pl.err;
    EXPECT_NE(pl.err.find("above the vessel's maximum 40.0 kn"), std::string::npos) << pl.err;

    auto info = run_tidemark({"info", dir.file("ws.gpkg")});
    ASSERT_EQ(info.exit_code, 0);
    EXPECT_EQ(info.out.find("layer track_points"), std::string::npos);  // fixes are packed in their legs
    EXPECT_NE(info.out.find("layer track_legs"), std::string::npos);
    EXPECT_NE(info.out.find("layer fleet"), std::string::npos);
}
