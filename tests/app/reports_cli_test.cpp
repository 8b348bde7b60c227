#include "layers/tracks/fleet.h"
#include "layers/reports/reports.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gdal_priv.h>

#include <gtest/gtest.h>

#include <cmath>

using tidemark::test::run_tidemark;
using tidemark::test::ScratchDir;

namespace {

// A small places file in the shape of data/ports.csv (Kent landing places; positions from OSM).
const char* kPlaces =
    "name,kind,lat,lon,country,notes\n"
    "Dover,port,51.1230,1.3290,England,Port of Dover\n"
    "Deal beach,landing_place,51.2224,1.4040,England,Open shingle beach\n"
    "Kingsdown,landing_place,51.1850,1.4030,England,Shingle beach below the cliffs\n"
    "Dymchurch,landing_place,51.0260,0.9975,England,\"Sea wall and beach, Romney Marsh\"\n"
    "Hythe (Fisherman's Beach),slipway,51.0665,1.0880,England,Beach-launched boats\n"
    "Broken,slipway,not a number,1.0,England,bad row\n";

int count_lines(const std::string& text) {
    int n = 0;
    for (char c : text) n += c == '\n';
    return n;
}

}  // namespace

TEST(ReportsCli, SynthesizeIsSeededAndLabelled) {
    ScratchDir dir;
    const std::string places = dir.write("ports.csv", kPlaces);
    auto a = run_tidemark({"reports", "synthesize", "--ports", places, "--from", "2026-03-01T00:00:00Z", "--to",
                           "2026-03-08T00:00:00Z", "--count", "50", "-o", dir.file("a.csv"), "--bad-out", dir.file("bad.csv")});
    ASSERT_EQ(a.exit_code, 0) << a.err;
    EXPECT_NE(a.err.find(":7:"), std::string::npos) << a.err;  // the unreadable places row, by line
    auto b = run_tidemark({"reports", "synthesize", "--ports", places, "--from", "2026-03-01T00:00:00Z", "--to",
                           "2026-03-08T00:00:00Z", "--count", "50", "-o", dir.file("b.csv")});
    ASSERT_EQ(b.exit_code, 0) << b.err;
    const std::string text = tidemark::test::read_file(dir.file("a.csv"));
    EXPECT_EQ(text, tidemark::test::read_file(dir.file("b.csv")));
    EXPECT_EQ(count_lines(text), 51);
    EXPECT_NE(text.find("SYNTHETIC"), std::string::npos);

    auto check = run_tidemark({"reports", "check", dir.file("a.csv")});
    EXPECT_EQ(check.exit_code, 0) << check.err;
    EXPECT_NE(check.out.find("50 report(s) read, 0 row(s) rejected"), std::string::npos) << check.out;
}

TEST(ReportsCli, CheckGivesOneMessagePerBadRowAndExitsOne) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    ScratchDir dir;
    const std::string places = dir.write("ports.csv", kPlaces);
    ASSERT_EQ(run_tidemark({"reports", "synthesize", "--ports", places, "--from", "2026-03-01T00:00:00Z", "--to",
                            "2026-03-08T00:00:00Z", "--count", "5", "-o", dir.file("a.csv"), "--bad-out", dir.file("bad.csv")})
                  .exit_code, 0);
    auto r = run_tidemark({"reports", "check", dir.file("bad.csv"), "--coast", coast});
    EXPECT_EQ(r.exit_code, 1);
    // 8 bad rows on lines 2-9, each rejected with its own message.
    for (int line = 2; line <= 9; ++line)
        EXPECT_NE(r.err.find("bad.csv:" + std::to_string(line) + ":"), std::string::npos) << "line " << line << "\n" << r.err;
    for (const char* why : {"no position", "not an ISO 8601 time", "unknown category", "outside the National Grid",
                            "7 digits", "km inland", "km offshore", "out of range"})
        EXPECT_NE(r.err.find(why), std::string::npos) << why << "\n" << r.err;
    EXPECT_NE(r.out.find("0 report(s) read, 8 row(s) rejected"), std::string::npos) << r.out;
}

