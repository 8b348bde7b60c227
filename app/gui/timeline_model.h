// Vessel positions through time, read from any layer of role Tracks (points with `vessel`
// and `time` fields, ISO 8601 or Unix seconds): position and heading at T by linear
// interpolation between the fixes around T, and the recent tail for drawing. Pure.
#pragma once

#include "geo/geometry.h"
#include "geo/time.h"
#include "layers/layer.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

struct TimedPoint {
    geo::UnixTime t = 0;
    geo::XY p;
};

struct VesselAtTime {
    std::string vessel;
    geo::XY position;
    double heading_deg = 0;  // clockwise from grid north
    std::vector<TimedPoint> tail;  // oldest first, ending at `position`
};

// Reads a time field value: ISO 8601 text or a number of Unix seconds.
std::optional<geo::UnixTime> time_of(const layers::Value& v);

class TimelineModel {
public:
    // Collects fixes per vessel from `layer` (role Tracks); fixes without time are skipped.
    void load(const layers::Layer& layer);
    bool empty() const { return vessels_.empty(); }
    geo::UnixTime first() const { return first_; }
    geo::UnixTime last() const { return last_; }
    std::vector<std::string> vessel_names() const;
    // When `vessel` was transmitting: runs of fixes no more than kPresenceGapS apart (a lone fix
    // is a moment), oldest first; one pass over the vessel's fixes.
    static constexpr double kPresenceGapS = 1800;
    const std::vector<TimedPoint>* fixes_of(const std::string& vessel) const;
    std::vector<std::pair<geo::UnixTime, geo::UnixTime>> presence(const std::string& vessel) const;
    // The fixes of `vessel` with from <= t <= to, oldest first (empty for an unknown vessel).
    std::vector<TimedPoint> fixes_between(const std::string& vessel, geo::UnixTime from, geo::UnixTime to) const;
    // Vessels with a fix at or before T and after T - max_gap_s (no stale positions).
    std::vector<VesselAtTime> at(geo::UnixTime t, double tail_s, double max_gap_s = 3600) const;

private:
    std::map<std::string, std::vector<TimedPoint>> vessels_;  // time-sorted
    geo::UnixTime first_ = 0, last_ = 0;
};

}  // namespace tidemark::gui
