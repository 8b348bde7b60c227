#include "layers/tracks/track_store.h"

#include "layers/tracks/track_pack.h"
#include "layers/workspace.h"
#include "layers/workspace_damage.h"

#include <algorithm>
#include <map>

namespace tidemark::layers {
namespace {

const std::vector<Field>& leg_fields() {
    static const std::vector<Field> fields = {
        {"vessel", FieldType::String},    {"mmsi", FieldType::Integer},     {"leg", FieldType::Integer},
        {"start", FieldType::DateTime},   {"end", FieldType::DateTime},     {"fixes", FieldType::Integer},
        {"planned", FieldType::Integer},  {"synthetic", FieldType::Integer}, {kFixTimesField, FieldType::String},
        {kFixSpeedsField, FieldType::String}, {kFixCoursesField, FieldType::String}};
    return fields;
}

// Speeds or courses of a leg: NULL when none is known (most CSV and GPX tracks), else packed.
Value packed_or_null(const std::vector<double>& values) {
    if (std::none_of(values.begin(), values.end(), [](double v) { return v >= 0; })) return {};
    return pack_numbers(values, true);
}

bool flag(const Layer& l, const Feature& f, const char* field) {
    return to_number(l.value(f, field)).value_or(0) != 0;
}

// A point layer of fixes, one row each (the old layout, or a layer of role Tracks added by hand).
const Layer* fix_points(const Workspace& ws) {
    if (const Layer* old = ws.find(kTrackPointsLayer); old && old->geometry_kind() == geo::GeometryKind::Point) return old;
    for (const Layer& l : ws.layers)
        if (l.role == LayerRole::Tracks && l.geometry_kind() == geo::GeometryKind::Point) return &l;
    return nullptr;
}

// Tracks from one row per fix. Rows come in runs of one vessel's fixes: the previous row's track
// is reused without building the name or searching the index (most of the time on millions of rows).
std::vector<geo::Track> tracks_from_points(const Layer& pts) {
    std::vector<geo::Track> out;
    std::map<std::pair<std::string, bool>, std::size_t> index;  // (vessel, planned) -> track
    // Times from unix_time (exact) where it is set, else the ISO `time` (or another time field).
    const int f_vessel = pts.field_index("vessel"), f_unix = pts.field_index("unix_time"), f_time = time_field(pts),
              f_speed = pts.field_index("speed_kn"),
              f_course = pts.field_index("course_deg"), f_leg = pts.field_index("leg"), f_planned = pts.field_index("planned");
    auto val = [](const Feature& f, int i) -> const Value& {
        static const Value null_value;
        return i >= 0 && i < static_cast<int>(f.values.size()) ? f.values[i] : null_value;
    };
    struct Pending {
        long long leg;
        geo::Fix fix;
    };
    auto pending = [&](const Feature& f, geo::UnixTime t) {
        Pending p;
        p.leg = static_cast<long long>(to_number(val(f, f_leg)).value_or(0));
        p.fix.p = f.geometry.points.front();
        p.fix.t = t;
        p.fix.speed_kn = to_number(val(f, f_speed)).value_or(-1);
        p.fix.course_deg = to_number(val(f, f_course)).value_or(-1);
        return p;
    };
    std::vector<std::vector<Pending>> fixes;
    const Value* last_vessel = nullptr;
    bool last_planned = false;
    std::size_t last_track = 0;
    for (const Feature& f : pts.features()) {
        auto t = f_unix >= 0 ? to_number(val(f, f_unix)) : std::nullopt;
        if (!t) t = feature_time(pts, f, f_time);
        if (f.geometry.points.empty() || !t) continue;  // a fix needs a place and a time (find_damage names it)
        const Value& vessel_value = val(f, f_vessel);
        const bool planned = to_number(val(f, f_planned)).value_or(0) != 0;
        if (last_vessel && planned == last_planned && vessel_value == *last_vessel) {
            fixes[last_track].push_back(pending(f, *t));
            continue;
        }
        std::string vessel = vessel_of(pts, f);
        auto [it, added] = index.try_emplace({vessel, planned}, out.size());
        last_vessel = &vessel_value;
        last_planned = planned;
        last_track = it->second;
        if (added) {
            geo::Track t;
            t.vessel = vessel;
            t.mmsi = static_cast<std::uint32_t>(to_number(pts.value(f, "mmsi")).value_or(0));
            t.planned = planned;
            t.synthetic = flag(pts, f, "synthetic");
            out.push_back(std::move(t));
            fixes.emplace_back();
        }
        fixes[it->second].push_back(pending(f, *t));
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& list = fixes[i];
        auto in_order = [](const Pending& a, const Pending& b) { return a.leg != b.leg ? a.leg < b.leg : a.fix.t < b.fix.t; };
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

}  // namespace

void store_tracks(Workspace& ws, const std::vector<geo::Track>& tracks) {
    Layer legs;
    legs.name = kTrackLegsLayer;
    legs.role = LayerRole::TrackLegs;
    legs.source = "tidemark tracks";
    legs.fields = leg_fields();
    std::int64_t fid = 1;
    std::vector<double> times, speeds, courses;
    for (const geo::Track& t : tracks) {
        Value mmsi;  // null when unknown
        if (t.mmsi) mmsi.emplace<std::int64_t>(t.mmsi);
        for (std::size_t li = 0; li < t.legs.size(); ++li) {
            const auto& fixes = t.legs[li].fixes;
            if (fixes.empty()) continue;
            Feature lf;
            lf.fid = fid++;
            lf.geometry.kind = geo::GeometryKind::Line;
            geo::Path path;
            path.reserve(fixes.size() + 1);
            times.clear();
            speeds.clear();
            courses.clear();
            for (const geo::Fix& f : fixes) {
                path.push_back(f.p);
                times.push_back(f.t);
                speeds.push_back(f.speed_kn);
                courses.push_back(f.course_deg);
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
                         static_cast<std::int64_t>(t.synthetic),
                         pack_numbers(times, false),
                         packed_or_null(speeds),
                         packed_or_null(courses)};
            legs.features().push_back(std::move(lf));
        }
    }
    ws.remove(kTrackPointsLayer);
    ws.put(std::move(legs));
}

bool has_packed_tracks(const Workspace& ws) {
    const Layer* legs = ws.find(kTrackLegsLayer);
    return legs && legs->field_index(kFixTimesField) >= 0;
}

std::optional<geo::TrackLeg> decode_leg(const Layer& legs, const Feature& f, std::string* field, std::string* why) {
    const auto count = to_number(legs.value(f, "fixes"));
    if (!count || !(*count >= 1 && *count <= 1e9) || *count != static_cast<double>(static_cast<std::size_t>(*count))) {
        *field = "fixes";
        *why = "'" + to_string(legs.value(f, "fixes")) + "' is not a count of fixes; expected a whole number from 1";
        return std::nullopt;
    }
    const auto n = static_cast<std::size_t>(*count);
    const geo::Path* path = f.geometry.lines.size() == 1 ? &f.geometry.lines.front() : nullptr;
    if (!path || !(path->size() == n || (n == 1 && path->size() == 2))) {
        *field = "geom";
        *why = (path ? std::to_string(path->size()) + " vertices" : std::string("no single line")) + " for " +
               std::to_string(n) + " fix(es); expected one vertex per fix";
        return std::nullopt;
    }
    auto times = unpack_numbers(to_string(legs.value(f, kFixTimesField)), n, why);
    if (!times) {
        *field = kFixTimesField;
        return std::nullopt;
    }
    std::vector<double> unknown(n, -1);
    std::optional<std::vector<double>> speeds = unknown, courses = unknown;
    for (auto [name, out] : {std::pair{kFixSpeedsField, &speeds}, std::pair{kFixCoursesField, &courses}}) {
        const std::string text = to_string(legs.value(f, name));
        if (text.empty()) continue;
        *out = unpack_numbers(text, n, why);
        if (!*out) {
            *field = name;
            return std::nullopt;
        }
    }
    geo::TrackLeg leg;
    leg.fixes.resize(n);
    for (std::size_t i = 0; i < n; ++i) leg.fixes[i] = {(*times)[i], (*path)[i], (*speeds)[i], (*courses)[i]};
    if (!std::is_sorted(leg.fixes.begin(), leg.fixes.end(), [](const geo::Fix& a, const geo::Fix& b) { return a.t < b.t; }))
        std::stable_sort(leg.fixes.begin(), leg.fixes.end(), [](const geo::Fix& a, const geo::Fix& b) { return a.t < b.t; });
    return leg;
}

std::vector<geo::Track> load_tracks(const Workspace& ws) {
    if (!has_packed_tracks(ws)) {
        const Layer* pts = fix_points(ws);
        return pts ? tracks_from_points(*pts) : std::vector<geo::Track>{};
    }
    const Layer& legs = *ws.find(kTrackLegsLayer);
    std::vector<geo::Track> out;
    std::vector<std::vector<std::pair<long long, geo::TrackLeg>>> numbered;  // per track: (leg, fixes)
    std::map<std::pair<std::string, bool>, std::size_t> index;               // (vessel, planned) -> track
    std::string field, why;
    for (const Feature& f : legs.features()) {
        auto leg = decode_leg(legs, f, &field, &why);
        if (!leg) continue;
        const std::string vessel = to_string(legs.value(f, "vessel"));
        const bool planned = flag(legs, f, "planned");
        auto [it, added] = index.try_emplace({vessel, planned}, out.size());
        if (added) {
            geo::Track t;
            t.vessel = vessel;
            t.mmsi = static_cast<std::uint32_t>(to_number(legs.value(f, "mmsi")).value_or(0));
            t.planned = planned;
            out.push_back(std::move(t));
            numbered.emplace_back();
        }
        out[it->second].synthetic = out[it->second].synthetic || flag(legs, f, "synthetic");
        numbered[it->second].emplace_back(static_cast<long long>(to_number(legs.value(f, "leg")).value_or(0)), std::move(*leg));
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        auto& list = numbered[i];
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        out[i].legs.reserve(list.size());
        for (auto& [n, leg] : list) out[i].legs.push_back(std::move(leg));
    }
    return out;
}

Layer track_points_layer(const std::vector<geo::Track>& tracks) {
    Layer points;
    points.name = kTrackPointsLayer;
    points.role = LayerRole::Tracks;
    points.source = "tidemark tracks (one point per fix, made from track_legs)";
    points.fields = {{"vessel", FieldType::String},   {"mmsi", FieldType::Integer},    {"time", FieldType::DateTime},
                     {"unix_time", FieldType::Real},  {"speed_kn", FieldType::Real},   {"course_deg", FieldType::Real},
                     {"leg", FieldType::Integer},     {"planned", FieldType::Integer}, {"synthetic", FieldType::Integer}};
    std::int64_t fid = 1;
    for (const geo::Track& t : tracks) {
        Value mmsi;
        if (t.mmsi) mmsi.emplace<std::int64_t>(t.mmsi);
        for (std::size_t li = 0; li < t.legs.size(); ++li)
            for (const geo::Fix& f : t.legs[li].fixes) {
                Feature pf;
                pf.fid = fid++;
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
                points.features().push_back(std::move(pf));
            }
    }
    return points;
}

std::vector<std::pair<std::string, std::vector<TimedFix>>> fixes_by_vessel(const Workspace& ws) {
    std::map<std::string, std::vector<TimedFix>> by_vessel;
    for (const geo::Track& t : load_tracks(ws)) {
        const std::string name = !t.vessel.empty() ? t.vessel : t.mmsi ? "MMSI " + std::to_string(t.mmsi) : "vessel";
        std::vector<TimedFix>& list = by_vessel[name];
        for (std::size_t li = 0; li < t.legs.size(); ++li) {
            const std::string leg = (t.planned ? "planned " : "") + std::to_string(li);
            for (const geo::Fix& f : t.legs[li].fixes) list.push_back({f.t, f.p, leg});
        }
    }
    std::vector<std::pair<std::string, std::vector<TimedFix>>> out;
    for (auto& [vessel, fixes] : by_vessel) {
        std::stable_sort(fixes.begin(), fixes.end(), [](const TimedFix& a, const TimedFix& b) { return a.t < b.t; });
        out.emplace_back(vessel, std::move(fixes));
    }
    return out;
}

std::size_t convert_old_track_points(Workspace& ws) {
    const Layer* old = ws.find(kTrackPointsLayer);
    if (!old || has_packed_tracks(ws) || old->geometry_kind() != geo::GeometryKind::Point) return 0;
    const WorkspaceDamage damage = find_damage(ws);  // reads every layer of a lazily opened workspace
    if (ws.features_left_out() > 0 || damage.rows.count(kTrackPointsLayer) || !damage.fatal.empty()) return 0;
    const std::size_t fixes = old->features().size();
    store_tracks(ws, load_tracks(ws));
    return fixes;
}

}  // namespace tidemark::layers
