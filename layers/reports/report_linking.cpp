#include "layers/reports/report_linking.h"

#include "geo/observation.h"
#include "layers/tracks/fleet.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

#include <cmath>

namespace tidemark::layers {
namespace {

std::string feature_id(const Layer& layer, const Feature& f) {
    for (const char* name : {"segment_id", "id", "code"})
        if (layer.field_index(name) >= 0) {
            std::string v = to_string(layer.value(f, name));
            if (!v.empty()) return v;
        }
    return std::to_string(f.fid);
}

}  // namespace

std::vector<ReportLink> link_reports(const Workspace& ws, const std::vector<Report>& reports) {
    std::vector<ReportLink> links(reports.size());
    const Layer* coast = ws.find_role(LayerRole::Coastline);
    const Layer* segments = ws.find_role(LayerRole::Segments);
    const Layer* forces = ws.find_role(LayerRole::Forces);
    const Layer* ports = ws.find_role(LayerRole::Ports);
    std::optional<CoastIndex> coast_index;
    if (coast) coast_index.emplace(*coast);
    const double inf = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const geo::XY p = reports[i].position;
        ReportLink& link = links[i];
        if (coast_index && !coast_index->empty()) {
            link.coast_distance_m = coast_index->distance(p);
            link.on_land = coast_index->on_land(p);
        }
        if (segments) {
            const std::int64_t s = segments->nearest(p, inf);
            if (s >= 0) link.coast_segment = feature_id(*segments, segments->features()[s]);
        }
        if (forces) {
            double d = inf;
            const std::int64_t f = forces->nearest(p, inf, &d);
            if (f >= 0) {
                link.force_code = to_string(forces->value(forces->features()[f], "code"));
                link.force_name = to_string(forces->value(forces->features()[f], "name"));
                link.force_nearest = d > 0;
            }
        }
        if (ports) {
            double d = inf;
            const std::int64_t k = ports->nearest(p, inf, &d);
            if (k >= 0) {
                link.port_name = to_string(ports->value(ports->features()[k], "name"));
                link.port_distance_m = d;
            }
        }
    }
    const std::vector<geo::Track> tracks = load_tracks(ws);
    link_watched(links, reports, tracks, patrol_ranges(ws, tracks));
    return links;
}

std::vector<double> patrol_ranges(const Workspace& ws, const std::vector<geo::Track>& tracks) {
    const std::vector<Vessel> fleet = load_fleet(ws);
    std::vector<double> ranges;
    for (const geo::Track& t : tracks) {
        const Vessel* v = find_vessel(fleet, t.mmsi, t.vessel);
        ranges.push_back(v ? sensor_range_m(*v) : 0.0);
    }
    return ranges;
}

void link_watched(std::vector<ReportLink>& links, const std::vector<Report>& reports, const std::vector<geo::Track>& tracks,
                  const std::vector<double>& range_m, double margin_s) {
    if (tracks.empty()) return;
    for (std::size_t i = 0; i < reports.size() && i < links.size(); ++i) {
        const Report& r = reports[i];
        links[i].watched = geo::watched(tracks, range_m, r.position, r.observed_at - margin_s, r.observed_at + margin_s);
    }
}

void add_link_fields(Layer& layer, const std::vector<ReportLink>& links) {
    const int segment = layer.add_field("coast_segment", FieldType::String);
    const int coast_d = layer.add_field("coast_distance_m", FieldType::Real);
    const int land = layer.add_field("on_land", FieldType::Integer);
    const int code = layer.add_field("force_code", FieldType::String);
    const int name = layer.add_field("force_name", FieldType::String);
    const int nearest = layer.add_field("force_nearest", FieldType::Integer);
    const int port = layer.add_field("port_name", FieldType::String);
    const int port_d = layer.add_field("port_distance_m", FieldType::Real);
    const int watched = layer.add_field("watched", FieldType::Integer);
    auto real_or_null = [](double v) { return std::isfinite(v) ? Value(std::round(v * 10) / 10) : Value(); };
    auto text_or_null = [](const std::string& s) { return s.empty() ? Value() : Value(s); };
    for (std::size_t i = 0; i < layer.features().size() && i < links.size(); ++i) {
        Feature& f = layer.features()[i];
        const ReportLink& l = links[i];
        f.values.resize(layer.fields.size());
        f.values[segment] = text_or_null(l.coast_segment);
        f.values[coast_d] = real_or_null(l.coast_distance_m);
        f.values[land] = l.on_land ? Value(std::int64_t{*l.on_land}) : Value();
        f.values[code] = text_or_null(l.force_code);
        f.values[name] = text_or_null(l.force_name);
        f.values[nearest] = l.force_code.empty() && l.force_name.empty() ? Value() : Value(std::int64_t{l.force_nearest});
        f.values[port] = text_or_null(l.port_name);
        f.values[port_d] = real_or_null(l.port_distance_m);
        f.values[watched] = l.watched ? Value(std::int64_t{*l.watched}) : Value();
    }
}

}  // namespace tidemark::layers
