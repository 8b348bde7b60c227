// A small coast worked out by hand for the plan tests (British National Grid, metres):
// - line 0: a straight open coast from (500000, 100000) east to (510000, 100000): 10 km,
//   segments 0-9 of 1000 m, midpoints at x = 500500 ... 509500;
// - line 1: a square island ring (520000..524000, 100000..104000): 16 km, segments 10-25.
// Force F1 ("West Force") holds x < 505000 (segments 0-4), F2 ("East Force") the rest
// (segments 5-9 and the island). Fleet: a cutter (Border Force, endurance 168 h, cruise 14 kn,
// max 26 kn) and a launch (F1, endurance 10 h, max 30 kn, unavailable on day 2).
#pragma once

#include "layers/tracks/fleet.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_edit.h"
#include "layers/tracks/planned_patrol.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

#include <gtest/gtest.h>

namespace tidemark::test {

inline constexpr double kDay0 = 1772409600;  // 2026-03-02T00:00:00Z

inline layers::Workspace plan_fixture_workspace() {
    using namespace layers;
    Workspace ws;
    Layer coast;
    coast.name = "coastline";
    coast.role = LayerRole::Coastline;
    Feature a;
    a.fid = 1;
    a.geometry.kind = geo::GeometryKind::Line;
    a.geometry.lines = {{{500000, 100000}, {510000, 100000}}};
    Feature island;
    island.fid = 2;
    island.geometry.kind = geo::GeometryKind::Line;
    island.geometry.lines = {{{520000, 100000}, {524000, 100000}, {524000, 104000}, {520000, 104000}, {520000, 100000}}};
    coast.features() = {a, island};
    ws.put(coast);

    Layer forces;
    forces.name = "forces";
    forces.role = LayerRole::Forces;
    forces.fields = {{"code", FieldType::String}, {"name", FieldType::String}};
    auto box = [](double x0, double y0, double x1, double y1) {
        return geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
    };
    Feature f1, f2;
    f1.fid = 1;
    f1.geometry.kind = geo::GeometryKind::Polygon;
    f1.geometry.polygons = {box(495000, 90000, 505000, 110000)};
    f1.values = {std::string("F1"), std::string("West Force")};
    f2.fid = 2;
    f2.geometry.kind = geo::GeometryKind::Polygon;
    f2.geometry.polygons = {box(505000, 90000, 530000, 110000)};
    f2.values = {std::string("F2"), std::string("East Force")};
    forces.features() = {f1, f2};
    ws.put(forces);

    Vessel cutter;
    cutter.name = "HMC Test";
    cutter.mmsi = 235000001;
    cutter.agency = "Border Force";
    cutter.vessel_class = "cutter";
    cutter.antenna_height_m = 12;
    cutter.cruise_speed_kn = 14;
    cutter.max_speed_kn = 26;
    cutter.endurance_h = 168;
    Vessel launch;
    launch.name = "West launch";
    launch.mmsi = 235000002;
    launch.agency = "F1";
    launch.vessel_class = "police_launch";
    launch.antenna_height_m = 4;
    launch.cruise_speed_kn = 12;
    launch.max_speed_kn = 30;
    launch.endurance_h = 10;
    launch.unavailable = {{kDay0 + 86400, kDay0 + 2 * 86400}};
    store_fleet(ws, {cutter, launch});
    return ws;
}

// What a vessel actually sailed: the planned timing of `waypoints`, stored as an observed track.
inline geo::Track sailed(const std::string& vessel, double start_h, std::vector<layers::PlannedWaypoint> waypoints,
                         double kn) {
    layers::PlannedPatrol p;
    p.vessel = vessel;
    p.start = kDay0 + start_h * 3600;
    p.speed_kn = kn;
    p.waypoints = std::move(waypoints);
    geo::Track t = layers::plan_track(p);
    t.planned = false;
    return t;
}

// Planned vs actual, worked out by hand (tests/layers/plan/plan_reconcile_test.cpp): plan "P" of
// day 0 with three accepted tasks and the tracks that were sailed, the launch's radar cut to 1 nm:
// 1. the cutter "HMC Test" on segments 0-9, 01:00-05:00, followed exactly: done;
// 2. the launch on segments 0-9, 06:00-08:00, turning back at x = 505000: 70 %, partly done;
// 3. the cutter on the island (10-25), 10:00-12:00, never sailed: "no tracks".
struct ReconcileScenario {
    layers::Workspace ws = plan_fixture_workspace();
    std::vector<layers::Vessel> fleet;
    geo::Problems problems;
    layers::plan::PlanCoast coast;
    layers::plan::PlanBook book;

    ReconcileScenario() {
        using namespace layers::plan;
        fleet = layers::load_fleet(ws);
        fleet[1].radar_range_nm = 1;  // the launch sees 1852 m: a turn back shows in the fraction
        layers::store_fleet(ws, fleet);
        coast = plan_coast(ws, 1000, problems);
        EditContext ctx{&coast, &fleet, "planner", kDay0};
        EXPECT_EQ(new_plan(book, ctx, {"P", kDay0, kDay0 + 86400, 1000, 86400}), "");
        auto add = [&](const std::string& agency, const std::string& asset, Stretch s, double from_h, double to_h) {
            Task t;
            t.plan = "P";
            t.agency = agency;
            t.asset = asset;
            t.stretch = s;
            t.from = kDay0 + from_h * 3600;
            t.to = kDay0 + to_h * 3600;
            t.status = TaskStatus::Accepted;
            EXPECT_EQ(add_task(book, ctx, t), "");
        };
        add(kBorderForceCode, "HMC Test", {0, 9}, 1, 5);
        add("F1", "West launch", {0, 9}, 6, 8);
        add(kBorderForceCode, "HMC Test", {10, 25}, 10, 12);
        layers::store_tracks(ws, {sailed("HMC Test", 1, {{{500000, 99000}, 0}, {{510000, 99000}, 0}}, 14),
                                  sailed("West launch", 6, {{{500000, 99500}, 0}, {{505000, 99500}, 0}, {{500000, 99500}, 0}}, 12)});
    }
};

}  // namespace tidemark::test
