// Reporting segments (definition, as in docs/coverage.md): each coastline line is cut into
// consecutive pieces of target length L (default 1000 m; 100 m-10 km), each keeping its
// full-resolution polyline. Each segment gets the police force whose area contains its midpoint
// (or the nearest force area within 2 km, since generalised boundaries miss the shore), and the
// distance to the nearest port. Coverage, gaps and the per-force summary are counted per segment.
#pragma once

#include "geo/geometry.h"
#include "geo/spatial_index.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace tidemark::geo {

inline constexpr double kDefaultSegmentLengthM = 1000;
inline constexpr double kMinSegmentLengthM = 100;
inline constexpr double kMaxSegmentLengthM = 10000;
// Generalised force boundaries miss the shore: a segment whose midpoint lies in no force area
// takes the nearest one within this distance.
inline constexpr double kForceSearchM = 2000;

struct CoastSegment {
    std::uint32_t id = 0;       // index in the segment list, 0-based, consecutive along each line
    std::uint32_t line_id = 0;  // index of the coastline line it was cut from
    bool line_closed = false;   // the line is a ring: its last segment is followed by its first
    Path path;                  // full-resolution polyline, working CRS metres
    double length_m = 0;
    XY midpoint;                // the point half-way along `path`
    Box box;
    int force = -1;             // index into the force list, -1 when none
    double port_distance_m = std::numeric_limits<double>::infinity();  // to the nearest port
};

// Cuts each line into n = max(1, round(length / target_length_m)) consecutive pieces of equal
// length (so every piece is within a factor ~1.5 of the target, and tiny islands stay whole).
// Rings are cut from their first vertex. Lines with fewer than 2 distinct points are skipped.
std::vector<CoastSegment> cut_coast_segments(const std::vector<Path>& lines, double target_length_m);

// The point at distance `along_m` from the start of `path` (clamped to its ends).
XY point_along(const Path& path, double along_m);

struct ForceArea {
    std::string code;
    std::string name;
    std::vector<Polygon> polygons;
};

// Finds the force area containing a point, or the nearest one within a distance.
class ForceLocator {
public:
    explicit ForceLocator(const std::vector<ForceArea>& forces);
    // Index of the force containing p, else of the nearest within max_distance_m, else -1.
    int locate(XY p, double max_distance_m = kForceSearchM) const;

private:
    struct Part {
        int force;
        const Polygon* polygon;
    };
    std::vector<Part> parts_;
    SpatialIndex index_;
};

// Sets CoastSegment::force from the segment midpoints.
void assign_forces(std::vector<CoastSegment>& segments, const std::vector<ForceArea>& forces);
// Sets CoastSegment::port_distance_m: distance from the segment polyline to the nearest port.
void assign_port_distances(std::vector<CoastSegment>& segments, const std::vector<XY>& ports);

}  // namespace tidemark::geo
