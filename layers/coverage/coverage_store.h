// Coverage results as layers (`segments`, `gaps`, `force_summary`, with exactly the field names
// of docs/coverage.md), written to a GeoPackage or stored in a workspace; and the coverage
// inputs taken from layers (coastline lines, force areas, port points).
#pragma once

#include <optional>

#include "geo/coast_segments.h"
#include "geo/coverage.h"
#include "geo/crs.h"
#include "geo/gaps.h"
#include "layers/layer.h"

#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace;

inline constexpr const char* kSegmentsLayer = "segments";
inline constexpr const char* kGapsLayer = "gaps";
inline constexpr const char* kForceSummaryLayer = "force_summary";

// What a run was computed with, kept beside its results so maps and panels can say it
// (the time window, the revisit target the legend's ramp is built on).
struct CoverageParameters {
    geo::UnixTime from = 0, to = 0;
    double revisit_s = 0;
    double segment_m = 0;
    std::optional<double> radius_m;  // one range for all tracks, when given
    bool line_of_sight = false;
};

struct CoverageLayers {
    Layer segments;       // role Segments, LineString
    Layer gaps;           // role Gaps, MultiLineString
    Layer force_summary;  // role Table, no geometry
    CoverageParameters parameters;
};

// `observer_names[i]` names track i (vessel names; repeated names are listed once).
CoverageLayers coverage_layers(const std::vector<geo::CoastSegment>& segments, const geo::CoverageResult& coverage,
                               const geo::GapAnalysis& gaps, const std::vector<geo::ForceArea>& forces,
                               const std::vector<std::string>& observer_names);

// Writes the three layers to a new GeoPackage at `path`, atomically.
bool write_coverage_file(const std::string& path, const CoverageLayers& layers, const geo::Crs& crs, std::string* error);
// Puts the three layers into the workspace, replacing earlier results, and records the run's
// window (Workspace::window_from/to) and settings["coverage"] (the caller saves).
void store_coverage(Workspace& ws, CoverageLayers layers);

// Coastline lines: line features as they are, polygon features as their rings (outer and holes).
std::vector<geo::Path> coast_lines(const Layer& coast);
// Force areas from a layer prepared for role Forces (fields `code`, `name`).
std::vector<geo::ForceArea> force_areas(const Layer& forces);
// Every point of a layer (ports).
std::vector<geo::XY> layer_points(const Layer& layer);

}  // namespace tidemark::layers
