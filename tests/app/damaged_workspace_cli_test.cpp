// `coverage` on a workspace whose rows were damaged with SQL (through GDAL, which provides the
// ST_ functions the GeoPackage's triggers call): each problem named by layer, fid and field, the
// computation refused, or done on the rest with --skip-damaged; the damaged rows stay in the file.
#include "layers/io/gdal_handles.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace tidemark::test {
namespace {

constexpr int kVessels = 3, kFixesEach = 51;  // one leg each: track_legs fids 1-3

struct DamageFixture {
    ScratchDir dir;
    std::string ws;
    DamageFixture() {
        ws = dir.file("ws.gpkg");
        const std::string coast = dir.write("coast.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
 "properties":{},"geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})");
        EXPECT_EQ(run_tidemark({"workspace", "new", ws, "--coast", coast}).exit_code, 0);
        const std::string fleet = dir.write("fleet.csv",
            "name,mmsi,agency,class,antenna_height_m,visual_range_nm\n"
            "V0,235000001,Border Force,cutter,12,8\nV1,235000002,Border Force,cutter,12,8\n"
            "V2,235000003,Border Force,cutter,12,8\n");
        std::string csv = "vessel,time,lat,lon\n";
        char row[96];
        for (int k = 0; k < kFixesEach; ++k)
            for (int v = 0; v < kVessels; ++v) {
                std::snprintf(row, sizeof row, "V%d,%d,%.3f,%.3f\n", v, 1772366400 + 60 * k, 50.4 + 0.05 * v, -0.5 + 0.001 * k);
                csv += row;
            }
        auto r = run_tidemark({"tracks", "import", ws, dir.write("fixes.csv", csv), "--fleet", fleet});
        EXPECT_EQ(r.exit_code, 0) << r.err;
    }
};

void run_sql(const std::string& path, const std::string& sql) {
    layers::ensure_gdal_registered();
    layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    ASSERT_TRUE(ds);
    ds->ReleaseResultSet(ds->ExecuteSQL(sql.c_str(), nullptr, nullptr));
}

// The first column of the first row of `sql` as text ("" for NULL).
std::string query(const std::string& path, const std::string& sql) {
    layers::ensure_gdal_registered();
    layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    if (!ds) return "(cannot open)";
    OGRLayer* rs = ds->ExecuteSQL(sql.c_str(), nullptr, "SQLITE");
    if (!rs) return "(no result)";
    std::string out;
    if (OGRFeature* f = rs->GetNextFeature()) {
        out = f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "";
        OGRFeature::DestroyFeature(f);
    }
    ds->ReleaseResultSet(rs);
    return out;
}

}  // namespace

TEST(DamagedWorkspaceCli, CoverageNamesEachDamagedRowAndRefusesThenSkipsThemWhenAsked) {
    DamageFixture f;
    run_sql(f.ws, "UPDATE track_legs SET geom = X'00112233' WHERE fid = 1");
    run_sql(f.ws, "UPDATE track_legs SET fix_times = 'x' || substr(fix_times, 11) WHERE fid = 2");
    run_sql(f.ws, "UPDATE fleet SET visual_range_nm = 5000 WHERE fid = 2");
    const std::string before = read_file(f.ws);

    auto refused = run_tidemark({"coverage", f.ws});
    EXPECT_EQ(refused.exit_code, 1);
    for (const char* named : {"layer track_legs: feature 1: field geom:",
                              "layer track_legs: feature 2: field fix_times: value 1 'x' is not a number",
                              "layer fleet: feature 2: field visual_range_nm: 5000 is not a sensor range",
                              "3 damaged row(s)", "--skip-damaged"})
        EXPECT_NE(refused.err.find(named), std::string::npos) << named << "\nin:\n" << refused.err;
    EXPECT_EQ(refused.out, "");
    EXPECT_EQ(read_file(f.ws), before);  // nothing written

    auto skipped = run_tidemark({"coverage", f.ws, "--skip-damaged", "--radius-nm", "5"});
    ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
    EXPECT_NE(skipped.err.find("--skip-damaged: 3 damaged row(s)"), std::string::npos) << skipped.err;
    // Every fix written but those of the two damaged legs.
    const int expected_fixes = (kVessels - 2) * kFixesEach;
    EXPECT_NE(skipped.out.find(std::to_string(expected_fixes) + " fixes"), std::string::npos) << skipped.out;
    // The results were stored; the damaged rows are in the file as they were.
    EXPECT_NE(query(f.ws, "SELECT count(*) FROM segments"), "0");
    EXPECT_EQ(query(f.ws, "SELECT hex(geom) FROM track_legs WHERE fid = 1"), "00112233");
    EXPECT_EQ(query(f.ws, "SELECT substr(fix_times, 1, 2) FROM track_legs WHERE fid = 2"), "x ");
    EXPECT_EQ(query(f.ws, "SELECT count(*) FROM track_legs"), std::to_string(kVessels));
    EXPECT_EQ(query(f.ws, "SELECT visual_range_nm FROM fleet WHERE fid = 2"), "5000");
}

TEST(DamagedWorkspaceCli, AContradictoryWindowIsNamedAndIgnoredWithSkipDamaged) {
    DamageFixture f;
    run_sql(f.ws, "DELETE FROM tidemark_settings WHERE key IN ('window_from', 'window_to')");
    run_sql(f.ws, "INSERT INTO tidemark_settings (key, value) VALUES ('window_from', '2026-03-02T00:00:00Z'), "
                  "('window_to', '2026-03-01T00:00:00Z')");
    auto refused = run_tidemark({"coverage", f.ws, "--radius-nm", "5"});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("window_from 2026-03-02T00:00:00Z contradicts window_to 2026-03-01T00:00:00Z"),
              std::string::npos)
        << refused.err;
    auto skipped = run_tidemark({"coverage", f.ws, "--radius-nm", "5", "--skip-damaged"});
    ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
    EXPECT_NE(skipped.err.find("the stored time window is not used"), std::string::npos) << skipped.err;
    // The window falls back to the span of the fixes: the first and the last minute written.
    EXPECT_NE(skipped.out.find("window 2026-03-01T12:00:00Z .. 2026-03-01T12:50:00Z"), std::string::npos) << skipped.out;
}

