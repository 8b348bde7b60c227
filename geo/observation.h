// What "observed" means, point by point: a vessel at a linearly interpolated position sees a
// place when it is within the vessel's sensor range. The coverage engine (geo/coverage.h) does
// the same thing for whole coastline segments; this is the small form other modules use.
#pragma once

#include "geo/geometry.h"
#include "geo/time.h"
#include "geo/track.h"

#include <vector>

namespace tidemark::geo {

// Whether any of `tracks` (track i observing with sensor range range_m[i], metres) had point p
// within range at any instant of [from, to]. Positions are interpolated linearly between
// consecutive fixes of one leg; nothing is known between legs. Used by the reports module for
// `watched`. Tracks without a range (range_m shorter than tracks) never watch.
bool watched(const std::vector<Track>& tracks, const std::vector<double>& range_m, XY p, UnixTime from, UnixTime to);

// Reports (and other timed events) that coverage counts per gap and force. `weight` is what the
// event counts for (the reports module sets it; 1 for a plain count).
struct WeightedEvent {
    XY p;
    UnixTime t = 0;
    double weight = 1;
};

// The sub-interval [lo, hi] of u in [0, 1] during which the point a + (b - a) u lies within
// `range` of the line segment [q0, q1]; false when there is none. The set is one interval
// because a capsule (segment grown by a disc) is convex.
bool moving_point_within(XY a, XY b, XY q0, XY q1, double range, double* lo, double* hi);

}  // namespace tidemark::geo
