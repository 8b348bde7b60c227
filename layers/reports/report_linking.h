// Ties each report to the coast, the police force, the nearest port and the patrol picture.
#pragma once

#include "layers/coast_index.h"
#include "geo/track.h"
#include "layers/layer.h"
#include "layers/reports/reports.h"

#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

inline constexpr double kUnknownDistance = std::numeric_limits<double>::quiet_NaN();

struct ReportLink {
    std::string coast_segment;                   // nearest Segments-layer feature's id; "" without one
    double coast_distance_m = kUnknownDistance;  // to the coastline
    std::optional<bool> on_land;                 // nullopt when the coastline has only lines
    std::string force_code, force_name;          // containing force area, else the nearest one
    bool force_nearest = false;                  // true when offshore: the nearest force, not a containing one
    std::string port_name;
    double port_distance_m = kUnknownDistance;
    std::optional<bool> watched;                 // nullopt until patrol tracks are linked
};

// Coast, force and port links from the workspace's Coastline, Segments, Forces and Ports
// layers, and `watched` from its patrol tracks and fleet register (each optional: missing
// layers leave their fields unknown).
std::vector<ReportLink> link_reports(const Workspace& ws, const std::vector<Report>& reports);

// `watched` for each report: whether any track i had it within range_m[i] between
// observed_at - margin and observed_at + margin (geo::watched, the coverage engine's model).
// Leaves `watched` unknown when there are no tracks.
void link_watched(std::vector<ReportLink>& links, const std::vector<Report>& reports, const std::vector<geo::Track>& tracks,
                  const std::vector<double>& range_m, double margin_s = 3600);

// Sensor range of each track's vessel from the workspace fleet register (radar horizon for a
// 1 m target, capped by the vessel's radar range); 0 (never watches) for a vessel not in it.
std::vector<double> patrol_ranges(const Workspace& ws, const std::vector<geo::Track>& tracks);

// Adds the link columns (coast_segment, coast_distance_m, on_land, force_code, force_name,
// port_name, port_distance_m, watched) to the stored reports layer, feature i <-> links[i].
void add_link_fields(Layer& reports_layer, const std::vector<ReportLink>& links);

}  // namespace tidemark::layers
