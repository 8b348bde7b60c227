#include "layers/track_io.h"
#include "layers/track_problem.h"

#include "geo/track_builder.h"
#include "layers/ais_log.h"
#include "layers/ais_positions.h"
#include "layers/csv_text.h"
#include "layers/line_reader.h"
#include "layers/track_csv.h"
#include "layers/track_gpx.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProblemsPerReason = 20;  // individual reports per reason; the rest are counted

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string detect_format(const std::string& path, std::string_view head) {
    std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".gpx") return "gpx";
    if (ext == ".nmea" || ext == ".ais" || ext == ".aivdm" || ext == ".log") return "ais";
    if (head.find("!AIVDM") != std::string_view::npos || head.find("!AIVDO") != std::string_view::npos ||
        head.find("VDM,") != std::string_view::npos)
        return "ais";
    if (head.find("<gpx") != std::string_view::npos) return "gpx";
    return "csv";
}

// Marked synthetic by name (synthetic_*) or by the word "synthetic" in a leading comment.
bool looks_synthetic(const std::string& path, std::string_view text) {
    if (lower(std::filesystem::path(path).filename().string()).rfind("synthetic", 0) == 0) return true;
    std::string_view first = text.substr(0, text.find('\n'));
    return !first.empty() && first[0] == '#' && lower(std::string(first)).find("synthetic") != std::string::npos;
}

struct Projector {
    geo::Transformer t;
    bool ok(geo::XY p) const { return std::isfinite(p.x) && std::isfinite(p.y); }
};

// ---- AIS ----------------------------------------------------------------------------------

void read_ais(const std::string& path, LineReader& text, Projector& proj, std::vector<geo::PositionReport>& out,
              TrackReadResult& r) {
    ais::LogStats stats;
    AisPositions positions(proj.t, path);
    ais::scan_log(
        text, stats, [&](const ais::Message& m, const ais::Assembled& a) { positions.message(m, a); },
        [&](long line, ais::LineOutcome o, const char* reason) { positions.reject(line, o, reason); });
    positions.name_vessels();
    geo::Problems problems = positions.problems();
    r.problems.insert(r.problems.end(), problems.begin(), problems.end());
    out = std::move(positions.reports);
}

}  // namespace

TrackReadResult read_tracks(const std::string& path, const geo::Crs& working, const TrackReadOptions& o) {
    TrackReadResult r;
    // AIS logs are streamed (any size, possibly changing while read); CSV is read whole; GDAL reads GPX.
    LineReader file;
    if (!file.open(path, &r.error)) return r;
    const std::string head = file.head(4096);
    std::string format = o.format.empty() ? detect_format(path, head) : lower(o.format);
    if (format != "ais" && format != "gpx" && format != "csv") {
        r.error = "unknown track format '" + o.format + "'; expected ais, gpx or csv";
        return r;
    }
    r.ok = true;
    Projector proj{geo::Transformer(geo::Crs::wgs84(), working)};
    std::vector<geo::PositionReport> reports;
    std::string fault;
    if (format == "ais") {
        read_ais(path, file, proj, reports, r);
        fault = file.fault();
    } else if (format == "gpx") {
        if (!read_gpx_positions(path, proj.t, reports, r.problems, &r.error)) r.ok = false;
    } else {
        auto text = read_text_file(path, &r.error, &fault);
        if (!text) {
            r.ok = false;
            return r;
        }
        CsvPositions csv = read_csv_positions(path, *text, working, proj.t, o.columns);
        r.problems.insert(r.problems.end(), csv.problems.begin(), csv.problems.end());
        if (!csv.ok) {
            r.ok = false;
            r.error = csv.error;
            return r;
        }
        reports = std::move(csv.reports);
    }
    if (!r.ok) return r;
    if (!fault.empty()) r.problems.push_back(track_problem(path, 0, fault, geo::Problem::Severity::Error));
    geo::TrackBuildOptions bo;
    bo.max_gap_s = o.max_gap_s;
    bo.max_speed_kn = o.max_speed_kn;
    bo.source = path;
    bo.synthetic = looks_synthetic(path, head);
    r.tracks = geo::build_tracks(std::move(reports), bo, r.problems);
    return r;
}

// ---- workspace ----------------------------------------------------------------------------

