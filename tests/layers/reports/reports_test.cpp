#include "layers/reports/reports.h"

#include "geo/observation.h"
#include "layers/layer.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark;
using tidemark::test::ScratchDir;

namespace {

const geo::Crs kBng = geo::Crs::british_national_grid();

const char* kHeader = "report_id,reported_at,observed_at,lat,lon,easting,northing,grid_ref,category,description,source,grading\n";

const geo::Problem* problem_on_line(const geo::Problems& problems, long line) {
    for (const auto& p : problems)
        if (p.line == line && p.severity == geo::Problem::Severity::Error) return &p;
    return nullptr;
}

const layers::Report* find(const std::vector<layers::Report>& reports, const std::string& id) {
    for (const auto& r : reports)
        if (r.report_id == id) return &r;
    return nullptr;
}

// Land: a 100 km square with its south-west corner at (400 km, 100 km).
layers::Layer square_island() {
    layers::Layer coast;
    coast.name = "coastline";
    coast.role = layers::LayerRole::Coastline;
    layers::Feature f;
    f.geometry.kind = geo::GeometryKind::Polygon;
    f.geometry.polygons.push_back({{{400000, 100000}, {500000, 100000}, {500000, 200000}, {400000, 200000}, {400000, 100000}}, {}});
    coast.features().push_back(f);
    return coast;
}

}  // namespace

// Positions three ways must agree with cs2cs: `cs2cs -d 6 EPSG:27700 EPSG:4326 <<< "651409 313177"`
// gives 52.657977 1.716038, so the lat/lon row lands within a metre of E 651409 N 313177 (the
// 6-decimal rounding is ~0.1 m); the grid reference lands on the centre of its 1 m square.
TEST(ReadReports, LatLonEastingNorthingAndGridRefAgree) {
    ScratchDir dir;
    const std::string csv = dir.write("r.csv", std::string(kHeader) +
        "A,2026-03-01T21:40:00Z,,52.657977,1.716038,,,,small craft,,public,1/A/P\n"
        "B,2026-03-01T21:40:00Z,,,,651409,313177,,small craft,,public,\n"
        "C,2026-03-01T21:40:00Z,,,,,,TG 51409 13177,small craft,,public,\n"
        "D,2026-03-01T21:40:00Z,,,,,,TG5113,small craft,,public,\n");
    auto r = layers::read_reports(csv, kBng);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.reports.size(), 4u);
    EXPECT_EQ(r.rejected, 0u);
    EXPECT_NEAR(r.reports[0].position.x, 651409, 1.0);
    EXPECT_NEAR(r.reports[0].position.y, 313177, 1.0);
    EXPECT_NEAR(r.reports[1].position.x, 651409, 1e-6);
    EXPECT_NEAR(r.reports[1].position.y, 313177, 1e-6);
    EXPECT_NEAR(r.reports[2].position.x, 651409.5, 1e-6);
    EXPECT_NEAR(r.reports[2].position.y, 313177.5, 1e-6);
    // 4 digits: the 1 km square TG 51 13, whose centre is (651500, 313500).
    EXPECT_NEAR(r.reports[3].position.x, 651500, 1e-6);
    EXPECT_NEAR(r.reports[3].position.y, 313500, 1e-6);
    EXPECT_EQ(r.reports[0].source_evaluation, 1);
    EXPECT_EQ(r.reports[0].assessment, 'A');
    EXPECT_EQ(r.reports[0].handling, 'P');
    EXPECT_EQ(r.reports[0].line, 2);
    EXPECT_EQ(r.reports[3].line, 5);
}

