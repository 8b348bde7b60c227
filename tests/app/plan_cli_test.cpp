// `tidemark plan ...` end to end on the hand-worked coast of tests/layers/plan/plan_fixture.h.
#include "geo/crs.h"
#include "layers/plan/plan_forecast.h"
#include "layers/plan/plan_store.h"
#include "layers/workspace.h"
#include "support/test_support.h"
#include "../layers/plan/plan_fixture.h"

#include <cmath>

using namespace tidemark;
using tidemark::test::kDay0;
using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

struct PlanCli : ::testing::Test {
    ScratchDir dir;
    std::string ws = dir.file("ws.gpkg");
    const std::string day0 = geo::format_iso8601(kDay0);
    const std::string day1 = geo::format_iso8601(kDay0 + 86400);

    void SetUp() override {
        layers::Workspace w = test::plan_fixture_workspace();
        std::string error;
        ASSERT_TRUE(w.save(&error, ws)) << error;
        auto r = run_tidemark({"plan", "new", ws, "--name", "P", "--from", day0, "--to", day1});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // A route 1 km off line 0, from its west end to its east end, as lat/lon (the CLI's route files are WGS 84).
    std::string route_csv() const {
        geo::Transformer to_ll(geo::Crs::british_national_grid(), geo::Crs::wgs84());
        std::string s = "lat,lon,loiter_min\n";
        for (double x : {500000.0, 505000.0, 510000.0}) {
            const geo::XY ll = to_ll.forward({x, 99000});
            char row[96];
            std::snprintf(row, sizeof row, "%.9f,%.9f,%d\n", ll.y, ll.x, x == 505000.0 ? 30 : 0);
            s += row;
        }
        return dir.write("route.csv", s);
    }
};

}  // namespace

TEST_F(PlanCli, ForecastOfOneRoutedTaskEqualsCoverageOfTheSameRouteAsATrack) {
    const std::string route = route_csv();
    const std::string start = geo::format_iso8601(kDay0 + 3600);
    auto add = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "BFMC", "--asset", "HMC Test",
                             "--segments", "0-9", "--from", start, "--to", geo::format_iso8601(kDay0 + 5 * 3600),
                             "--route", route, "--status", "accepted"});
    ASSERT_EQ(add.exit_code, 0) << add.err;
    auto fc = run_tidemark({"plan", "forecast", ws, "--plan", "P", "--quiet"});
    ASSERT_EQ(fc.exit_code, 0) << fc.err;
    EXPECT_NE(fc.out.find("1 routed task(s) sailed"), std::string::npos) << fc.out;
    // The same route, imported as a planned track, through `tracks plan` and `coverage`.
    auto tp = run_tidemark({"tracks", "plan", ws, route, "--vessel", "HMC Test", "--start", start});
    ASSERT_EQ(tp.exit_code, 0) << tp.err;
    auto cov = run_tidemark({"coverage", ws, "--from", day0, "--to", day1});
    ASSERT_EQ(cov.exit_code, 0) << cov.err;

    std::string error;
    auto w = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(w) << error;
    const layers::Layer* forecast = w->find(layers::plan::kForecastSegmentsLayer);
    const layers::Layer* actual = w->find("segments");
    ASSERT_TRUE(forecast && actual);
    ASSERT_EQ(forecast->features().size(), 26u);
    ASSERT_EQ(actual->features().size(), 26u);
    int observed = 0;
    for (std::size_t i = 0; i < 26; ++i) {
        const double f = *layers::to_number(forecast->value(forecast->features()[i], "max_gap_s"));
        const double a = *layers::to_number(actual->value(actual->features()[i], "max_gap_s"));
        EXPECT_NEAR(f, a, 1e-6) << "segment " << i;
        EXPECT_EQ(layers::to_string(forecast->value(forecast->features()[i], "first_seen")),
                  layers::to_string(actual->value(actual->features()[i], "first_seen")));
        observed += f < 86400;
    }
    // The cutter's radar reaches ~17 km (12 m antenna): the whole 10 km coast, seen from 1 km off.
    EXPECT_GE(observed, 10);
}

