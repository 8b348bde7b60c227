// Gaps in coverage and the per-force summary.
//
// Definitions (docs/coverage.md states them for users):
// - Gap: a maximal run of consecutive segments of one coastline line (a ring's last segment is
//   followed by its first) whose max_gap_s exceeds the revisit target (default 24 h).
// - Events (Kraken reports) count when their time is in the window [from, to): each is attached
//   to the nearest reporting segment within `near_m` (5 km); events farther from the coast are
//   attached to none. A gap's `reports` is the summed weight of events attached to its segments;
//   a force's `reports` the weight attached to its segments, `reports_in_gaps` the part of that
//   on segments in gaps.
// - A gap's `ports`: ports within `near_m` of any of its segments.
// - Risk of a gap = length_km * (worst_gap_s / revisit_s) * (1 + ports + reports).
//   Longer, longer-unwatched stretches with more places to land and more reports rank higher;
//   a gap just over the target with nothing near it scores about its length in km.
// - Per force: coast_km (segments assigned to it), covered_km (those meeting the revisit target:
//   max_gap_s <= revisit), covered_pct = 100 covered_km / coast_km, longest_gap_km (the longest
//   run of consecutive gap segments of that force).
#pragma once

#include "geo/coast_segments.h"
#include "geo/coverage.h"
#include "geo/observation.h"

#include <string>
#include <vector>

namespace tidemark::geo {

inline constexpr double kDefaultRevisitS = 24 * 3600;
inline constexpr double kNearM = 5000;

struct GapOptions {
    double revisit_s = kDefaultRevisitS;
    double near_m = kNearM;
};

struct Gap {
    std::uint32_t id = 0;                 // 1-based, in coastline order
    std::vector<std::uint32_t> segments;  // segment ids, in order along the line
    double length_m = 0;
    std::vector<int> forces;              // distinct force indices, in order along the gap (-1: none)
    double worst_gap_s = 0;
    double reports = 0;                   // summed event weight
    int ports = 0;
    double risk = 0;
};

struct ForceSummary {
    int force = -1;  // index into the force list; -1 for segments with no force
    double coast_km = 0;
    double covered_km = 0;
    double covered_pct = 0;
    double longest_gap_km = 0;
    double reports = 0;
    double reports_in_gaps = 0;
};

struct GapAnalysis {
    std::vector<Gap> gaps;
    std::vector<ForceSummary> forces;   // every force with coast, in force order; then "none" if any
    std::vector<int> event_segment;     // per event: attached segment id, -1 when none or outside the window
};

double gap_risk(double length_m, double worst_gap_s, double revisit_s, int ports, double reports);

GapAnalysis analyse_gaps(const std::vector<CoastSegment>& segments, const CoverageResult& coverage,
                         std::size_t force_count, const std::vector<XY>& ports,
                         const std::vector<WeightedEvent>& events, const GapOptions& options = {});

}  // namespace tidemark::geo
