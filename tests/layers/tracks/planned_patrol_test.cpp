#include "layers/tracks/planned_patrol.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

using namespace tidemark;

TEST(PlannedPatrol, TimingByHand) {
    // 10 nm east at 10 kn = 1 h; loiter 30 min; 5 nm north at 10 kn = 30 min: ends at start + 2 h.
    layers::PlannedPatrol p;
    p.vessel = "HMC Seeker";
    p.start = 1772352000;  // 2026-03-01T08:00:00Z
    p.speed_kn = 10;
    p.waypoints = {{{0, 0}, 0}, {{18520, 0}, 30}, {{18520, 9260}, 0}};
    geo::Track t = layers::plan_track(p, 60);
    ASSERT_EQ(t.legs.size(), 1u);
    EXPECT_TRUE(t.planned);
    const auto& f = t.legs[0].fixes;
    EXPECT_DOUBLE_EQ(f.front().t, 1772352000);
    EXPECT_DOUBLE_EQ(f.back().t, 1772352000 + 7200);
    EXPECT_NEAR(f.back().p.y, 9260, 1e-6);
    bool arrival = false, departure = false;
    for (const auto& x : f) {
        if (x.t == 1772352000 + 3600) arrival = std::abs(x.p.x - 18520) < 1e-6;
        if (x.t == 1772352000 + 5400) departure = std::abs(x.p.x - 18520) < 1e-6 && std::abs(x.p.y) < 1e-6;
    }
    EXPECT_TRUE(arrival);
    EXPECT_TRUE(departure);
    for (std::size_t i = 1; i < f.size(); ++i) EXPECT_LE(f[i].t - f[i - 1].t, 60.0 + 1e-9);
    // Course east = 90 degrees on the first leg.
    EXPECT_NEAR(f[1].course_deg, 90.0, 1e-9);
}

TEST(PlannedPatrol, ReportsWhatTheVesselCannotDo) {
    layers::PlannedPatrol p;
    p.vessel = "Kent Police RHIB";
    p.start = 0;
    p.speed_kn = 45;
    // 400 nm at 45 kn = 8.9 h
    p.waypoints = {{{0, 0}, 0}, {{400 * 1852.0, 0}, 0}};
    layers::Vessel v;
    v.name = p.vessel;
    v.max_speed_kn = 40;
    v.endurance_h = 6;
    auto problems = layers::check_patrol(p, layers::plan_track(p), &v);
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_NE(problems[0].reason.find("45.0 kn is above the vessel's maximum 40.0 kn"), std::string::npos);
    EXPECT_NE(problems[1].reason.find("8.9 h, beyond the vessel's endurance of 6.0 h"), std::string::npos);
    EXPECT_EQ(layers::check_patrol(p, layers::plan_track(p), nullptr).size(), 1u);
}

TEST(PlannedPatrol, CsvRoutesGroupedByVesselWithBadRow) {
    test::ScratchDir dir;
    std::string path = dir.write("plan.csv",
                                 "vessel,start,lat,lon,loiter_min,speed_kn\n"
                                 "HMC Seeker,2026-03-01T08:00:00Z,51.9,1.5,0,12\n"
                                 "HMC Seeker,,52.0,1.8,20,\n"
                                 "HMC Seeker,,north,1.8,0,\n"
                                 "Kent Police RHIB,2026-03-01T09:00:00Z,51.1,1.4,,20\n"
                                 "Kent Police RHIB,,51.0,1.5,,\n");
    auto r = layers::read_planned_patrols(path, geo::Crs::british_national_grid());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.patrols.size(), 2u);
    EXPECT_EQ(r.patrols[0].waypoints.size(), 2u);
    EXPECT_DOUBLE_EQ(r.patrols[0].speed_kn, 12);
    EXPECT_DOUBLE_EQ(r.patrols[0].waypoints[1].loiter_min, 20);
    EXPECT_DOUBLE_EQ(r.patrols[1].start, 1772355600);  // 2026-03-01T09:00:00Z
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 4);
}

