#include "geo/track_builder.h"
#include "geo/sensor_range.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace tidemark::geo {
namespace {

struct DropCount {
    std::size_t count = 0;
    long first_line = 0;
    UnixTime first_time = 0;
    void add(const PositionReport& r) {
        if (count++ == 0) first_line = r.line, first_time = r.fix.t;
    }
};

void report(Problems& problems, const TrackBuildOptions& o, const std::string& vessel, const DropCount& d,
            const std::string& what) {
    if (d.count == 0) return;
    Problem p;
    p.severity = Problem::Severity::Warning;
    p.source = o.source;
    p.layer = "tracks";
    p.feature = vessel;
    p.line = d.first_line;
    p.reason = std::to_string(d.count) + " fix(es) dropped: " + what + " (first at " + format_iso8601(d.first_time) + ")";
    problems.push_back(std::move(p));
}

}  // namespace

std::vector<Track> build_tracks(std::vector<PositionReport> reports, const TrackBuildOptions& o, Problems& problems,
                                TrackBuildStats* stats) {
    TrackBuildStats local;
    local.reports = reports.size();
    std::map<std::string, std::vector<PositionReport>> by_vessel;
    for (auto& r : reports) by_vessel[r.vessel].push_back(std::move(r));

    const double max_speed_ms = o.max_speed_kn * kMetresPerNauticalMile / 3600.0;
    std::vector<Track> tracks;
    for (auto& [vessel, list] : by_vessel) {
        // Stable: among equal times the file order decides which report is kept.
        std::stable_sort(list.begin(), list.end(),
                         [](const PositionReport& a, const PositionReport& b) { return a.fix.t < b.fix.t; });
        Track track;
        track.vessel = vessel;
        track.planned = o.planned;
        track.synthetic = o.synthetic;
        DropCount duplicates, conflicts, too_fast;
        const PositionReport* last = nullptr;
        for (const PositionReport& r : list) {
            if (track.mmsi == 0) track.mmsi = r.mmsi;
            if (last) {
                double dt = r.fix.t - last->fix.t;
                double d = std::hypot(r.fix.p.x - last->fix.p.x, r.fix.p.y - last->fix.p.y);
                if (dt == 0) {
                    (d == 0 ? duplicates : conflicts).add(r);
                    continue;
                }
                // Beyond max speed even allowing 1 m of position noise.
                if (d - 1.0 > max_speed_ms * dt) {
                    too_fast.add(r);
                    continue;
                }
                if (dt > o.max_gap_s) track.legs.emplace_back();
            } else {
                track.legs.emplace_back();
            }
            track.legs.back().fixes.push_back(r.fix);
            last = &r;
            ++local.kept;
        }
        report(problems, o, vessel, duplicates, "exact duplicates of an earlier report (same time and position)");
        report(problems, o, vessel, conflicts, "same time as an earlier report but a different position");
        char buf[96];
        std::snprintf(buf, sizeof buf, "implied speed above %.0f kn from the previous kept fix", o.max_speed_kn);
        report(problems, o, vessel, too_fast, buf);
        local.duplicates += duplicates.count;
        local.same_time_conflicts += conflicts.count;
        local.impossible_speed += too_fast.count;
        if (!track.legs.empty()) tracks.push_back(std::move(track));
    }
    if (stats) *stats = local;
    return tracks;
}

}  // namespace tidemark::geo
