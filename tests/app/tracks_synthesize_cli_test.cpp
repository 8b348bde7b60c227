// `tidemark tracks synthesize WS --plan P` end to end on the island of
// tests/layers/plan/suggest_fixture.h: logs written, read back by `tracks import`, reconciled.
#include "geo/crs.h"
#include "layers/plan/plan_coast.h"
#include "island_week_cli.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>

using namespace tidemark;
using tidemark::test::kSuggestDay0;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

struct SynthesizeCli : test::IslandWeekCli {
    std::string out = dir.file("patrols");

    void SetUp() override {
        IslandWeekCli::SetUp();
        if (HasFatalFailure()) return;
        layers::Workspace w = test::suggest_fixture_workspace();
        // Two days of the cutter along the north shore, 1 km off, from BNG (503000, 101000) to
        // (537000, 101000), loitering 30 min at the end; its stretch: the north shore between.
        geo::Transformer to_wgs84(geo::Crs::british_national_grid(), geo::Crs::wgs84());
        const geo::XY a = to_wgs84.forward({503000, 101000}), b = to_wgs84.forward({537000, 101000});
        const std::string route = dir.file("route.csv");
        std::ofstream(route) << std::setprecision(10) << "lat,lon,loiter_min\n" << a.y << "," << a.x << ",0\n" << b.y << "," << b.x << ",30\n";
        geo::Problems problems;
        const auto coast = layers::plan::plan_coast(w, 1000, problems);
        std::vector<std::uint32_t> ids;
        for (std::uint32_t i = 0; i < coast.segments.size(); ++i)
            if (std::abs(coast.segments[i].midpoint.y - 100000) < 1 && coast.segments[i].midpoint.x > 503000 &&
                coast.segments[i].midpoint.x < 537000)
                ids.push_back(i);
        ASSERT_EQ(ids.size(), 34u);
        const std::string segments = std::to_string(ids.front()) + "-" + std::to_string(ids.back());
        for (int day = 0; day < 2; ++day) {
            auto t = run_tidemark({"plan", "task", "add", ws, "--plan", "Week", "--agency", "BFMC", "--asset", "HMC Test", "--segments",
                                   segments, "--route", route, "--from", geo::format_iso8601(kSuggestDay0 + day * 86400 + 8 * 3600), "--to",
                                   geo::format_iso8601(kSuggestDay0 + day * 86400 + 12 * 3600), "--status", "accepted"});
            ASSERT_EQ(t.exit_code, 0) << t.err;
        }
    }
};

}  // namespace

TEST_F(SynthesizeCli, WritesLogsThatImportAndReconcile) {
    const std::vector<std::string> args{"tracks", "synthesize", ws, "--plan", "Week", "--seed", "4", "--free-days", "1", "-o", out};
    auto a = run_tidemark(args);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_NE(a.out.find("SYNTHETIC demo patrols for plan 'Week' (seed 4)"), std::string::npos) << a.out;
    ASSERT_TRUE(std::filesystem::exists(out + "/synthetic_hmc_test.nmea")) << a.out;
    ASSERT_TRUE(std::filesystem::exists(out + "/synthetic_cpv_test.nmea")) << a.out;
    const std::string log = test::read_file(out + "/synthetic_hmc_test.nmea");
    EXPECT_EQ(log.rfind("# SYNTHETIC demo patrol", 0), 0u);
    // Same seed, same files.
    auto b = run_tidemark(args);
    ASSERT_EQ(b.exit_code, 0) << b.err;
    EXPECT_EQ(test::read_file(out + "/synthetic_hmc_test.nmea"), log);

    auto imp = run_tidemark({"tracks", "import", ws, out + "/synthetic_hmc_test.nmea", out + "/synthetic_cpv_test.nmea", "--format", "ais"});
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
    EXPECT_EQ(imp.err.find("problem"), std::string::npos) << imp.err;  // every sentence decodes
    auto rec = run_tidemark({"plan", "reconcile", ws, "--plan", "Week"});
    ASSERT_EQ(rec.exit_code, 0) << rec.err;
    // Two tasks at the default shares (8 % and 12 % of 2 round to none): both sailed as planned, both done.
    EXPECT_NE(a.out.find("2 of 2 committed task(s) sailed as planned"), std::string::npos) << a.out;
    EXPECT_NE(rec.out.find("1\tBFMC\tHMC Test\taccepted\tdone\t"), std::string::npos) << rec.out;
    EXPECT_NE(rec.out.find("2\tBFMC\tHMC Test\taccepted\tdone\t"), std::string::npos) << rec.out;
}

TEST_F(SynthesizeCli, BadInputIsNamedAndNothingIsWritten) {
    auto shares = run_tidemark({"tracks", "synthesize", ws, "--plan", "Week", "--not-sailed", "0.7", "--turned-back", "0.6", "-o", out});
    EXPECT_EQ(shares.exit_code, 1);
    EXPECT_NE(shares.err.find("--not-sailed plus --turned-back is more than 1"), std::string::npos) << shares.err;
    auto plan = run_tidemark({"tracks", "synthesize", ws, "--plan", "Fortnight", "-o", out});
    EXPECT_EQ(plan.exit_code, 1);
    EXPECT_NE(plan.err.find("Week"), std::string::npos) << plan.err;  // names the plans there are
    EXPECT_FALSE(std::filesystem::exists(out));
}