// `date -u -d 2026-07-01T21:40:00Z +%s` = 1782942000: 22:40 BST (+01:00) is 21:40 UTC.
TEST(ReadReports, LocalTimeWithOffsetIsStoredUtc) {
    ScratchDir dir;
    const std::string csv = dir.write("r.csv", std::string(kHeader) +
        "A,2026-07-01T22:40:00+01:00,2026-07-01T22:10:00+01:00,,,651409,313177,,drone,,Fisherman,\n");
    auto r = layers::read_reports(csv, kBng);
    ASSERT_EQ(r.reports.size(), 1u);
    EXPECT_EQ(r.reports[0].reported_at, 1782942000.0);
    EXPECT_EQ(r.reports[0].observed_at, 1782942000.0 - 1800);
    EXPECT_EQ(r.reports[0].category, "aircraft or drone");
    EXPECT_EQ(r.reports[0].source, "fisher");
}

// Times with no offset: read as UTC with one warning naming the first, or with --uk-time as UK
// clock readings. `date -u -d 2026-07-01T22:40:00Z +%s` = 1782945600; 1 December is GMT:
// `date -u -d 2026-12-01T22:40:00Z +%s` = 1796164800.
TEST(ReadReports, TimesWithoutAnOffsetAreUtcOrUkClockTimes) {
    ScratchDir dir;
    const std::string csv = dir.write("r.csv", std::string(kHeader) +
        "A,2026-07-01T22:40:00+01:00,,,,651409,313177,,drone,,Fisherman,\n"
        "B,2026-07-01 22:40,,,,651409,313177,,drone,,Fisherman,\n"
        "C,2026-12-01 22:40,,,,651409,313177,,drone,,Fisherman,\n");
    auto utc = layers::read_reports(csv, kBng);
    ASSERT_EQ(utc.reports.size(), 3u);
    EXPECT_EQ(find(utc.reports, "A")->reported_at, 1782945600.0 - 3600);
    EXPECT_EQ(find(utc.reports, "B")->reported_at, 1782945600.0);
    EXPECT_EQ(find(utc.reports, "C")->reported_at, 1796164800.0);
    ASSERT_EQ(utc.problems.size(), 1u);
    EXPECT_EQ(utc.problems[0].line, 3);  // B, the first without an offset (line 1 is the header)
    EXPECT_NE(utc.problems[0].reason.find("2 row(s)"), std::string::npos) << utc.problems[0].reason;
    EXPECT_NE(utc.problems[0].reason.find("--uk-time"), std::string::npos) << utc.problems[0].reason;

    auto uk = layers::read_reports(csv, kBng, {}, layers::UnzonedTimes::UkClock);
    ASSERT_EQ(uk.reports.size(), 3u);
    EXPECT_EQ(find(uk.reports, "A")->reported_at, 1782945600.0 - 3600);  // its own offset holds
    EXPECT_EQ(find(uk.reports, "B")->reported_at, 1782945600.0 - 3600);  // 22:40 BST
    EXPECT_EQ(find(uk.reports, "B")->observed_at, 1782945600.0 - 3600);
    EXPECT_EQ(find(uk.reports, "C")->reported_at, 1796164800.0);         // 22:40 GMT
    EXPECT_TRUE(uk.problems.empty());
}

