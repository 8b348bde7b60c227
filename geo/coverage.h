// The coverage engine: for each reporting segment, when during a time window it was observed
// by at least one vessel, and the statistics the plan is judged by.
//
// Definitions (docs/coverage.md states them for users, word for word):
// - Vessel position: continuous along a track leg, linearly interpolated in the working CRS
//   between consecutive fixes; pieces where consecutive fixes are more than the maximum gap apart
//   (default 30 min) contribute nothing in the break.
// - Observed: segment S is observed at time t by vessel V when the distance from V's position at
//   t to the nearest point of S's polyline is <= V's sensor range R.
// - Line of sight (optional): additionally the straight sight line from V to that nearest point
//   of S must not cross land, except within 50 m of S.
// - For a window [from, to): observed_s = seconds observed by at least one vessel (the length of
//   the union of intervals); visits = number of maximal observed intervals; max_gap_s = longest
//   unobserved interval in the window, window edges included; first_seen / last_seen = start of
//   the first and end of the last observed interval; observers = the vessels that observed it.
//
// How (never materialising (fix, segment) pairs): each leg is swept in chunks of consecutive
// fixes; one index query per chunk finds the candidate segments. A candidate is decided for the
// whole chunk when its box is out of range or one of its vertices/edges is in range of the whole
// chunk box; otherwise it is stepped along the chunk (the distance to it changes no faster than
// the distance sailed, so the in/out state holds for |d - R| metres), and only pieces where the
// state may change are solved exactly per polyline edge (quadratic for the end discs, linear for
// the slab). Intervals are merged per segment as they are found, per thread, and reduced after.
#pragma once

#include "geo/coast_segments.h"
#include "geo/line_of_sight.h"
#include "geo/time.h"
#include "geo/track.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace tidemark::geo {

inline constexpr double kDefaultMaxGapS = 30 * 60;
// Line-of-sight verdicts are sampled in time at this step (see docs/coverage.md).
inline constexpr double kDefaultSightStepS = 10;

struct Interval {
    UnixTime from = 0;
    UnixTime to = 0;
    double duration() const { return to - from; }
};

struct CoverageOptions {
    UnixTime from = 0;  // the window [from, to); nothing outside it counts
    UnixTime to = 0;
    double max_gap_s = kDefaultMaxGapS;
    // Land masking: when set, observed also needs a clear sight line (see geo/line_of_sight.h).
    const LandMask* land = nullptr;
    double sight_step_s = kDefaultSightStepS;
    double sight_allowance_m = kSightAllowanceM;
    unsigned threads = 0;  // 0: one per hardware core
    // Called on the calling thread now and then with the fraction of fixes swept (0..1).
    std::function<void(double)> progress;
    // When set and it turns true, the sweep stops between chunks of fixes and the result comes
    // back with `cancelled` set and no segments (a partial coverage would be wrong, not smaller).
    const std::atomic<bool>* cancel = nullptr;
};

// One vessel's observation of a segment: an interval in which track `track` had it in range.
struct Sighting {
    Interval when;
    std::uint32_t track = 0;
};

struct SegmentCoverage {
    std::vector<Interval> observed;  // union of observed intervals: sorted, disjoint, inside the window
    // The same per vessel: each track's own intervals (merged per track, clipped to the window),
    // sorted by start. They say who saw a segment last before any time T (coverage as of T).
    std::vector<Sighting> sightings;
    double observed_s = 0;
    int visits = 0;
    double max_gap_s = 0;
    std::optional<UnixTime> first_seen;
    std::optional<UnixTime> last_seen;
    std::vector<std::uint32_t> observers;  // indices into the tracks, ascending
};

struct CoverageResult {
    UnixTime from = 0;
    UnixTime to = 0;
    std::vector<SegmentCoverage> segments;  // parallel to the segment list
    std::size_t fixes = 0;                  // fixes swept (all legs, before window clipping)
    bool cancelled = false;                 // stopped through CoverageOptions::cancel: discard
};

// Track i observes with sensor range range_m[i] (metres); tracks without a range are ignored.
CoverageResult compute_coverage(const std::vector<CoastSegment>& segments, const std::vector<Track>& tracks,
                                const std::vector<double>& range_m, const CoverageOptions& options);

// Reduces raw observed intervals (any order, may overlap or touch) to the statistics above for
// the window [from, to). Intervals are clipped to the window; touching intervals are one visit.
SegmentCoverage summarise_intervals(std::vector<Interval> intervals, UnixTime from, UnixTime to);
// Each track's intervals clipped to [from, to) and merged where they touch, sorted by start
// (then track): SegmentCoverage::sightings.
std::vector<Sighting> merge_sightings(std::vector<Sighting> sightings, UnixTime from, UnixTime to);

// The time span of all fixes, [first, last]; {0, 0} when there are none. The default window.
Interval track_time_span(const std::vector<Track>& tracks);

}  // namespace tidemark::geo
