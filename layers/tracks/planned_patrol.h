// Planned patrols: a vessel, a start time, waypoints (with optional loiter minutes) and a
// speed become a timed track flagged `planned`, used by coverage exactly like an observed one.
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track.h"
#include "layers/tracks/fleet.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

struct PlannedWaypoint {
    geo::XY p;                // working CRS, metres
    double loiter_min = 0;    // time spent on station here before going on
};

struct PlannedPatrol {
    std::string vessel;
    geo::UnixTime start = 0;  // departure from the first waypoint (after its loiter); NaN when unknown
    double speed_kn = 0;      // transit speed between waypoints
    std::vector<PlannedWaypoint> waypoints;
    std::string source;       // file, for problems
    long line = 0;            // first row (CSV), 0 otherwise
};

// Beyond these a planned patrol is a typing error, and its track would be millions of fixes:
// a transit faster than any patrol vessel, or one patrol (loiters and transits) over a month.
inline constexpr double kMaxPlannedSpeedKn = 100;
inline constexpr double kMaxPlannedPatrolS = 31 * 86400.0;

// Why `patrol` cannot become a track, fit to show (speed above kMaxPlannedSpeedKn, longer than
// kMaxPlannedPatrolS at its speed, ending after 2100); empty when it can, or when it has no
// speed or start yet (plan_track makes no track of those either).
std::string impossible_patrol(const PlannedPatrol& patrol);

// Metres along `route` from waypoint `from` to waypoint `to` (default: the whole route).
double route_length_m(const std::vector<PlannedWaypoint>& route, std::size_t from = 0, std::size_t to = SIZE_MAX);

// Straight legs at speed_kn, loitering at each waypoint: a fix at every arrival and departure
// and at least every step_s in between (so no gap exceeds the track builder's maximum).
// One leg; planned = true. No legs when there are fewer than 2 waypoints, no speed or no start,
// or when impossible_patrol() names a reason.
geo::Track plan_track(const PlannedPatrol& patrol, double step_s = 60);

// What the vessel cannot do: speed above its maximum, duration beyond its endurance,
// unknown vessel (nullptr). One problem per finding, naming the patrol and the figures.
geo::Problems check_patrol(const PlannedPatrol& patrol, const geo::Track& track, const Vessel* vessel);

struct PlanReadOptions {
    std::string vessel;                  // when the file does not say
    std::optional<geo::UnixTime> start;  // idem
    double speed_kn = 0;                 // idem; 0 = the vessel's cruise speed (from the fleet)
};

struct PlanReadResult {
    std::vector<PlannedPatrol> patrols;
    geo::Problems problems;
    bool ok = false;
    std::string error;
};

// CSV (columns vessel, start, lat, lon, loiter_min, speed_kn, optional patrol id; one row per
// waypoint, in order) or any OGR route source (GeoJSON LineStrings with properties vessel,
// start, speed_kn, loiter_min; GPX <rte> named after the vessel).
PlanReadResult read_planned_patrols(const std::string& path, const geo::Crs& working, const PlanReadOptions& options = {});

}  // namespace tidemark::layers