TEST(ReadReports, EveryRejectionReasonNamesItsLine) {
    ScratchDir dir;
    const std::string csv = dir.write("bad.csv", std::string(kHeader) +
        "OK1,2026-03-01T21:40:00Z,,,,633052,141238,,landing or embarkation,\"quoted, with comma\",police,\n"  // line 2
        "NOPOS,2026-03-01T21:40:00Z,,,,,,,small craft,,public,\n"                                              // line 3
        "BADTIME,last Tuesday,,,,633052,141238,,small craft,,public,\n"                                      // line 4
        "BADCAT,2026-03-01T21:40:00Z,,,,633052,141238,,sea monster,,public,\n"                               // line 5
        "OUTSIDE,2026-03-01T21:40:00Z,,,,,,JA 1234 5678,small craft,,public,\n"                               // line 6
        "ODD,2026-03-01T21:40:00Z,,,,,,TR 323 4030,small craft,,public,\n"                                    // line 7
        "LAT,2026-03-01T21:40:00Z,,95,1.3,,,,small craft,,public,\n"                                         // line 8
        "NOCAT,2026-03-01T21:40:00Z,,,,633052,141238,,,,public,\n"                                           // line 9
        "NOTIME,,,,,633052,141238,,small craft,,public,\n"                                                    // line 10
        "OK2,2026-03-01T21:40:00Z,,51.1230,1.3290,,,,small craft,,public,9/Z/Q\n");                          // line 11
    auto r = layers::read_reports(csv, kBng);
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(r.reports.size(), 2u);
    EXPECT_EQ(r.rejected, 8u);
    struct Expect { long line; const char* words; };
    const Expect expected[] = {{3, "no position"}, {4, "not an ISO 8601 time"}, {5, "unknown category \"sea monster\""},
                               {6, "outside the National Grid"}, {7, "7 digits"}, {8, "out of range"},
                               {9, "no category"}, {10, "no time"}};
    for (const Expect& e : expected) {
        const geo::Problem* p = problem_on_line(r.problems, e.line);
        ASSERT_TRUE(p) << "line " << e.line;
        EXPECT_NE(p->reason.find(e.words), std::string::npos) << p->describe();
        EXPECT_NE(p->reason.find("row rejected"), std::string::npos) << p->describe();
        EXPECT_EQ(p->source, csv);
    }
    ASSERT_TRUE(find(r.reports, "OK1"));
    EXPECT_EQ(find(r.reports, "OK1")->description, "quoted, with comma");
    // A bad grading is a warning, not a rejection: the report keeps an unknown grading.
    const layers::Report* ok2 = find(r.reports, "OK2");
    ASSERT_TRUE(ok2);
    EXPECT_EQ(ok2->source_evaluation, 0);
    bool warned = false;
    for (const auto& p : r.problems) warned = warned || (p.line == 11 && p.reason.find("9/Z/Q") != std::string::npos);
    EXPECT_TRUE(warned);
}

TEST(ReadReports, FarInlandAndFarOffshoreAreRejected) {
    ScratchDir dir;
    const std::string csv = dir.write("r.csv", std::string(kHeader) +
        "IN50,2026-03-01T21:40:00Z,,,,450000,150000,,small craft,,public,\n"    // 50 km inland
        "IN5,2026-03-01T21:40:00Z,,,,405000,150000,,small craft,,public,\n"     // 5 km inland
        "OFF5,2026-03-01T21:40:00Z,,,,395000,150000,,small craft,,public,\n"    // 5 km offshore
        "OFF70,2026-03-01T21:40:00Z,,,,330000,150000,,small craft,,public,\n"); // 70 km offshore
    auto r = layers::read_reports(csv, kBng);
    ASSERT_EQ(r.reports.size(), 4u);
    layers::reject_far_from_coast(r, square_island(), {10000, 60000});
    ASSERT_EQ(r.reports.size(), 2u);
    EXPECT_EQ(r.reports[0].report_id, "IN5");
    EXPECT_EQ(r.reports[1].report_id, "OFF5");
    EXPECT_EQ(r.rejected, 2u);
    ASSERT_TRUE(problem_on_line(r.problems, 2));
    EXPECT_NE(problem_on_line(r.problems, 2)->reason.find("50.0 km inland"), std::string::npos);
    ASSERT_TRUE(problem_on_line(r.problems, 5));
    EXPECT_NE(problem_on_line(r.problems, 5)->reason.find("70.0 km offshore"), std::string::npos);
}

