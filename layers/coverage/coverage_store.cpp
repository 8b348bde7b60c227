#include "layers/coverage/coverage_store.h"

#include "layers/io/ogr_writer.h"
#include "layers/coverage/sightings_text.h"
#include "layers/workspace.h"

#include <algorithm>

namespace tidemark::layers {
namespace {

Value optional_time(const std::optional<geo::UnixTime>& t) {
    if (!t) return std::monostate{};
    return geo::format_iso8601(*t);
}

Value text_or_null(const std::string& s) {
    if (s.empty()) return std::monostate{};
    return s;
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (const auto& item : items) s += (s.empty() ? "" : sep) + item;
    return s;
}

// Consecutive segment polylines of a gap joined where one ends where the next begins.
std::vector<geo::Path> gap_lines(const std::vector<geo::CoastSegment>& segments, const geo::Gap& gap) {
    std::vector<geo::Path> lines;
    for (std::uint32_t s : gap.segments) {
        const geo::Path& p = segments[s].path;
        if (!lines.empty() && lines.back().back() == p.front())
            lines.back().insert(lines.back().end(), p.begin() + 1, p.end());
        else
            lines.push_back(p);
    }
    return lines;
}

Layer segments_layer(const std::vector<geo::CoastSegment>& segments, const geo::CoverageResult& coverage,
                     const std::vector<geo::ForceArea>& forces, const std::vector<std::string>& observer_names) {
    Layer l;
    l.name = kSegmentsLayer;
    l.role = LayerRole::Segments;
    l.empty_kind = geo::GeometryKind::Line;
    l.fields = {{"segment_id", FieldType::Integer}, {"line_id", FieldType::Integer},  {"force_code", FieldType::String},
                {"force_name", FieldType::String},  {"length_m", FieldType::Real},    {"observed_s", FieldType::Real},
                {"visits", FieldType::Integer},     {"max_gap_s", FieldType::Real},   {"first_seen", FieldType::DateTime},
                {"last_seen", FieldType::DateTime}, {"observers", FieldType::String},  {"sightings", FieldType::String}};
    l.features().reserve(segments.size());
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const geo::CoastSegment& s = segments[i];
        const geo::SegmentCoverage& c = coverage.segments[i];
        std::vector<std::string> names;
        std::vector<std::uint32_t> name_of_track(observer_names.size(), 0);  // into `names`
        for (std::uint32_t t : c.observers) {
            if (t >= observer_names.size()) continue;
            auto it = std::find(names.begin(), names.end(), observer_names[t]);
            name_of_track[t] = static_cast<std::uint32_t>(it - names.begin());
            if (it == names.end()) names.push_back(observer_names[t]);
        }
        Feature f;
        f.fid = static_cast<std::int64_t>(s.id);
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = {s.path};
        const bool has_force = s.force >= 0 && static_cast<std::size_t>(s.force) < forces.size();
        f.values = {static_cast<std::int64_t>(s.id),
                    static_cast<std::int64_t>(s.line_id),
                    has_force ? text_or_null(forces[s.force].code) : Value{},
                    has_force ? text_or_null(forces[s.force].name) : Value{},
                    s.length_m,
                    c.observed_s,
                    static_cast<std::int64_t>(c.visits),
                    c.max_gap_s,
                    optional_time(c.first_seen),
                    optional_time(c.last_seen),
                    text_or_null(joined(names, "; ")),
                    text_or_null(format_sightings(c.sightings, name_of_track))};
        l.features().push_back(std::move(f));
    }
    return l;
}

Layer gaps_layer(const std::vector<geo::CoastSegment>& segments, const geo::GapAnalysis& analysis,
                 const std::vector<geo::ForceArea>& forces) {
    Layer l;
    l.name = kGapsLayer;
    l.role = LayerRole::Gaps;
    l.force_multi = true;
    l.empty_kind = geo::GeometryKind::Line;
    l.fields = {{"gap_id", FieldType::Integer},  {"force_codes", FieldType::String}, {"length_m", FieldType::Real},
                {"worst_gap_s", FieldType::Real}, {"segments", FieldType::Integer},   {"reports", FieldType::Real},
                {"ports", FieldType::Integer},    {"risk", FieldType::Real}};
    for (const geo::Gap& g : analysis.gaps) {
        std::vector<std::string> codes;
        for (int f : g.forces)
            if (f >= 0 && static_cast<std::size_t>(f) < forces.size()) codes.push_back(forces[f].code);
        Feature f;
        f.fid = g.id;
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = gap_lines(segments, g);
        f.values = {static_cast<std::int64_t>(g.id),        text_or_null(joined(codes, ",")), g.length_m, g.worst_gap_s,
                    static_cast<std::int64_t>(g.segments.size()), g.reports, static_cast<std::int64_t>(g.ports), g.risk};
        l.features().push_back(std::move(f));
    }
    return l;
}

Layer force_summary_layer(const geo::GapAnalysis& analysis, const std::vector<geo::ForceArea>& forces) {
    Layer l;
    l.name = kForceSummaryLayer;
    l.role = LayerRole::Table;
    l.fields = {{"force_code", FieldType::String}, {"force_name", FieldType::String},   {"coast_km", FieldType::Real},
                {"covered_km", FieldType::Real},   {"covered_pct", FieldType::Real},    {"longest_gap_km", FieldType::Real},
                {"reports", FieldType::Real},      {"reports_in_gaps", FieldType::Real}};
    std::int64_t fid = 0;
    for (const geo::ForceSummary& r : analysis.forces) {
        const bool has_force = r.force >= 0 && static_cast<std::size_t>(r.force) < forces.size();
        Feature f;
        f.fid = ++fid;
        f.values = {has_force ? text_or_null(forces[r.force].code) : Value{},
                    has_force ? Value{forces[r.force].name} : Value{std::string("(no force area)")},
                    r.coast_km, r.covered_km, r.covered_pct, r.longest_gap_km, r.reports, r.reports_in_gaps};
        l.features().push_back(std::move(f));
    }
    return l;
}

}  // namespace