TEST(PlannedPatrol, GeoJsonRoute) {
    test::ScratchDir dir;
    std::string path = dir.write("route.geojson", R"({"type":"FeatureCollection","features":[{"type":"Feature",
      "properties":{"vessel":"HMC Searcher","start":"2026-03-01T06:00:00Z","speed_kn":14,"loiter_min":15},
      "geometry":{"type":"LineString","coordinates":[[1.33,51.12],[1.6,51.0],[1.33,51.12]]}}]})");
    auto r = layers::read_planned_patrols(path, geo::Crs::british_national_grid());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.patrols.size(), 1u);
    EXPECT_EQ(r.patrols[0].vessel, "HMC Searcher");
    EXPECT_DOUBLE_EQ(r.patrols[0].start, 1772344800);
    ASSERT_EQ(r.patrols[0].waypoints.size(), 3u);
    EXPECT_DOUBLE_EQ(r.patrols[0].waypoints[1].loiter_min, 15);
    EXPECT_DOUBLE_EQ(r.patrols[0].waypoints[0].loiter_min, 0);
}

// Found by fuzz_routes: a crawl at 0.001 kn made a track of millions of fixes (2 s and 400 MB
// a run) and a loiter of 1e12 minutes never ended. Such patrols are refused by line.
TEST(PlannedPatrol, ImpossibleSpeedsAndLoitersAreRefusedByLineNotExpanded) {
    test::ScratchDir dir;
    const std::string path = dir.write("routes.csv",
        "vessel,start,lat,lon,loiter_min,speed_kn,patrol\n"
        "Crawler,2026-03-01T00:00:00Z,50.0,-1.0,0,0.001,a\n"       // line 2: 36 nm at 0.001 kn, about 4 years
        "Crawler,,50.5,-1.5,0,,a\n"
        "Sitter,2026-03-01T00:00:00Z,50.0,-1.0,1e12,10,b\n"        // line 4: a loiter of 1e12 minutes
        "Sitter,,50.1,-1.0,0,,b\n"
        "Rocket,2026-03-01T00:00:00Z,50.0,-1.0,0,500,c\n"          // line 6: 500 kn
        "Rocket,,50.1,-1.0,0,,c\n"
        "Late,2100-12-31T23:30:00Z,50.0,-1.0,0,10,d\n"             // line 8: 12 nm at 10 kn ends in 2101
        "Late,,50.2,-1.0,0,,d\n"
        "Fine,2026-03-01T00:00:00Z,50.0,-1.0,0,10,e\n"             // line 10: 6 nm at 10 kn, about 36 min
        "Fine,,50.1,-1.0,0,,e\n");
    auto r = layers::read_planned_patrols(path, geo::Crs::british_national_grid());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.patrols.size(), 1u);
    EXPECT_EQ(r.patrols[0].vessel, "Fine");
    std::map<long, std::string> refused;
    for (const auto& p : r.problems)
        if (p.severity == geo::Problem::Severity::Error) refused[p.line] = p.reason;
    ASSERT_EQ(refused.size(), 4u);
    EXPECT_NE(refused[2].find("days (loiter_min and transits at 0.001 kn)"), std::string::npos) << refused[2];
    EXPECT_NE(refused[4].find("expected at most 31 days"), std::string::npos) << refused[4];
    EXPECT_NE(refused[6].find("planned speed 500.0 kn refused"), std::string::npos) << refused[6];
    EXPECT_NE(refused[8].find("outside 1970-2100"), std::string::npos) << refused[8];
    // 0.1 degree of latitude is about 11.1 km = 6.0 nm: 36 min at 10 kn, a fix a minute.
    const geo::Track t = layers::plan_track(r.patrols[0], 60);
    ASSERT_EQ(t.legs.size(), 1u);
    EXPECT_NEAR(t.legs[0].fixes.back().t - t.legs[0].fixes.front().t, 36 * 60, 60);
}