TEST(ReadReports, ColumnsOptionMapsOtherNames) {
    ScratchDir dir;
    const std::string csv = dir.write("r.csv",
        "Ref;When;Location;What;Who\n"
        "K-7;2026-03-01T21:40:00Z;TR 3305 4123;vehicle;harbour master\n");
    auto unmapped = layers::read_reports(csv, kBng);
    EXPECT_EQ(unmapped.reports.size(), 0u);
    EXPECT_EQ(unmapped.rejected, 1u);
    auto r = layers::read_reports(csv, kBng, "report_id=Ref, observed_at=When, grid_ref=Location, category=What, source=Who");
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.reports.size(), 1u);
    EXPECT_EQ(r.reports[0].report_id, "K-7");
    EXPECT_EQ(r.reports[0].category, "vehicle at coast");
    EXPECT_EQ(r.reports[0].source, "harbour or marina staff");
    EXPECT_NEAR(r.reports[0].position.x, 633055, 1e-6);
    auto bad = layers::read_reports(csv, kBng, "observed_at=Nope");
    EXPECT_FALSE(bad.ok);
    EXPECT_NE(bad.error.find("no column \"Nope\""), std::string::npos) << bad.error;
    bad = layers::read_reports(csv, kBng, "colour=What");
    EXPECT_NE(bad.error.find("unknown field \"colour\""), std::string::npos) << bad.error;
}

TEST(ReadReports, GeoJsonAndKmlPoints) {
    ScratchDir dir;
    const std::string geojson = dir.write("r.geojson", R"({"type":"FeatureCollection","features":[
      {"type":"Feature","id":1,"properties":{"report_id":"G1","observed_at":"2026-03-01T21:40:00Z","category":"goods on shore","grading":"2BC"},
       "geometry":{"type":"Point","coordinates":[1.716038,52.657977]}},
      {"type":"Feature","id":2,"properties":{"report_id":"G2","observed_at":"2026-03-01T21:40:00Z"},
       "geometry":{"type":"Point","coordinates":[1.716038,52.657977]}}]})");
    auto g = layers::read_reports(geojson, kBng);
    ASSERT_TRUE(g.ok) << g.error;
    ASSERT_EQ(g.reports.size(), 1u);
    EXPECT_EQ(g.rejected, 1u);
    EXPECT_NEAR(g.reports[0].position.x, 651409, 1.0);
    EXPECT_NEAR(g.reports[0].position.y, 313177, 1.0);
    EXPECT_EQ(g.reports[0].handling, 'C');
    bool named = false;
    for (const auto& p : g.problems) named = named || (p.feature == "G2" && p.reason.find("no category") != std::string::npos);
    EXPECT_TRUE(named);

    const std::string kml = dir.write("r.kml", R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>K-1</name><description>RIB at night</description>
<ExtendedData><Data name="category"><value>small craft</value></Data><Data name="observed_at"><value>2026-03-01T21:40:00Z</value></Data></ExtendedData>
<Point><coordinates>1.716038,52.657977</coordinates></Point></Placemark>
</Document></kml>)");
    auto k = layers::read_reports(kml, kBng);
    ASSERT_TRUE(k.ok) << k.error;
    ASSERT_EQ(k.reports.size(), 1u);
    EXPECT_EQ(k.reports[0].report_id, "K-1");
    EXPECT_EQ(k.reports[0].description, "RIB at night");
    EXPECT_NEAR(k.reports[0].position.x, 651409, 1.0);
}

// Same category within 200 m and 30 min of an earlier report: flagged, never dropped.
TEST(FlagDuplicates, SameCategoryWithin200mAnd30Min) {
    auto report = [](const char* id, const char* cat, double x, double t) {
        layers::Report r;
        r.report_id = id;
        r.category = cat;
        r.position = {600000 + x, 140000};
        r.observed_at = r.reported_at = 1772401200 + t;
        return r;
    };
    std::vector<layers::Report> rs = {
        report("FIRST", "small craft", 0, 0),       report("NEAR", "small craft", 150, 20 * 60),
        report("OTHERCAT", "vehicle at coast", 10, 60), report("FAR", "small craft", 250, 60),
        report("LATE", "small craft", 0, 31 * 60 + 20 * 60 + 1)};  // 31 min after NEAR, 51 after FIRST
    geo::Problems problems;
    layers::flag_duplicates(rs, &problems);
    ASSERT_EQ(rs.size(), 5u);
    EXPECT_FALSE(rs[0].possible_duplicate);
    EXPECT_TRUE(rs[1].possible_duplicate);
    EXPECT_EQ(rs[1].duplicate_of, "FIRST");
    EXPECT_FALSE(rs[2].possible_duplicate);
    EXPECT_FALSE(rs[3].possible_duplicate);
    EXPECT_FALSE(rs[4].possible_duplicate);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("150 m and 20 min"), std::string::npos) << problems[0].reason;
}