TEST(ReportsCli, ImportThenDensityWritesAGeoTiff) {
    TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
    TIDEMARK_REQUIRE_SHARED(forces, "police/police_force_areas_uk.gpkg");
    ScratchDir dir;
    const std::string places = dir.write("ports.csv", kPlaces);
    const std::string ws = dir.file("ws.gpkg");
    ASSERT_EQ(run_tidemark({"workspace", "new", ws, "--coast", coast, "--forces", forces, "--ports", places}).exit_code, 0);
    ASSERT_EQ(run_tidemark({"reports", "synthesize", "--ports", places, "--from", "2026-03-01T00:00:00Z", "--to",
                            "2026-03-08T00:00:00Z", "--count", "40", "-o", dir.file("a.csv"), "--bad-out", dir.file("bad.csv")})
                  .exit_code, 0);
    auto imp = run_tidemark({"reports", "import", ws, dir.file("a.csv"), dir.file("bad.csv")});
    ASSERT_EQ(imp.exit_code, 0) << imp.err;
    EXPECT_NE(imp.out.find("holds 40 report(s)"), std::string::npos) << imp.out;
    // Importing the same file again replaces rather than duplicates.
    imp = run_tidemark({"reports", "import", ws, dir.file("a.csv")});
    EXPECT_NE(imp.out.find("holds 40 report(s) (0 new, 40 replaced"), std::string::npos) << imp.out;

    auto den = run_tidemark({"reports", "density", ws, "-o", dir.file("density.tif"), "--bandwidth-km", "5"});
    ASSERT_EQ(den.exit_code, 0) << den.err;
    GDALAllRegister();
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpen(dir.file("density.tif").c_str(), GA_ReadOnly));
    ASSERT_TRUE(ds);
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    EXPECT_NEAR(gt[1], 1000.0, 1e-9);  // bandwidth / 5
    EXPECT_NEAR(gt[5], -1000.0, 1e-9);
    const OGRSpatialReference* srs = ds->GetSpatialRef();
    ASSERT_TRUE(srs);
    EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "27700");
    // Sum x cell area = the number of reports not flagged as duplicates (<= 40), within 1 %.
    const int cols = ds->GetRasterXSize(), rows = ds->GetRasterYSize();
    std::vector<float> values(static_cast<std::size_t>(cols) * rows);
    ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, cols, rows, values.data(), cols, rows, GDT_Float32, 0, 0), CE_None);
    double sum = 0;
    for (float v : values) sum += v;
    GDALClose(ds);
    const double integral = sum * 1.0;  // 1 km2 cells
    EXPECT_GT(integral, 30.0);
    EXPECT_LE(integral, 40.0 * 1.01);
}

// A patrol passing 3 km off a report 10 min after it was observed: `reports link` marks it
// watched; a report 3 h later is not. Range: a 10 m antenna sees a 1 m target ~17 km away
// (4/3-earth radar horizon), well over 3 km.
TEST(ReportsCli, LinkMarksWatchedFromTracksAndFleet) {
    ScratchDir dir;
    tidemark::layers::Workspace ws;
    tidemark::layers::Vessel v;
    v.name = "HMC Test";
    v.antenna_height_m = 10;
    tidemark::layers::store_fleet(ws, {v});
    tidemark::geo::Track t;
    t.vessel = "HMC Test";
    const double t0 = 1772401200;
    t.legs.push_back({{{t0, {630000, 130000}}, {t0 + 3600, {630000, 150000}}}});
    tidemark::layers::store_tracks(ws, {t});
    tidemark::layers::Report seen, unseen;
    seen.report_id = "SEEN";
    seen.category = unseen.category = "small craft";
    seen.position = unseen.position = {633000, 140000};
    seen.observed_at = seen.reported_at = t0 + 1800 - 600;
    unseen.report_id = "UNSEEN";
    unseen.observed_at = unseen.reported_at = t0 + 1800 + 3 * 3600;
    tidemark::layers::store_reports(ws, {seen, unseen});
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;

    auto r = run_tidemark({"reports", "link", dir.file("ws.gpkg")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("1 watched"), std::string::npos) << r.out;
    auto back = tidemark::layers::Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(back) << error;
    const tidemark::layers::Layer* reports = back->find("reports");
    ASSERT_TRUE(reports);
    ASSERT_EQ(reports->features().size(), 2u);
    EXPECT_EQ(tidemark::layers::to_string(reports->value(reports->features()[0], "watched")), "1");
    EXPECT_EQ(tidemark::layers::to_string(reports->value(reports->features()[1], "watched")), "0");
}
