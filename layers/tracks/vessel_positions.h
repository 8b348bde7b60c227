// Where each vessel was at a time T: the one rule the desktop map and map exports share.
// Linear between the two fixes around T, only when they are at most `max_gap_s` apart and on
// the same leg; a fix exactly at T is taken as it is; before the first or after the last fix
// a vessel has no position (it is not drawn rather than drawn where it no longer is).
#pragma once

#include "geo/geometry.h"
#include "geo/time.h"
#include "layers/layer.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

inline constexpr double kMaxFixGapS = 6 * 3600.0;  // longer silences are not interpolated across

struct TimedFix {
    geo::UnixTime t = 0;
    geo::XY p;
    std::string leg;  // "" when the layer has no `leg` field
};

struct VesselPosition {
    std::string vessel;
    geo::XY p;  // working CRS
};

// Index of the field holding a feature's time: "t", "time", "timestamp", "datetime",
// "reported_at", "observed_at", else the first DateTime field; -1 when none.
int time_field(const Layer& layer);
std::optional<geo::UnixTime> feature_time(const Layer& layer, const Feature& f, int field);

// The vessel a fix belongs to: its `vessel` field, else "MMSI <mmsi>", else "vessel".
std::string vessel_of(const Layer& layer, const Feature& f);

// Fixes per vessel name, time-sorted, from a point layer of fixes (role Tracks); fixes
// without a readable time are skipped.
std::vector<std::pair<std::string, std::vector<TimedFix>>> fixes_by_vessel(const Layer& track_points);

// The rule above on one vessel's time-sorted fixes; `after` receives the index of the first
// fix later than t (fixes.size() when none), for callers that also want a heading or a tail.
std::optional<geo::XY> position_at(const std::vector<TimedFix>& fixes, geo::UnixTime t, double max_gap_s = kMaxFixGapS,
                                   std::size_t* after = nullptr);

// Positions at `t` of every vessel in a point layer of fixes; vessels with no position are left out.
std::vector<VesselPosition> vessel_positions_at(const Layer& track_points, geo::UnixTime t, double max_gap_s = kMaxFixGapS);

}  // namespace tidemark::layers
