// How a vessel sails a route, and what an AIS receiver logs of it, for SYNTHETIC demo tracks
// that look like real patrols rather than geometry: transit legs keep their course within a
// gentle wander, loiters drift and circle slowly round their waypoint instead of sitting on
// it, speed varies a little from leg to leg, and the log has a position every half minute or
// so with the reception dropouts a shore receiver has (slot collisions in busy water, low
// antennas behind headlands). Seeded: the same random stream gives the same track.
#pragma once

#include "geo/seeded_random.h"
#include "geo/track.h"
#include "layers/tracks/fleet.h"
#include "layers/tracks/planned_patrol.h"
#include "layers/plan/sea_grid.h"

#include <vector>

namespace tidemark::layers::plan {

struct SailStyle {
    double fix_every_s = 30;        // mean interval between logged positions (each 60-140 % of it)
    double weave_m = 60;            // largest wander across the line on transit legs
    double loiter_radius_m = 800;   // how far a loiter strays from its waypoint
    double loiter_kn = 4;           // typical speed while loitering
    double dropout_every_h = 4;     // mean time between reception dropouts
    double dropout_max_min = 15;    // longest dropout (the shortest is 2 min)
};

// Cutters log less often and wander wider; small craft with low antennas drop out more.
SailStyle sail_style_for(const Vessel& v);

// A vertex of the path sailed, timed.
struct SailPoint {
    geo::UnixTime t = 0;
    geo::XY p;
};

// The path sailed along `route` (working CRS) from `start` at about `speed_kn` (each leg 94-103 %
// of it): it passes every waypoint, loiters there for its loiter minutes (drifting within the
// style's radius, less where land is near) and keeps off land cells of `grid` when one is given.
std::vector<SailPoint> sail_path(const std::vector<PlannedWaypoint>& route, geo::UnixTime start, double speed_kn,
                                 const SailStyle& style, const SeaGrid* grid, geo::SeededRandom& rng);

// What a receiver logs of `path`: a fix every 60-140 % of fix_every_s with speed and course over
// ground, none during dropouts; the first and last points are always logged.
std::vector<geo::Fix> log_path(const std::vector<SailPoint>& path, const SailStyle& style, geo::SeededRandom& rng);

}  // namespace tidemark::layers::plan
