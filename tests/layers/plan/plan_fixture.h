// A small coast worked out by hand for the plan tests (British National Grid, metres):
// - line 0: a straight open coast from (500000, 100000) east to (510000, 100000): 10 km,
//   segments 0-9 of 1000 m, midpoints at x = 500500 ... 509500;
// - line 1: a square island ring (520000..524000, 100000..104000): 16 km, segments 10-25.
// Force F1 ("West Force") holds x < 505000 (segments 0-4), F2 ("East Force") the rest
// (segments 5-9 and the island). Fleet: a cutter (Border Force, endurance 168 h, cruise 14 kn,
// max 26 kn) and a launch (F1, endurance 10 h, max 30 kn, unavailable on day 2).
#pragma once

#include "layers/fleet.h"
#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_edit.h"
#include "layers/workspace.h"

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
    coast.features = {a, island};
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
    forces.features = {f1, f2};
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

}  // namespace tidemark::test