TEST(DamagedWorkspaceCli, ACrsSettingContradictingTheLayersIsRefusedEvenWithSkipDamaged) {
    DamageFixture f;
    run_sql(f.ws, "UPDATE tidemark_settings SET value = 'EPSG:32631' WHERE key = 'crs'");
    for (bool skip : {false, true}) {
        std::vector<std::string> args = {"coverage", f.ws, "--radius-nm", "5"};
        if (skip) args.push_back("--skip-damaged");
        auto r = run_tidemark(args);
        EXPECT_EQ(r.exit_code, 1);
        EXPECT_NE(r.err.find("layer 'track_legs' is stored in OSGB36 / British National Grid but the crs setting says "
                             "WGS 84 / UTM zone 31N"),
                  std::string::npos)
            << r.err;
        EXPECT_NE(r.err.find("with or without --skip-damaged"), std::string::npos) << r.err;
    }
}

TEST(DamagedWorkspaceCli, ReportsDensityRefusesAReportWithoutATimeUnlessSkipped) {
    DamageFixture f;
    std::string csv = "report_id,observed_at,lat,lon,category\n";
    const int reports = 12;
    for (int i = 0; i < reports; ++i)
        csv += "R" + std::to_string(i) + ",2026-03-01T" + (i < 10 ? "0" : "") + std::to_string(i) + ":00:00Z,50.45," +
               std::to_string(-0.5 + 0.05 * i) + ",small craft\n";
    auto imported = run_tidemark({"reports", "import", f.ws, f.dir.write("reports.csv", csv)});
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    run_sql(f.ws, "UPDATE reports SET reported_at = NULL, observed_at = NULL WHERE fid = 4");
    const std::string tif = f.dir.file("density.tif");
    auto refused = run_tidemark({"reports", "density", f.ws, "-o", tif, "--from", "2026-03-01T00:00:00Z", "--to",
                                 "2026-03-02T00:00:00Z"});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("layer reports: feature 4: field reported_at: NULL"), std::string::npos) << refused.err;
    EXPECT_FALSE(std::filesystem::exists(tif));
    auto skipped = run_tidemark({"reports", "density", f.ws, "-o", tif, "--from", "2026-03-01T00:00:00Z", "--to",
                                 "2026-03-02T00:00:00Z", "--skip-damaged"});
    ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
    EXPECT_NE(skipped.out.find(std::to_string(reports - 1) + " report(s)"), std::string::npos) << skipped.out;
}

// Planned vs actual judged on tracks it cannot trust would set task statuses from them: `plan
// reconcile` (and `plan forecast`, on the fleet's ranges) refuse as coverage does.
TEST(DamagedWorkspaceCli, PlanReconcileAndForecastRefuseADamagedTrackUnlessSkipped) {
    DamageFixture f;
    auto plan = run_tidemark({"plan", "new", f.ws, "--name", "P", "--from", "2026-03-01T00:00:00Z", "--to", "2026-03-02T00:00:00Z"});
    ASSERT_EQ(plan.exit_code, 0) << plan.err;
    auto whole = run_tidemark({"plan", "reconcile", f.ws, "--plan", "P", "--no-store"});
    ASSERT_EQ(whole.exit_code, 0) << whole.err;
    EXPECT_NE(whole.out.find("reconciled with " + std::to_string(kVessels * kFixesEach) + " fixes"), std::string::npos) << whole.out;

    run_sql(f.ws, "UPDATE track_legs SET fix_times = 'x' || substr(fix_times, 11) WHERE fid = 2");
    const std::string before = read_file(f.ws);
    for (const char* command : {"reconcile", "forecast"}) {
        auto refused = run_tidemark({"plan", command, f.ws, "--plan", "P"});
        EXPECT_EQ(refused.exit_code, 1) << command;
        for (const char* named : {"layer track_legs: feature 2: field fix_times: value 1 'x' is not a number",
                                  "1 damaged row(s)", "--skip-damaged"})
            EXPECT_NE(refused.err.find(named), std::string::npos) << command << ": " << named << "\nin:\n" << refused.err;
        EXPECT_EQ(read_file(f.ws), before) << command << " wrote to the workspace";
    }

    auto skipped = run_tidemark({"plan", "reconcile", f.ws, "--plan", "P", "--skip-damaged"});
    ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
    EXPECT_NE(skipped.err.find("--skip-damaged: 1 damaged row(s) left out of this plan reconcile"), std::string::npos) << skipped.err;
    EXPECT_NE(skipped.out.find("reconciled with " + std::to_string((kVessels - 1) * kFixesEach) + " fixes"), std::string::npos)
        << skipped.out;
    // Its layer was stored; the damaged row is in the file as it was.
    EXPECT_NE(query(f.ws, "SELECT count(*) FROM plan_reconciliation"), "(no result)");
    EXPECT_EQ(query(f.ws, "SELECT substr(fix_times, 1, 2) FROM track_legs WHERE fid = 2"), "x ");
    EXPECT_EQ(query(f.ws, "SELECT count(*) FROM track_legs"), std::to_string(kVessels));
}

}  // namespace tidemark::test
