// A square island worked out by hand for the suggested-patrol tests (British National Grid, m):
// land x 500000..540000, y 60000..100000, so its coast is a 160 km ring (160 segments of 1 km,
// 16 stretches of 10 km) with open sea all round; a route from the north shore to the south
// shore has to go round a corner. One police force (F1, "Island Police") holds it all, so F1
// leads every segment and Border Force supports. Ports: Northport (520000, 100000) and
// Southport (520000, 60000) on the shore, and a landing place at the north-east corner.
// Fleet: a Border Force cutter based at Northport (cruise 14 kn, max 26 kn, endurance 168 h)
// and a Border Force coastal patrol vessel based at Southport (cruise 18 kn, max 25 kn,
// endurance 24 h) unavailable on the plan's second day.
#pragma once

#include "layers/tracks/fleet.h"
#include "layers/workspace.h"

namespace tidemark::test {

inline constexpr double kSuggestDay0 = 1772409600;  // 2026-03-02T00:00:00Z

inline bool on_island(double x, double y, double inset_m = 0) {
    return x > 500000 + inset_m && x < 540000 - inset_m && y > 60000 + inset_m && y < 100000 - inset_m;
}

inline layers::Workspace suggest_fixture_workspace() {
    using namespace layers;
    Workspace ws;
    auto box = [](double x0, double y0, double x1, double y1) {
        return geo::Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}};
    };
    Layer coast;
    coast.name = "coastline";
    coast.role = LayerRole::Coastline;
    Feature island;
    island.fid = 1;
    island.geometry.kind = geo::GeometryKind::Polygon;
    island.geometry.polygons = {box(500000, 60000, 540000, 100000)};
    coast.features() = {island};
    ws.put(coast);

    Layer forces;
    forces.name = "forces";
    forces.role = LayerRole::Forces;
    forces.fields = {{"code", FieldType::String}, {"name", FieldType::String}};
    Feature f1;
    f1.fid = 1;
    f1.geometry.kind = geo::GeometryKind::Polygon;
    f1.geometry.polygons = {box(480000, 40000, 560000, 120000)};
    f1.values = {std::string("F1"), std::string("Island Police")};
    forces.features() = {f1};
    ws.put(forces);

    Layer ports;
    ports.name = "ports";
    ports.role = LayerRole::Ports;
    ports.fields = {{"name", FieldType::String}, {"kind", FieldType::String}};
    auto port = [&](std::int64_t fid, const char* name, double x, double y) {
        Feature f;
        f.fid = fid;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{x, y}};
        f.values = {std::string(name), std::string("port")};
        ports.features().push_back(f);
    };
    port(1, "Northport", 520000, 100000);
    port(2, "Southport", 520000, 60000);
    port(3, "North-east landing", 540000, 100000);
    ws.put(ports);

    Vessel cutter;
    cutter.name = "HMC Test";
    cutter.mmsi = 235000001;
    cutter.agency = "Border Force";
    cutter.vessel_class = "cutter";
    cutter.antenna_height_m = 12;
    cutter.cruise_speed_kn = 14;
    cutter.max_speed_kn = 26;
    cutter.endurance_h = 168;
    cutter.home_port = "Northport";
    Vessel cpv;
    cpv.name = "CPV Test";
    cpv.mmsi = 235000002;
    cpv.agency = "Border Force";
    cpv.vessel_class = "coastal_patrol_vessel";
    cpv.antenna_height_m = 6;
    cpv.cruise_speed_kn = 18;
    cpv.max_speed_kn = 25;
    cpv.endurance_h = 24;
    cpv.home_port = "Southport";
    cpv.unavailable = {{kSuggestDay0 + 86400, kSuggestDay0 + 2 * 86400}};
    store_fleet(ws, {cutter, cpv});
    return ws;
}

}  // namespace tidemark::test