TEST(ReportStore, RoundTripsThroughTheWorkspaceFile) {
    ScratchDir dir;
    layers::Workspace ws;
    layers::Report r;
    r.report_id = "R1";
    r.reported_at = 1772401200;
    r.observed_at = 1772401200 - 600;
    r.position = {633052, 141238};
    r.category = "small craft";
    r.description = "SYNTHETIC";
    r.source = "coastguard";
    r.source_evaluation = 2;
    r.assessment = 'B';
    r.handling = 'C';
    r.possible_duplicate = true;
    r.duplicate_of = "R0";
    r.synthetic = true;
    r.line = 7;
    r.file = "x.csv";
    layers::store_reports(ws, {r});
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto back = layers::Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(back) << error;
    ASSERT_TRUE(back->find("reports"));
    EXPECT_EQ(back->find("reports")->role, layers::LayerRole::Reports);
    auto loaded = layers::load_reports(*back);
    ASSERT_EQ(loaded.size(), 1u);
    const auto& l = loaded[0];
    EXPECT_EQ(l.report_id, "R1");
    EXPECT_EQ(l.reported_at, 1772401200.0);
    EXPECT_EQ(l.observed_at, 1772401200.0 - 600);
    EXPECT_NEAR(l.position.x, 633052, 1e-6);
    EXPECT_NEAR(l.position.y, 141238, 1e-6);
    EXPECT_EQ(l.category, "small craft");
    EXPECT_EQ(l.source, "coastguard");
    EXPECT_EQ(l.source_evaluation, 2);
    EXPECT_EQ(l.assessment, 'B');
    EXPECT_EQ(l.handling, 'C');
    EXPECT_TRUE(l.possible_duplicate);
    EXPECT_EQ(l.duplicate_of, "R0");
    EXPECT_TRUE(l.synthetic);
    EXPECT_EQ(l.line, 7);
}

// weight = grading_weight x recency (docs/reports.md): 2/B -> 0.6 x 0.8 = 0.48; a week old -> x 0.5.
TEST(ReportEvents, GradingTimesRecencyWithoutDuplicates) {
    const geo::UnixTime now = 1772401200;
    layers::Report a, b, dup;
    a.position = {1, 2};
    a.observed_at = now - 7 * 86400;
    a.source_evaluation = 2;
    a.assessment = 'B';
    b.observed_at = now;
    b.source_evaluation = 1;
    b.assessment = 'A';
    dup = b;
    dup.possible_duplicate = true;
    const auto events = layers::report_events({a, b, dup}, now);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_NEAR(events[0].weight, 0.24, 1e-12);
    EXPECT_EQ(events[0].p, (geo::XY{1, 2}));
    EXPECT_EQ(events[0].t, now - 7 * 86400);
    EXPECT_NEAR(events[1].weight, 1.0, 1e-12);
}

TEST(ReadReports, OneLayerOfAGeoPackage) {
    ScratchDir dir;
    layers::Workspace ws;
    layers::Report r;
    r.report_id = "P1";
    r.category = "small craft";
    r.position = {633052, 141238};
    r.observed_at = r.reported_at = 1772401200;
    layers::store_reports(ws, {r});
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto read = layers::read_reports(dir.file("ws.gpkg") + ":reports", kBng);
    ASSERT_TRUE(read.ok) << read.error;
    ASSERT_EQ(read.reports.size(), 1u);
    EXPECT_EQ(read.rejected, 0u);
    EXPECT_EQ(read.reports[0].report_id, "P1");
    EXPECT_NEAR(read.reports[0].position.x, 633052, 1e-6);
    auto missing = layers::read_reports(dir.file("ws.gpkg") + ":nope", kBng);
    EXPECT_FALSE(missing.ok);
}
