#include "layers/tracks/planned_patrol.h"

#include "geo/sensor_range.h"
#include "geo/time.h"
#include "layers/ais/ais_sentence.h"
#include "layers/io/csv_text.h"
#include "layers/io/ogr_reader.h"

#include <cmath>
#include <filesystem>

namespace tidemark::layers {
namespace {

geo::Problem problem(const std::string& source, long line, const std::string& feature, std::string reason,
                     geo::Problem::Severity sev = geo::Problem::Severity::Warning) {
    geo::Problem p;
    p.severity = sev;
    p.source = source;
    p.layer = "planned patrols";
    p.feature = feature;
    p.line = line;
    p.reason = std::move(reason);
    return p;
}

double course_of(geo::XY a, geo::XY b) {
    return std::fmod(90.0 - std::atan2(b.y - a.y, b.x - a.x) * 180.0 / M_PI + 360.0, 360.0);
}

std::string fmt1(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", v);
    return b;
}

std::string fmt_g(double v) {  // 0.001 stays 0.001
    char b[32];
    std::snprintf(b, sizeof b, "%.3g", v);
    return b;
}

// Leaves out, naming each, the patrols whose speed is known and impossible.
void refuse_impossible(const std::string& path, PlanReadResult& r) {
    std::erase_if(r.patrols, [&](const PlannedPatrol& p) {
        const std::string why = impossible_patrol(p);
        if (why.empty()) return false;
        r.problems.push_back(problem(path, p.line, p.vessel, why + "; patrol left out", geo::Problem::Severity::Error));
        return true;
    });
}

}  // namespace

std::string impossible_patrol(const PlannedPatrol& p) {
    if (p.waypoints.size() < 2 || !(p.speed_kn > 0) || std::isnan(p.start)) return {};
    if (!(p.speed_kn <= kMaxPlannedSpeedKn))
        return "planned speed " + fmt1(p.speed_kn) + " kn refused; expected at most " + fmt1(kMaxPlannedSpeedKn) + " kn";
    const double speed = p.speed_kn * geo::kMetresPerSecondPerKnot;
    double seconds = 0;
    for (std::size_t i = 0; i < p.waypoints.size(); ++i) {
        seconds += p.waypoints[i].loiter_min * 60.0;
        if (i + 1 < p.waypoints.size()) {
            const geo::XY a = p.waypoints[i].p, b = p.waypoints[i + 1].p;
            seconds += std::hypot(b.x - a.x, b.y - a.y) / speed;
        }
    }
    if (!(seconds <= kMaxPlannedPatrolS))
        return "planned patrol would last " + fmt_g(seconds / 86400.0) + " days (loiter_min and transits at " +
               fmt_g(p.speed_kn) + " kn); expected at most 31 days: check the speed and loiter columns, or split it";
    if (!geo::plausible_time(p.start - p.waypoints[0].loiter_min * 60.0) || !geo::plausible_time(p.start + seconds))
        return std::string("planned patrol would run outside 1970-2100; ") + geo::kPlausibleTimeText;
    return {};
}

double route_length_m(const std::vector<PlannedWaypoint>& route, std::size_t from, std::size_t to) {
    double m = 0;
    for (std::size_t i = from + 1; i <= to && i < route.size(); ++i)
        m += std::hypot(route[i].p.x - route[i - 1].p.x, route[i].p.y - route[i - 1].p.y);
    return m;
}

geo::Track plan_track(const PlannedPatrol& p, double step_s) {
    geo::Track t;
    t.vessel = p.vessel;
    t.planned = true;
    if (p.waypoints.size() < 2 || p.speed_kn <= 0 || std::isnan(p.start)) return t;
    if (!impossible_patrol(p).empty() || !(step_s > 0)) return t;
    const double speed = p.speed_kn * geo::kMetresPerSecondPerKnot;
    geo::TrackLeg leg;
    geo::UnixTime now = p.start - p.waypoints[0].loiter_min * 60.0;
    auto add = [&](geo::UnixTime time, geo::XY at, double kn, double course) {
        if (!leg.fixes.empty() && time <= leg.fixes.back().t) return;
        leg.fixes.push_back({time, at, kn, course});
    };
    for (std::size_t i = 0; i < p.waypoints.size(); ++i) {
        const PlannedWaypoint& w = p.waypoints[i];
        // On station: stationary fixes every step.
        double loiter_s = w.loiter_min * 60.0;
        for (double s = 0; s < loiter_s; s += step_s) add(now + s, w.p, 0, -1);
        now += loiter_s;
        if (i + 1 == p.waypoints.size()) {
            add(now, w.p, 0, -1);
            break;
        }
        const geo::XY a = w.p, b = p.waypoints[i + 1].p;
        double dur = std::hypot(b.x - a.x, b.y - a.y) / speed;
        double course = course_of(a, b);
        for (double s = 0; s < dur; s += step_s) {
            double f = s / dur;
            add(now + s, {a.x + f * (b.x - a.x), a.y + f * (b.y - a.y)}, p.speed_kn, course);
        }
        now += dur;
    }
    t.legs.push_back(std::move(leg));
    return t;
}

geo::Problems check_patrol(const PlannedPatrol& p, const geo::Track& track, const Vessel* v) {
    geo::Problems out;
    if (!v) {
        out.push_back(problem(p.source, p.line, p.vessel,
                              "vessel not in the fleet register: speed and endurance not checked; add it to the fleet CSV"));
        return out;
    }
    if (v->max_speed_kn > 0 && p.speed_kn > v->max_speed_kn)
        out.push_back(problem(p.source, p.line, p.vessel,
                              "planned speed " + fmt1(p.speed_kn) + " kn is above the vessel's maximum " + fmt1(v->max_speed_kn) + " kn",
                              geo::Problem::Severity::Error));
    if (!track.legs.empty() && !track.legs[0].fixes.empty() && v->endurance_h > 0) {
        double hours = (track.legs[0].fixes.back().t - track.legs[0].fixes.front().t) / 3600.0;
        if (hours > v->endurance_h)
            out.push_back(problem(p.source, p.line, p.vessel,
                                  "planned patrol lasts " + fmt1(hours) + " h, beyond the vessel's endurance of " + fmt1(v->endurance_h) + " h",
                                  geo::Problem::Severity::Error));
    }
    return out;
}

PlanReadResult read_planned_patrols(const std::string& path, const geo::Crs& working, const PlanReadOptions& o) {
    PlanReadResult r;
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".csv") {
        auto text = read_text_file(path, &r.error);
        if (!text) return r;
        CsvTable t = parse_csv(*text);
        int c_vessel = t.column({"vessel", "name"}), c_start = t.column({"start", "start_time", "time"}),
            c_lat = t.column({"lat", "latitude"}), c_lon = t.column({"lon", "longitude", "lng"}),
            c_loiter = t.column({"loiter_min", "loiter"}), c_speed = t.column({"speed_kn", "speed"}),
            c_patrol = t.column({"patrol", "patrol_id", "route"});
        if (c_lat < 0 || c_lon < 0) {
            r.error = path + ": expected columns vessel,start,lat,lon[,loiter_min,speed_kn,patrol]";
            return r;
        }
        geo::Transformer to_working(geo::Crs::wgs84(), working);
        r.ok = true;
        std::string current_key;
        for (const CsvRow& row : t.rows) {
            auto cell = [&](int i) { return i >= 0 && i < static_cast<int>(row.cells.size()) ? trim(row.cells[i]) : std::string(); };
            std::string vessel = cell(c_vessel).empty() ? o.vessel : cell(c_vessel);
            std::string key = vessel + "\x1f" + cell(c_patrol);
            auto lat = parse_number(cell(c_lat)), lon = parse_number(cell(c_lon));
            if (!lat || !lon || std::abs(*lat) > 90 || std::abs(*lon) > 180) {
                r.problems.push_back(problem(path, row.line, vessel, "waypoint lat/lon '" + cell(c_lat) + "', '" + cell(c_lon) +
                                                                        "' not decimal degrees in range"));
                continue;
            }
            if (r.patrols.empty() || key != current_key) {
                PlannedPatrol p;
                p.vessel = vessel;
                p.source = path;
                p.line = row.line;
                p.speed_kn = o.speed_kn;
                double start = ais::parse_time_prefix(cell(c_start));
                if (!std::isnan(start) && !geo::plausible_time(start)) {
                    r.problems.push_back(problem(path, row.line, vessel, "start '" + cell(c_start) + "' refused; " +
                                                     geo::kPlausibleTimeText, geo::Problem::Severity::Error));
                    p.start = NAN;
                } else if (!std::isnan(start)) {
                    p.start = start;
                } else if (o.start) {
                    p.start = *o.start;
                } else {
                    p.start = NAN;
                    r.problems.push_back(problem(path, row.line, vessel,
                                                 "patrol has no start time; expected an ISO 8601 'start' on its first row or --start",
                                                 geo::Problem::Severity::Error));
                }
                r.patrols.push_back(std::move(p));
                current_key = key;
            }
            PlannedPatrol& p = r.patrols.back();
            if (auto s = parse_number(cell(c_speed)); s && *s > 0 && p.waypoints.empty()) p.speed_kn = *s;
            PlannedWaypoint w;
            w.p = to_working.forward(geo::XY{*lon, *lat});
            w.loiter_min = std::max(0.0, parse_number(cell(c_loiter)).value_or(0.0));
            p.waypoints.push_back(w);
        }
        refuse_impossible(path, r);
        return r;
    }
    ReadOptions ro;
    ro.working_crs = working;
    ro.validate_polygons = false;
    ReadResult rr = read_vector(path, ro);
    if (!rr.ok) {
        r.error = rr.error;
        return r;
    }
    r.ok = true;
    for (const Layer& l : rr.layers) {
        if (l.name == "route_points" || l.name == "track_points" || l.name == "waypoints") continue;
        for (const Feature& f : l.features()) {
            for (const geo::Path& line : f.geometry.lines) {
                PlannedPatrol p;
                p.source = path;
                p.vessel = to_string(l.value(f, "vessel"));
                if (p.vessel.empty()) p.vessel = to_string(l.value(f, "name"));
                if (p.vessel.empty()) p.vessel = o.vessel;
                double start = ais::parse_time_prefix(to_string(l.value(f, "start")));
                if (!std::isnan(start)) p.start = start;
                else if (o.start) p.start = *o.start;
                else p.start = NAN, r.problems.push_back(problem(path, 0, std::to_string(f.fid), "route has no start time; expected a 'start' property or --start",
                                                  geo::Problem::Severity::Error));
                p.speed_kn = to_number(l.value(f, "speed_kn")).value_or(o.speed_kn);
                double loiter = to_number(l.value(f, "loiter_min")).value_or(0);
                for (std::size_t i = 0; i < line.size(); ++i)
                    p.waypoints.push_back({line[i], i > 0 && i + 1 < line.size() ? loiter : 0.0});
                r.patrols.push_back(std::move(p));
            }
        }
    }
    if (r.patrols.empty()) r.problems.push_back(problem(path, 0, "", "no routes (lines) found; expected LineString routes or GPX <rte>"));
    refuse_impossible(path, r);
    return r;
}

}  // namespace tidemark::layers
