// The coast a plan is made on: the workspace coastline cut into reporting segments at the
// plan's segment length, each with its police force and port distance, exactly as a coverage
// run cuts it (so ids match the `segments` layer of a run with that length).
#pragma once

#include "geo/coast_segments.h"
#include "geo/problem.h"
#include "layers/plan/plan.h"

#include <string>
#include <vector>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

struct PlanCoast {
    std::vector<geo::CoastSegment> segments;
    std::vector<geo::ForceArea> forces;
    std::vector<geo::XY> ports;

    double length_m() const;
    // The segments of `s` in order along its line. Empty, with `error` naming the stretch and
    // what was expected, when an end does not exist or the ends lie on two coastline lines.
    std::vector<std::uint32_t> segments_of(Stretch s, std::string* error) const;
    // The stretches (one per run of consecutive segments of a line) whose segments are selected;
    // on a ring, a run through the ring's start is one wrapping stretch (from > to).
    std::vector<Stretch> runs(const std::vector<bool>& selected) const;
    // The selection of segments whose midpoint lies inside any of the polygons.
    std::vector<bool> inside(const std::vector<geo::Polygon>& area) const;
    double length_of(Stretch s) const;  // 0 for an invalid stretch
    // The stretch's polylines, joined where one segment ends where the next begins.
    std::vector<geo::Path> lines_of(Stretch s) const;
    // "E23000032" for a segment's force code, "" when none.
    std::string force_code(std::uint32_t segment) const;
};

// Cuts the workspace coastline. Empty segments (with a problem) when there is no coastline.
PlanCoast plan_coast(const Workspace& ws, double segment_m, geo::Problems& problems);

// "120-134" or "120" (one segment). nullopt when it is neither.
std::optional<Stretch> parse_stretch(const std::string& text);
std::string format_stretch(Stretch s);  // "120-134"

}  // namespace tidemark::layers::plan
