// Vessel positions through time, read from any layer of role Tracks (points with `vessel`
// and a time field, ISO 8601 or Unix seconds): position at T by the one rule map exports use
// too (layers/tracks/vessel_positions.h), heading, and the recent tail for drawing. Pure.
#pragma once

#include "geo/geometry.h"
#include "geo/time.h"
#include "layers/layer.h"
#include "layers/tracks/vessel_positions.h"

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
    // Takes fixes already grouped per vessel and time-sorted (layers::fixes_by_vessel of a workspace).
    void load(std::vector<std::pair<std::string, std::vector<layers::TimedFix>>> vessels);
    bool empty() const { return vessels_.empty(); }
    geo::UnixTime first() const { return first_; }
    geo::UnixTime last() const { return last_; }
    std::vector<std::string> vessel_names() const;
    // When `vessel` was transmitting: runs of fixes no more than kPresenceGapS apart (a lone fix
    // is a moment), oldest first; one pass over the vessel's fixes.
    static constexpr double kPresenceGapS = 1800;
    std::vector<std::pair<geo::UnixTime, geo::UnixTime>> presence(const std::string& vessel) const;
    // The fixes of `vessel` with from <= t <= to, oldest first (empty for an unknown vessel).
    std::vector<TimedPoint> fixes_between(const std::string& vessel, geo::UnixTime from, geo::UnixTime to) const;
    // Vessels that have a position at T (layers::position_at); tails reach back `tail_s`.
    std::vector<VesselAtTime> at(geo::UnixTime t, double tail_s, double max_gap_s = layers::kMaxFixGapS) const;

private:
    const std::vector<layers::TimedFix>* fixes_of(const std::string& vessel) const;
    std::vector<std::pair<std::string, std::vector<layers::TimedFix>>> vessels_;  // by name, time-sorted
    geo::UnixTime first_ = 0, last_ = 0;
};

}  // namespace tidemark::gui
