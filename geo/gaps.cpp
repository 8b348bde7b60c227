#include "geo/gaps.h"

#include <algorithm>
#include <cmath>

namespace tidemark::geo {
namespace {

SpatialIndex segment_index(const std::vector<CoastSegment>& segments) {
    std::vector<Box> boxes;
    boxes.reserve(segments.size());
    for (const CoastSegment& s : segments) boxes.push_back(s.box);
    return SpatialIndex(boxes);
}

// Runs of consecutive segments (indices into `segments`, which lists each line's segments
// together and in order) satisfying `in_run`; on a ring, a run through its start is one run.
template <class Pred>
std::vector<std::vector<std::uint32_t>> runs(const std::vector<CoastSegment>& segments, Pred in_run) {
    std::vector<std::vector<std::uint32_t>> out;
    for (std::size_t b = 0, e; b < segments.size(); b = e) {
        for (e = b + 1; e < segments.size() && segments[e].line_id == segments[b].line_id;) ++e;
        const std::size_t first_run = out.size();
        for (std::size_t i = b; i < e; ++i) {
            if (!in_run(i)) continue;
            if (i > b && in_run(i - 1))
                out.back().push_back(static_cast<std::uint32_t>(i));
            else
                out.push_back({static_cast<std::uint32_t>(i)});
        }
        if (segments[b].line_closed && out.size() - first_run >= 2 && out[first_run].front() == b &&
            out.back().back() == e - 1) {
            out.back().insert(out.back().end(), out[first_run].begin(), out[first_run].end());
            out.erase(out.begin() + static_cast<std::ptrdiff_t>(first_run));
        }
    }
    return out;
}

}  // namespace

double gap_risk(double length_m, double worst_gap_s, double revisit_s, int ports, double reports) {
    return (length_m / 1000.0) * (worst_gap_s / revisit_s) * (1.0 + ports + reports);
}

GapAnalysis analyse_gaps(const std::vector<CoastSegment>& segments, const CoverageResult& coverage,
                         std::size_t force_count, const std::vector<XY>& ports,
                         const std::vector<WeightedEvent>& events, const GapOptions& options) {
    GapAnalysis out;
    const SpatialIndex index = segment_index(segments);
    auto in_gap = [&](std::size_t i) { return coverage.segments[i].max_gap_s > options.revisit_s; };

    // Events: attach to the nearest segment within near_m.
    out.event_segment.assign(events.size(), -1);
    std::vector<double> segment_reports(segments.size(), 0.0);
    for (std::size_t e = 0; e < events.size(); ++e) {
        const WeightedEvent& ev = events[e];
        if (ev.t < coverage.from || ev.t >= coverage.to) continue;
        const std::int64_t s = index.nearest(ev.p, [&](std::uint32_t id) { return distance_to_path(ev.p, segments[id].path); },
                                             options.near_m);
        if (s < 0) continue;
        out.event_segment[e] = static_cast<int>(s);
        segment_reports[static_cast<std::size_t>(s)] += ev.weight;
    }

    std::vector<Box> port_boxes;
    for (XY p : ports) port_boxes.push_back(Box{p.x, p.y, p.x, p.y});
    const SpatialIndex port_index(port_boxes);

    auto gap_runs = runs(segments, in_gap);
    for (auto& run : gap_runs) {
        Gap g;
        g.id = static_cast<std::uint32_t>(out.gaps.size() + 1);
        g.segments = run;
        std::vector<char> port_seen(ports.size(), 0);
        for (std::uint32_t s : run) {
            const CoastSegment& seg = segments[s];
            g.length_m += seg.length_m;
            g.worst_gap_s = std::max(g.worst_gap_s, coverage.segments[s].max_gap_s);
            if (std::find(g.forces.begin(), g.forces.end(), seg.force) == g.forces.end()) g.forces.push_back(seg.force);
            g.reports += segment_reports[s];
            port_index.query(seg.box.grown(options.near_m), [&](std::uint32_t p) {
                if (!port_seen[p] && distance_to_path(ports[p], seg.path) <= options.near_m) {
                    port_seen[p] = 1;
                    ++g.ports;
                }
                return true;
            });
        }
        g.risk = gap_risk(g.length_m, g.worst_gap_s, options.revisit_s, g.ports, g.reports);
        out.gaps.push_back(std::move(g));
    }

    // Per force; slot force_count holds segments with no force.
    std::vector<ForceSummary> rows(force_count + 1);
    std::vector<char> has_coast(force_count + 1, 0);
    for (std::size_t f = 0; f <= force_count; ++f) rows[f].force = f == force_count ? -1 : static_cast<int>(f);
    auto slot = [&](int force) { return force < 0 ? force_count : static_cast<std::size_t>(force); };
    for (std::size_t i = 0; i < segments.size(); ++i) {
        ForceSummary& row = rows[slot(segments[i].force)];
        has_coast[slot(segments[i].force)] = 1;
        row.coast_km += segments[i].length_m / 1000.0;
        if (!in_gap(i)) row.covered_km += segments[i].length_m / 1000.0;
        row.reports += segment_reports[i];
        if (in_gap(i)) row.reports_in_gaps += segment_reports[i];
    }
    // Longest run of gap segments of one force.
    auto force_runs = runs(segments, in_gap);
    for (const auto& run : force_runs) {
        double current = 0;
        int current_force = -2;
        for (std::uint32_t s : run) {
            if (segments[s].force != current_force) current = 0, current_force = segments[s].force;
            current += segments[s].length_m / 1000.0;
            ForceSummary& row = rows[slot(current_force)];
            row.longest_gap_km = std::max(row.longest_gap_km, current);
        }
    }
    for (std::size_t f = 0; f <= force_count; ++f) {
        if (!has_coast[f]) continue;
        rows[f].covered_pct = rows[f].coast_km > 0 ? 100.0 * rows[f].covered_km / rows[f].coast_km : 0;
        out.forces.push_back(rows[f]);
    }
    return out;
}

}  // namespace tidemark::geo
