#include "app/render/vessel_positions.h"

#include <algorithm>
#include <map>

namespace tidemark::render {

int time_field(const layers::Layer& layer) {
    for (const char* name : {"t", "time", "timestamp", "datetime", "reported_at", "observed_at"})
        if (int i = layer.field_index(name); i >= 0) return i;
    for (std::size_t i = 0; i < layer.fields.size(); ++i)
        if (layer.fields[i].type == layers::FieldType::DateTime) return static_cast<int>(i);
    return -1;
}

std::optional<geo::UnixTime> feature_time(const layers::Layer& layer, const layers::Feature& f, int field) {
    if (field < 0 || field >= static_cast<int>(f.values.size())) return std::nullopt;
    const layers::Value& v = f.values[field];
    if (layer.fields[field].type != layers::FieldType::DateTime && !std::holds_alternative<std::string>(v))
        return layers::to_number(v);  // numeric times are Unix seconds
    return geo::parse_iso8601(layers::to_string(v));
}

std::vector<VesselPosition> vessel_positions_at(const layers::Layer& points, geo::UnixTime t, double max_gap_s) {
    const int tf = time_field(points);
    const int vf = points.field_index("vessel");
    const int lf = points.field_index("leg");
    if (tf < 0 || points.geometry_kind() != geo::GeometryKind::Point) return {};
    struct Fix { geo::UnixTime t; geo::XY p; std::string leg; };
    std::map<std::string, std::vector<Fix>> by_vessel;
    for (const auto& f : points.features) {
        auto ft = feature_time(points, f, tf);
        if (!ft || f.geometry.points.empty()) continue;
        const std::string vessel = vf >= 0 ? layers::to_string(f.values[vf]) : std::string("vessel");
        by_vessel[vessel].push_back({*ft, f.geometry.points[0], lf >= 0 ? layers::to_string(f.values[lf]) : std::string()});
    }
    std::vector<VesselPosition> out;
    for (auto& [vessel, fixes] : by_vessel) {
        std::sort(fixes.begin(), fixes.end(), [](const Fix& a, const Fix& b) { return a.t < b.t; });
        auto after = std::lower_bound(fixes.begin(), fixes.end(), t, [](const Fix& f, double v) { return f.t < v; });
        if (after != fixes.end() && after->t == t) {
            out.push_back({vessel, after->p});
            continue;
        }
        if (after == fixes.begin() || after == fixes.end()) continue;
        const Fix& a = *(after - 1);
        const Fix& b = *after;
        if (b.t - a.t > max_gap_s || a.leg != b.leg) continue;
        const double k = (t - a.t) / (b.t - a.t);
        out.push_back({vessel, {a.p.x + k * (b.p.x - a.p.x), a.p.y + k * (b.p.y - a.p.y)}});
    }
    return out;
}

}  // namespace tidemark::render