TEST_F(PlanCli, BadInputIsNamedAndNothingIsWritten) {
    const std::string before = test::read_file(ws);
    auto unknown = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "XX", "--segments", "0-1",
                                 "--from", day0, "--to", day1});
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("agency 'XX' is not a known agency"), std::string::npos) << unknown.err;
    auto reversed = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "F1", "--segments", "0-1",
                                  "--from", day1, "--to", day0});
    EXPECT_EQ(reversed.exit_code, 1);
    EXPECT_NE(reversed.err.find("reversed or empty"), std::string::npos) << reversed.err;
    auto missing = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "F1", "--segments", "20-99",
                                 "--from", day0, "--to", day1});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("segment run 20-99: the coast has segments 0-25"), std::string::npos) << missing.err;
    auto across = run_tidemark({"plan", "assign", ws, "--plan", "P", "--segments", "8-12", "--lead", "F2"});
    EXPECT_EQ(across.exit_code, 1);
    EXPECT_NE(across.err.find("crosses from coastline line 0 to line 1"), std::string::npos) << across.err;
    auto asset = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "F1", "--asset", "Ghost",
                               "--segments", "0-1", "--from", day0, "--to", day1});
    EXPECT_EQ(asset.exit_code, 1);
    EXPECT_NE(asset.err.find("asset 'Ghost' is not in the fleet register"), std::string::npos);
    auto plan = run_tidemark({"plan", "check", ws, "--plan", "Q"});
    EXPECT_EQ(plan.exit_code, 1);
    EXPECT_NE(plan.err.find("no plan named 'Q' (plans: P)"), std::string::npos) << plan.err;
    auto period = run_tidemark({"plan", "new", ws, "--name", "R", "--from", day1, "--to", day0});
    EXPECT_EQ(period.exit_code, 1);
    // Before 1970 a period cannot even be stored (it came back unreadable): refused up front.
    auto old = run_tidemark({"plan", "new", ws, "--name", "S", "--from", "1900-01-01T00:00:00Z", "--to", "1900-01-08T00:00:00Z"});
    EXPECT_EQ(old.exit_code, 1);
    EXPECT_NE(old.err.find("expected a time between 1970-01-01 and 2100-12-31"), std::string::npos) << old.err;
    EXPECT_EQ(test::read_file(ws), before);  // every refusal left the file byte for byte
}

TEST_F(PlanCli, CheckListsADoubleBookedCutterAndUnownedCoast) {
    for (const char* from_to : {"02:00:00Z/08:00:00Z", "06:00:00Z/10:00:00Z"}) {
        const std::string ft = from_to;
        const std::string d = day0.substr(0, 11);
        auto r = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "BFMC", "--asset", "HMC Test",
                               "--segments", "10-13", "--from", d + ft.substr(0, 9), "--to", d + ft.substr(10)});
        ASSERT_EQ(r.exit_code, 0) << r.err;
    }
    // --agency is --lead as the issue's users write it.
    auto clear = run_tidemark({"plan", "assign", ws, "--plan", "P", "--segments", "3-4", "--agency", ""});
    ASSERT_EQ(clear.exit_code, 0) << clear.err;
    auto check = run_tidemark({"plan", "check", ws, "--plan", "P", "--limit", "0"});
    ASSERT_EQ(check.exit_code, 0) << check.err;
    EXPECT_NE(check.out.find("lead agencies own 24.000 of 26.000 km of coast"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("segments 3-4 (West Force): no lead agency for 2.0 km"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("HMC Test is double-booked: task 1"), std::string::npos) << check.out;
    EXPECT_NE(check.out.find("overlap from 2026-03-02T06:00:00Z to 2026-03-02T08:00:00Z"), std::string::npos) << check.out;
    auto strict = run_tidemark({"plan", "check", ws, "--plan", "P", "--strict"});
    EXPECT_EQ(strict.exit_code, 1);
    // Without --store the workspace is only read; with it the findings become a layer.
    std::string error;
    const auto before = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(before) << error;
    EXPECT_EQ(before->find("plan_findings"), nullptr);
    auto stored = run_tidemark({"plan", "check", ws, "--plan", "P", "--store"});
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    EXPECT_NE(stored.out.find("stored layer plan_findings"), std::string::npos) << stored.out;
    const auto after = layers::Workspace::open(ws, &error);
    ASSERT_TRUE(after) << error;
    const layers::Layer* findings = after->find("plan_findings");
    ASSERT_NE(findings, nullptr);
    bool unowned = false;
    for (const layers::Feature& f : findings->features())
        if (layers::to_string(findings->value(f, "finding")).find("no lead agency for 2.0 km") != std::string::npos) {
            unowned = true;
            EXPECT_EQ(layers::to_string(findings->value(f, "severity")), "error");
            EXPECT_DOUBLE_EQ(f.geometry.bounds().min_x, 503000);  // segments 3-4: x 503000 to 505000
            EXPECT_DOUBLE_EQ(f.geometry.bounds().max_x, 505000);
        }
    EXPECT_TRUE(unowned);
}

TEST_F(PlanCli, PlanTablesExportLikeAnyLayer) {
    auto add = run_tidemark({"plan", "task", "add", ws, "--plan", "P", "--agency", "F1", "--segments", "0-4", "--from",
                             day0, "--to", day1});
    ASSERT_EQ(add.exit_code, 0) << add.err;
    auto ex = run_tidemark({"export", ws, "--layer", "plan_tasks", "--layer", "plan_responsibility", "--format", "geojson",
                            "-o", dir.file("out")});
    ASSERT_EQ(ex.exit_code, 0) << ex.err;
    const std::string tasks = test::read_file(dir.file("out/plan_tasks.geojson"));
    EXPECT_NE(tasks.find("\"agency_label\": \"West Force\""), std::string::npos) << tasks.substr(0, 400);
    const std::string resp = test::read_file(dir.file("out/plan_responsibility.geojson"));
    EXPECT_NE(resp.find("\"lead_agency\": \"F2\""), std::string::npos);
}
