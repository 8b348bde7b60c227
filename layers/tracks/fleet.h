// The fleet register: patrol vessels with the figures coverage needs (sensor heights, ranges,
// speeds, endurance). Read from data/fleet.csv, kept in the workspace as table layer "fleet".
#pragma once

#include "geo/coverage.h"
#include "geo/problem.h"
#include "layers/workspace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

struct Vessel {
    std::string name;
    std::uint32_t mmsi = 0;  // 0 when the register has none
    bool mmsi_synthetic = false;
    std::string agency;        // "Border Force", a police force code (e.g. "E23000001"), or other
    std::string vessel_class;  // cutter, coastal_patrol_vessel, police_launch, rhib, ...
    double antenna_height_m = 0;
    bool antenna_height_estimated = true;
    double visual_range_nm = 0, cruise_speed_kn = 0, max_speed_kn = 0, endurance_h = 0;
    double radar_range_nm = 0;  // explicit cap; 0 = none
    std::string home_port;      // base port (a name in the ports layer)
    // When the vessel cannot be tasked (refit, crew leave): [from, to) spans, in time order.
    std::vector<geo::Interval> unavailable;
};

// "2026-03-01T00:00Z/2026-03-20T00:00Z; 2026-05-01/2026-05-03": ISO 8601 intervals separated by ';'.
// nullopt with `error` naming the part that is not an interval whose end follows its start.
std::optional<std::vector<geo::Interval>> parse_intervals(const std::string& text, std::string* error);
std::string format_intervals(const std::vector<geo::Interval>& spans);

struct FleetReadResult {
    std::vector<Vessel> vessels;
    geo::Problems problems;  // bad rows (kept out), each naming line and what was expected
    bool ok = false;         // false when the file cannot be read or lacks a name column
    std::string error;
};

// Columns (case-insensitive, any order): name (required), mmsi, mmsi_is_synthetic, agency,
// class, antenna_height_m, antenna_height_estimated, visual_range_nm, cruise_speed_kn,
// max_speed_kn, endurance_h, home_port, radar_range_nm, unavailable (see parse_intervals);
// others are ignored.
FleetReadResult read_fleet_csv(const std::string& path);

inline constexpr const char* kFleetLayer = "fleet";
void store_fleet(Workspace& ws, const std::vector<Vessel>& vessels);  // table layer "fleet" (role Table)
std::vector<Vessel> load_fleet(const Workspace& ws);                   // empty when there is none

// Radar horizon for a target target_height_m high, capped by the vessel's radar_range_nm (metres).
double sensor_range_m(const Vessel& v, double target_height_m = 1.0);

// By MMSI when mmsi != 0 and known, otherwise by name (case-insensitive); nullptr when unknown.
const Vessel* find_vessel(const std::vector<Vessel>& fleet, std::uint32_t mmsi, const std::string& name);

}  // namespace tidemark::layers
