// What `render --time T` shows: where each vessel was at T (interpolated between its
// track points) and which reports had come in by T.
#pragma once

#include "geo/time.h"
#include "layers/layer.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::render {

struct VesselPosition {
    std::string vessel;
    geo::XY p;  // working CRS
};

// Index of the field holding a feature's time: "t", "time", "timestamp", "datetime",
// "reported_at", "observed_at", else the first DateTime field; -1 when none.
int time_field(const layers::Layer& layer);
std::optional<geo::UnixTime> feature_time(const layers::Layer& layer, const layers::Feature& f, int field);

// Positions at `t` from a point layer of fixes with a `vessel` field (and optional `leg`
// field: no interpolation across legs). Linear between the two fixes around t, only when
// they are at most `max_gap_s` apart; vessels with no fix around t are left out.
std::vector<VesselPosition> vessel_positions_at(const layers::Layer& track_points, geo::UnixTime t,
                                                double max_gap_s = 6 * 3600.0);

}  // namespace tidemark::render
