#include "layers/tracks/vessel_positions.h"

#include <algorithm>
#include <map>

namespace tidemark::layers {

int time_field(const Layer& layer) {
    for (const char* name : {"t", "time", "timestamp", "datetime", "reported_at", "observed_at"})
        if (int i = layer.field_index(name); i >= 0) return i;
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].type == FieldType::DateTime) return static_cast<int>(i);
    return -1;
}

std::optional<geo::UnixTime> feature_time(const Layer& layer, const Feature& f, int field) {
    if (field < 0 || field >= static_cast<int>(f.values.size())) return std::nullopt;
    const Value& v = f.values[field];
    if (layer.fields[field].type != FieldType::DateTime && !std::holds_alternative<std::string>(v))
        return to_number(v);  // numeric times are Unix seconds
    return geo::parse_iso8601(to_string(v));
}

std::string vessel_of(const Layer& layer, const Feature& f) {
    const std::string name = to_string(layer.value(f, "vessel"));
    if (!name.empty()) return name;
    const std::string mmsi = to_string(layer.value(f, "mmsi"));
    return mmsi.empty() ? "vessel" : "MMSI " + mmsi;
}

std::vector<std::pair<std::string, std::vector<TimedFix>>> fixes_by_vessel(const Layer& points) {
    const int tf = time_field(points);
    const int lf = points.field_index("leg");
    std::map<std::string, std::vector<TimedFix>> by_vessel;
    if (tf < 0) return {};
    for (const auto& f : points.features()) {
        auto ft = feature_time(points, f, tf);
        if (!ft || f.geometry.points.empty()) continue;
        by_vessel[vessel_of(points, f)].push_back(
            {*ft, f.geometry.points[0], lf >= 0 && lf < static_cast<int>(f.values.size()) ? to_string(f.values[lf]) : std::string()});
    }
    std::vector<std::pair<std::string, std::vector<TimedFix>>> out;
    for (auto& [vessel, fixes] : by_vessel) {
        std::stable_sort(fixes.begin(), fixes.end(), [](const TimedFix& a, const TimedFix& b) { return a.t < b.t; });
        out.emplace_back(vessel, std::move(fixes));
    }
    return out;
}

std::optional<geo::XY> position_at(const std::vector<TimedFix>& fixes, geo::UnixTime t, double max_gap_s, std::size_t* after_out) {
    const auto after = std::upper_bound(fixes.begin(), fixes.end(), t, [](double v, const TimedFix& f) { return v < f.t; });
    if (after_out) *after_out = static_cast<std::size_t>(after - fixes.begin());
    if (after == fixes.begin()) return std::nullopt;  // before the first fix
    const TimedFix& a = *(after - 1);
    if (a.t == t) return a.p;
    if (after == fixes.end()) return std::nullopt;  // after the last fix
    const TimedFix& b = *after;
    if (b.t - a.t > max_gap_s || a.leg != b.leg) return std::nullopt;
    const double k = (t - a.t) / (b.t - a.t);
    return geo::XY{a.p.x + k * (b.p.x - a.p.x), a.p.y + k * (b.p.y - a.p.y)};
}

std::vector<VesselPosition> vessel_positions_at(const Layer& points, geo::UnixTime t, double max_gap_s) {
    if (points.geometry_kind() != geo::GeometryKind::Point) return {};
    std::vector<VesselPosition> out;
    for (const auto& [vessel, fixes] : fixes_by_vessel(points))
        if (auto p = position_at(fixes, t, max_gap_s)) out.push_back({vessel, *p});
    return out;
}

}  // namespace tidemark::layers
