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
        DropCount duplicates, conflicts, too_fast, bad_start;
        // Beyond max speed even allowing 1 m of position noise.
        auto impossible = [&](const PositionReport& a, const PositionReport& b) {
            const double dt = b.fix.t - a.fix.t;
            return std::hypot(b.fix.p.x - a.fix.p.x, b.fix.p.y - a.fix.p.y) - 1.0 > max_speed_ms * std::abs(dt);
        };
        const PositionReport* last = nullptr;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const PositionReport& r = list[i];
            if (track.mmsi == 0) track.mmsi = r.mmsi;
            if (last) {
                const double dt = r.fix.t - last->fix.t;
                if (dt == 0) {
                    (std::hypot(r.fix.p.x - last->fix.p.x, r.fix.p.y - last->fix.p.y) == 0 ? duplicates : conflicts).add(r);
                    continue;
                }
                if (impossible(*last, r)) {
                    // Usually r is the outlier. But when the last kept fix opened its leg and the
                    // next report agrees with r, the opening fix was: drop it, or every good fix
                    // after a bad first one would be dropped in its place.
                    std::size_t n = i + 1;
                    while (n < list.size() && list[n].fix.t == r.fix.t) ++n;
                    const bool opening_outlier = track.legs.back().fixes.size() == 1 && n < list.size() &&
                                                 !impossible(r, list[n]) && impossible(*last, list[n]);
                    if (!opening_outlier) {
                        too_fast.add(r);
                        continue;
                    }
                    bad_start.add(*last);
                    track.legs.back().fixes.pop_back();
                    --local.kept;
                    track.legs.back().fixes.push_back(r.fix);
                    last = &r;
                    ++local.kept;
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
        std::snprintf(buf, sizeof buf, "first fix of a leg, %.0f kn or more from the fixes that follow it", o.max_speed_kn);
        report(problems, o, vessel, bad_start, buf);
        local.duplicates += duplicates.count;
        local.same_time_conflicts += conflicts.count;
        local.impossible_speed += too_fast.count + bad_start.count;
        if (!track.legs.empty()) tracks.push_back(std::move(track));
    }
    if (stats) *stats = local;
    return tracks;
}

}  // namespace tidemark::geo