CoverageLayers coverage_layers(const std::vector<geo::CoastSegment>& segments, const geo::CoverageResult& coverage,
                               const geo::GapAnalysis& gaps, const std::vector<geo::ForceArea>& forces,
                               const std::vector<std::string>& observer_names) {
    return {segments_layer(segments, coverage, forces, observer_names), gaps_layer(segments, gaps, forces),
            force_summary_layer(gaps, forces)};
}

bool write_coverage_file(const std::string& path, const CoverageLayers& layers, const geo::Crs& crs, std::string* error) {
    return write_file_atomically(path, "GPKG", [&](GDALDataset& ds, std::string* err) {
        return write_layer(ds, layers.segments, crs, err) && write_layer(ds, layers.gaps, crs, err) &&
               write_layer(ds, layers.force_summary, crs, err);
    }, error);
}

void store_coverage(Workspace& ws, CoverageLayers layers) {
    const CoverageParameters& p = layers.parameters;
    ws.window_from = p.from;
    ws.window_to = p.to;
    nlohmann::json run = {{"from", geo::format_iso8601(p.from)}, {"to", geo::format_iso8601(p.to)},
                          {"revisit_target_h", p.revisit_s / 3600}, {"segment_m", p.segment_m},
                          {"line_of_sight", p.line_of_sight}};
    if (p.radius_m) run["radius_nm"] = *p.radius_m / 1852.0;
    ws.settings["coverage"] = run;
    ws.put(std::move(layers.segments));
    ws.put(std::move(layers.gaps));
    ws.put(std::move(layers.force_summary));
}

std::vector<geo::Path> coast_lines(const Layer& coast) {
    std::vector<geo::Path> lines;
    for (const Feature& f : coast.features()) {
        for (const geo::Path& line : f.geometry.lines) lines.push_back(line);
        for (const geo::Path& ring : geo::boundaries(geo::Geometry{geo::GeometryKind::Polygon, {}, {}, f.geometry.polygons}))
            lines.push_back(ring);
    }
    return lines;
}

std::vector<geo::ForceArea> force_areas(const Layer& forces) {
    std::vector<geo::ForceArea> out;
    for (const Feature& f : forces.features()) {
        if (f.geometry.polygons.empty()) continue;
        out.push_back({to_string(forces.value(f, "code")), to_string(forces.value(f, "name")), f.geometry.polygons});
    }
    return out;
}

std::vector<geo::XY> layer_points(const Layer& layer) {
    std::vector<geo::XY> out;
    for (const Feature& f : layer.features()) out.insert(out.end(), f.geometry.points.begin(), f.geometry.points.end());
    return out;
}

}  // namespace tidemark::layers
