#include "app/gui/timeline_model.h"

#include <algorithm>
#include <cmath>

namespace tidemark::gui {

std::optional<geo::UnixTime> time_of(const layers::Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return geo::parse_iso8601(*s);
    return layers::to_number(v);
}

void TimelineModel::load(const layers::Layer& layer) { load(layers::fixes_by_vessel(layer)); }

void TimelineModel::load(std::vector<std::pair<std::string, std::vector<layers::TimedFix>>> vessels) {
    vessels_ = std::move(vessels);
    first_ = INFINITY;
    last_ = -INFINITY;
    for (const auto& [name, fixes] : vessels_) {
        if (fixes.empty()) continue;
        first_ = std::min(first_, fixes.front().t);
        last_ = std::max(last_, fixes.back().t);
    }
    if (!(last_ >= first_)) first_ = last_ = 0;
}

std::vector<std::string> TimelineModel::vessel_names() const {
    std::vector<std::string> out;
    for (const auto& [name, pts] : vessels_) out.push_back(name);
    return out;
}

const std::vector<layers::TimedFix>* TimelineModel::fixes_of(const std::string& vessel) const {
    const auto it = std::lower_bound(vessels_.begin(), vessels_.end(), vessel,
                                     [](const auto& entry, const std::string& name) { return entry.first < name; });
    return it == vessels_.end() || it->first != vessel ? nullptr : &it->second;
}

std::vector<std::pair<geo::UnixTime, geo::UnixTime>> TimelineModel::presence(const std::string& vessel) const {
    std::vector<std::pair<geo::UnixTime, geo::UnixTime>> runs;
    const std::vector<layers::TimedFix>* fixes = fixes_of(vessel);
    if (!fixes) return runs;
    for (const layers::TimedFix& f : *fixes) {
        if (!runs.empty() && f.t - runs.back().second <= kPresenceGapS) runs.back().second = f.t;
        else runs.push_back({f.t, f.t});
    }
    return runs;
}

std::vector<TimedPoint> TimelineModel::fixes_between(const std::string& vessel, geo::UnixTime from,
                                                    geo::UnixTime to) const {
    std::vector<TimedPoint> out;
    const std::vector<layers::TimedFix>* fixes = fixes_of(vessel);
    if (!fixes) return out;
    auto it = std::lower_bound(fixes->begin(), fixes->end(), from, [](const layers::TimedFix& f, double t) { return f.t < t; });
    for (; it != fixes->end() && it->t <= to; ++it) out.push_back({it->t, it->p});
    return out;
}

std::vector<VesselAtTime> TimelineModel::at(geo::UnixTime t, double tail_s, double max_gap_s) const {
    std::vector<VesselAtTime> out;
    for (const auto& [name, pts] : vessels_) {
        std::size_t next = 0;
        const auto position = layers::position_at(pts, t, max_gap_s, &next);
        if (!position) continue;
        VesselAtTime v;
        v.vessel = name;
        v.position = *position;
        // Heading: along the leg T lies on, else (at a fix) from the fix before.
        geo::XY dir{0, 0};
        if (next < pts.size() && next > 0) dir = {pts[next].p.x - pts[next - 1].p.x, pts[next].p.y - pts[next - 1].p.y};
        else if (next >= 2) dir = {pts[next - 1].p.x - pts[next - 2].p.x, pts[next - 1].p.y - pts[next - 2].p.y};
        v.heading_deg = std::fmod(std::atan2(dir.x, dir.y) * 180.0 / M_PI + 360.0, 360.0);
        const auto end = pts.begin() + static_cast<std::ptrdiff_t>(next);
        for (auto it = std::lower_bound(pts.begin(), end, t - tail_s, [](const layers::TimedFix& p, double v2) { return p.t < v2; });
             it != end; ++it)
            v.tail.push_back({it->t, it->p});
        v.tail.push_back({t, v.position});
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace tidemark::gui
