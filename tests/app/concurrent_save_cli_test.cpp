// Two `tidemark` commands saving one workspace at the same moment: each save applies only its own
// changes to the file as it is when it commits, so both land; when both changed the same layer,
// the later one fails naming it. Never exit 0 with data lost.
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

using namespace tidemark;
using tidemark::test::CommandResult;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

const char* kCoast = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
 "geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})";
const char* kPorts = "name,kind,lat,lon\nNewhaven,port,50.7916,0.0570\n";

// 20 reports 3-6 km off the south edge of the box coast above.
std::string reports_csv() {
    std::string csv = "report_id,observed_at,lat,lon,category\n";
    for (int i = 0; i < 20; ++i)
        csv += "R" + std::to_string(i) + ",2026-03-01T" + (i < 10 ? "0" : "") + std::to_string(i) + ":00:00Z,50.45," +
               std::to_string(-0.5 + 0.05 * i) + ",small craft\n";
    return csv;
}

// Two vessels, 30 fixes each, a minute apart, off the same edge.
std::string tracks_csv() {
    std::string csv = "vessel,timestamp,latitude,longitude,sog\n";
    for (const char* v : {"Alpha", "Bravo"})
        for (int i = 0; i < 30; ++i)
            csv += std::string(v) + ",2026-03-01T12:" + (i < 10 ? "0" : "") + std::to_string(i) + ":00Z,50.4," +
                   std::to_string((v[0] == 'A' ? 0.0 : 0.3) + 0.001 * i) + ",10\n";
    return csv;
}

std::size_t features(const layers::Workspace& ws, const char* layer) {
    const layers::Layer* l = ws.find(layer);
    return l ? l->features().size() : 0;
}

bool refused_loudly(const CommandResult& r) {
    return r.exit_code == 1 && r.err.find("another save changed") != std::string::npos;
}

}  // namespace

TEST(ConcurrentSaveCli, ReportsAndTracksImportedAtOnceBothLand) {
    ScratchDir dir;
    const std::string base = dir.file("base.gpkg"), ws = dir.file("ws.gpkg");
    auto made = run_tidemark(
        {"workspace", "new", base, "--coast", dir.write("c.geojson", kCoast), "--ports", dir.write("p.csv", kPorts)});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const std::string reports = dir.write("reports.csv", reports_csv()), tracks = dir.write("tracks.csv", tracks_csv());

    // What each command stores on its own, worked out from the fixtures: 20 reports, 60 fixes.
    int both = 0, refused = 0;
    const int trials = 12;
    for (int trial = 0; trial < trials; ++trial) {
        std::filesystem::copy_file(base, ws, std::filesystem::copy_options::overwrite_existing);
        CommandResult r, t;
        std::thread a([&] { r = run_tidemark({"reports", "import", ws, reports}); });
        std::thread b([&] { t = run_tidemark({"tracks", "import", ws, tracks}); });
        a.join();
        b.join();
        std::string error;
        auto back = layers::Workspace::open(ws, &error);
        ASSERT_TRUE(back) << error;
        SCOPED_TRACE("trial " + std::to_string(trial) + "\nreports: " + r.err + "\ntracks: " + t.err);
        ASSERT_TRUE(r.exit_code == 0 || refused_loudly(r));
        ASSERT_TRUE(t.exit_code == 0 || refused_loudly(t));
        if (r.exit_code == 0) {
            EXPECT_EQ(features(*back, "reports"), 20u);
        }
        if (t.exit_code == 0) {
            std::size_t fixes = 0;
            for (const auto& track : layers::load_tracks(*back))
                for (const auto& leg : track.legs) fixes += leg.fixes.size();
            EXPECT_EQ(fixes, 60u);
        }
        EXPECT_EQ(features(*back, "coastline"), 1u);
        EXPECT_EQ(features(*back, "ports"), 1u);
        both += r.exit_code == 0 && t.exit_code == 0;
        refused += r.exit_code != 0 || t.exit_code != 0;
    }
    std::printf("[ writers  ] %d trials of reports import + tracks import at once: %d both landed, %d refused one\n",
                trials, both, refused);
    // The two commands change different layers, so nothing should need refusing.
    EXPECT_EQ(both, trials);
}

// The same command twice at once on the same layer: one lands, the other lands on top of it
// (it started after the first committed) or fails naming the layer — never both exit 0 with
// one import missing.
TEST(ConcurrentSaveCli, TwoImportsOfTheSameLayerNeverLoseOneSilently) {
    ScratchDir dir;
    const std::string base = dir.file("base.gpkg"), ws = dir.file("ws.gpkg");
    ASSERT_EQ(run_tidemark({"workspace", "new", base, "--coast", dir.write("c.geojson", kCoast)}).exit_code, 0);
    std::string first = "report_id,observed_at,lat,lon,category\n", second = first;
    for (int i = 0; i < 5; ++i) {
        first += "A" + std::to_string(i) + ",2026-03-01T10:00:00Z,50.45," + std::to_string(-0.5 + 0.1 * i) +
                 ",small craft\n";
        second += "B" + std::to_string(i) + ",2026-03-02T10:00:00Z,50.45," + std::to_string(-0.5 + 0.1 * i) +
                  ",small craft\n";
    }
    const std::string a_csv = dir.write("a.csv", first), b_csv = dir.write("b.csv", second);
    int both = 0, refused = 0;
    const int trials = 10;
    for (int trial = 0; trial < trials; ++trial) {
        std::filesystem::copy_file(base, ws, std::filesystem::copy_options::overwrite_existing);
        CommandResult r1, r2;
        std::thread a([&] { r1 = run_tidemark({"reports", "import", ws, a_csv}); });
        std::thread b([&] { r2 = run_tidemark({"reports", "import", ws, b_csv}); });
        a.join();
        b.join();
        std::string error;
        auto back = layers::Workspace::open(ws, &error);
        ASSERT_TRUE(back) << error;
        SCOPED_TRACE("trial " + std::to_string(trial) + "\nfirst: " + r1.err + "\nsecond: " + r2.err);
        ASSERT_TRUE(r1.exit_code == 0 || refused_loudly(r1));
        ASSERT_TRUE(r2.exit_code == 0 || refused_loudly(r2));
        ASSERT_TRUE(r1.exit_code == 0 || r2.exit_code == 0) << "both refused";
        if (r1.exit_code != 0 || r2.exit_code != 0) {
            EXPECT_NE((r1.exit_code ? r1 : r2).err.find("layer 'reports'"), std::string::npos);
            EXPECT_EQ(features(*back, "reports"), 5u);
            ++refused;
        } else {
            EXPECT_EQ(features(*back, "reports"), 10u);  // the later import read the earlier one's reports
            ++both;
        }
    }
    std::printf(
        "[ writers  ] %d trials of two reports imports at once: %d refused one by name, %d ran one after the other\n",
        trials, refused, both);
}