void store_tracks(Workspace& ws, const std::vector<geo::Track>& tracks) {
    Layer points;
    points.name = kTrackPointsLayer;
    points.role = LayerRole::Tracks;
    points.source = "tidemark tracks";
    points.fields = {{"vessel", FieldType::String},   {"mmsi", FieldType::Integer},    {"time", FieldType::DateTime},
                     {"unix_time", FieldType::Real},  {"speed_kn", FieldType::Real},   {"course_deg", FieldType::Real},
                     {"leg", FieldType::Integer},     {"planned", FieldType::Integer}, {"synthetic", FieldType::Integer}};
    Layer legs;
    legs.name = kTrackLegsLayer;
    legs.role = LayerRole::TrackLegs;
    legs.source = "tidemark tracks";
    legs.fields = {{"vessel", FieldType::String}, {"mmsi", FieldType::Integer},    {"leg", FieldType::Integer},
                   {"start", FieldType::DateTime}, {"end", FieldType::DateTime},   {"fixes", FieldType::Integer},
                   {"planned", FieldType::Integer}, {"synthetic", FieldType::Integer}};
    std::int64_t pid = 1, lid = 1;
    for (const geo::Track& t : tracks) {
        Value mmsi;  // null when unknown
        if (t.mmsi) mmsi.emplace<std::int64_t>(t.mmsi);
        for (std::size_t li = 0; li < t.legs.size(); ++li) {
            const auto& fixes = t.legs[li].fixes;
            if (fixes.empty()) continue;
            Feature lf;
            lf.fid = lid++;
            lf.geometry.kind = geo::GeometryKind::Line;
            geo::Path path;
            for (const geo::Fix& f : fixes) {
                path.push_back(f.p);
                Feature pf;
                pf.fid = pid++;
                pf.geometry.kind = geo::GeometryKind::Point;
                pf.geometry.points.push_back(f.p);
                pf.values = {t.vessel,
                             mmsi,
                             geo::format_iso8601(f.t),
                             f.t,
                             f.speed_kn >= 0 ? Value(f.speed_kn) : Value(),
                             f.course_deg >= 0 ? Value(f.course_deg) : Value(),
                             static_cast<std::int64_t>(li),
                             static_cast<std::int64_t>(t.planned),
                             static_cast<std::int64_t>(t.synthetic)};
                points.features.push_back(std::move(pf));
            }
            if (path.size() == 1) path.push_back(path.front());  // a one-fix leg still draws as a (zero-length) line
            lf.geometry.lines.push_back(std::move(path));
            lf.values = {t.vessel,
                         mmsi,
                         static_cast<std::int64_t>(li),
                         geo::format_iso8601(fixes.front().t),
                         geo::format_iso8601(fixes.back().t),
                         static_cast<std::int64_t>(fixes.size()),
                         static_cast<std::int64_t>(t.planned),
                         static_cast<std::int64_t>(t.synthetic)};
            legs.features.push_back(std::move(lf));
        }
    }
    ws.put(std::move(points));
    ws.put(std::move(legs));
}

std::vector<geo::Track> load_tracks(const Workspace& ws) {
    std::vector<geo::Track> out;
    const Layer* pts = ws.find(kTrackPointsLayer);
    if (!pts) return out;
    std::map<std::pair<std::string, bool>, std::size_t> index;  // (vessel, planned) -> track
    int f_vessel = pts->field_index("vessel"), f_mmsi = pts->field_index("mmsi"), f_time = pts->field_index("time"),
        f_unix = pts->field_index("unix_time"), f_speed = pts->field_index("speed_kn"),
        f_course = pts->field_index("course_deg"), f_leg = pts->field_index("leg"), f_planned = pts->field_index("planned"),
        f_synth = pts->field_index("synthetic");
    auto val = [](const Feature& f, int i) -> const Value& {
        static const Value null_value;
        return i >= 0 && i < static_cast<int>(f.values.size()) ? f.values[i] : null_value;
    };
    struct Pending {
        long long leg;
        geo::Fix fix;
    };
    auto pending = [&](const Feature& f) {
        Pending p;
        p.leg = static_cast<long long>(to_number(val(f, f_leg)).value_or(0));
        p.fix.p = f.geometry.points.front();
        if (auto u = to_number(val(f, f_unix))) p.fix.t = *u;
        else p.fix.t = geo::parse_iso8601(to_string(val(f, f_time))).value_or(0);
        p.fix.speed_kn = to_number(val(f, f_speed)).value_or(-1);
        p.fix.course_deg = to_number(val(f, f_course)).value_or(-1);
        return p;
    };
    std::vector<std::vector<Pending>> fixes;
    // Rows come in runs of one vessel's fixes: the previous row's track is reused without
    // building the name or searching the index (most of the read time on millions of rows).
    const Value* last_vessel = nullptr;
    bool last_planned = false;
    std::size_t last_track = 0;
    for (const Feature& f : pts->features) {
        if (f.geometry.points.empty()) continue;
        const Value& vessel_value = val(f, f_vessel);
        const bool planned = to_number(val(f, f_planned)).value_or(0) != 0;
        if (last_vessel && planned == last_planned && vessel_value == *last_vessel) {
            fixes[last_track].push_back(pending(f));
            continue;
        }
        std::string vessel = to_string(vessel_value);
        auto [it, added] = index.try_emplace({vessel, planned}, out.size());
        last_vessel = &vessel_value;
        last_planned = planned;
        last_track = it->second;
        if (added) {
            geo::Track t;
            t.vessel = vessel;
            t.mmsi = static_cast<std::uint32_t>(to_number(val(f, f_mmsi)).value_or(0));
            t.planned = planned;
            t.synthetic = to_number(val(f, f_synth)).value_or(0) != 0;
            out.push_back(std::move(t));
            fixes.emplace_back();
        }
        fixes[it->second].push_back(pending(f));
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& list = fixes[i];
        auto in_order = [](const Pending& a, const Pending& b) { return a.leg != b.leg ? a.leg < b.leg : a.fix.t < b.fix.t; };
        // Stored tracks come back in order: checking is a pass, sorting a copy of millions of fixes.
        if (!std::is_sorted(list.begin(), list.end(), in_order)) std::stable_sort(list.begin(), list.end(), in_order);
        for (std::size_t a = 0; a < list.size();) {
            std::size_t b = a;
            while (b < list.size() && list[b].leg == list[a].leg) ++b;
            std::vector<geo::Fix>& leg = out[i].legs.emplace_back().fixes;
            leg.reserve(b - a);
            for (; a < b; ++a) leg.push_back(list[a].fix);
        }
    }
    return out;
}

}  // namespace tidemark::layers
