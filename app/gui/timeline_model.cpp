#include "app/gui/timeline_model.h"

#include <algorithm>
#include <cmath>

namespace tidemark::gui {

std::optional<geo::UnixTime> time_of(const layers::Value& v) {
    if (const auto* s = std::get_if<std::string>(&v)) return geo::parse_iso8601(*s);
    return layers::to_number(v);
}

void TimelineModel::load(const layers::Layer& layer) {
    vessels_.clear();
    const int vessel = layer.field_index("vessel"), mmsi = layer.field_index("mmsi"), time = layer.field_index("time");
    if (time < 0) return;
    first_ = INFINITY;
    last_ = -INFINITY;
    for (const auto& f : layer.features) {
        if (f.geometry.points.empty()) continue;
        auto t = time_of(f.values[time]);
        if (!t) continue;
        std::string name = vessel >= 0 ? layers::to_string(f.values[vessel]) : "";
        if (name.empty() && mmsi >= 0) name = "MMSI " + layers::to_string(f.values[mmsi]);
        vessels_[name].push_back({*t, f.geometry.points.front()});
        first_ = std::min(first_, *t);
        last_ = std::max(last_, *t);
    }
    for (auto& [name, pts] : vessels_)
        std::sort(pts.begin(), pts.end(), [](const TimedPoint& a, const TimedPoint& b) { return a.t < b.t; });
    if (vessels_.empty()) first_ = last_ = 0;
}

std::vector<std::string> TimelineModel::vessel_names() const {
    std::vector<std::string> out;
    for (const auto& [name, pts] : vessels_) out.push_back(name);
    return out;
}

const std::vector<TimedPoint>* TimelineModel::fixes_of(const std::string& vessel) const {
    const auto it = vessels_.find(vessel);
    return it == vessels_.end() ? nullptr : &it->second;
}

std::vector<std::pair<geo::UnixTime, geo::UnixTime>> TimelineModel::presence(const std::string& vessel) const {
    std::vector<std::pair<geo::UnixTime, geo::UnixTime>> runs;
    const std::vector<TimedPoint>* pts = fixes_of(vessel);
    if (!pts) return runs;
    for (const TimedPoint& p : *pts) {
        if (!runs.empty() && p.t - runs.back().second <= kPresenceGapS) runs.back().second = p.t;
        else runs.push_back({p.t, p.t});
    }
    return runs;
}

std::vector<TimedPoint> TimelineModel::fixes_between(const std::string& vessel, geo::UnixTime from,
                                                    geo::UnixTime to) const {
    const std::vector<TimedPoint>* found = fixes_of(vessel);
    if (!found) return {};
    const auto& pts = *found;
    auto by_time = [](const TimedPoint& p, double t) { return p.t < t; };
    const auto first = std::lower_bound(pts.begin(), pts.end(), from, by_time);
    const auto last = std::upper_bound(pts.begin(), pts.end(), to, [](double t, const TimedPoint& p) { return t < p.t; });
    return first < last ? std::vector<TimedPoint>(first, last) : std::vector<TimedPoint>{};
}

std::vector<VesselAtTime> TimelineModel::at(geo::UnixTime t, double tail_s, double max_gap_s) const {
    std::vector<VesselAtTime> out;
    for (const auto& [name, pts] : vessels_) {
        auto after = std::upper_bound(pts.begin(), pts.end(), t, [](double v, const TimedPoint& p) { return v < p.t; });
        if (after == pts.begin()) continue;
        const TimedPoint& prev = *(after - 1);
        if (t - prev.t > max_gap_s && (after == pts.end() || after->t - prev.t > max_gap_s)) continue;
        VesselAtTime v;
        v.vessel = name;
        v.position = prev.p;
        geo::XY dir{0, 0};
        if (after != pts.end() && after->t - prev.t <= max_gap_s && after->t > prev.t) {
            const double u = (t - prev.t) / (after->t - prev.t);
            v.position = {prev.p.x + u * (after->p.x - prev.p.x), prev.p.y + u * (after->p.y - prev.p.y)};
            dir = {after->p.x - prev.p.x, after->p.y - prev.p.y};
        } else if (after - 1 != pts.begin()) {
            const TimedPoint& before = *(after - 2);
            dir = {prev.p.x - before.p.x, prev.p.y - before.p.y};
        }
        v.heading_deg = std::fmod(std::atan2(dir.x, dir.y) * 180.0 / M_PI + 360.0, 360.0);
        for (auto it = std::lower_bound(pts.begin(), after, t - tail_s,
                                        [](const TimedPoint& p, double v2) { return p.t < v2; });
             it != after; ++it)
            v.tail.push_back(*it);
        v.tail.push_back({t, v.position});
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace tidemark::gui
