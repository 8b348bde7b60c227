// An independent reference: sample every leg at 1 s, test every segment by plain point-to-
// polyline distance, and compare with the engine on random scenarios. Nothing here calls the
// engine's geometry; the reference owns its own distance function.
#include "geo/coverage.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace tidemark::geo;

namespace {

double reference_distance(XY p, const Path& path) {
    double best = INFINITY;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const double ex = path[i + 1].x - path[i].x, ey = path[i + 1].y - path[i].y;
        const double len2 = ex * ex + ey * ey;
        double f = len2 > 0 ? ((p.x - path[i].x) * ex + (p.y - path[i].y) * ey) / len2 : 0;
        f = std::min(1.0, std::max(0.0, f));
        best = std::min(best, std::hypot(p.x - (path[i].x + f * ex), p.y - (path[i].y + f * ey)));
    }
    return best;
}

struct Reference {
    double observed_s = 0;
    int visits = 0;
    double max_gap_s = 0;
};

// observed[s][k]: segment s observed at second `from + k` (the sample stands for [t, t + 1)).
std::vector<Reference> brute_force(const std::vector<CoastSegment>& segs, const std::vector<Track>& tracks,
                                   const std::vector<double>& range, long from, long to, double max_gap) {
    const std::size_t n = static_cast<std::size_t>(to - from);
    std::vector<std::vector<char>> seen(segs.size(), std::vector<char>(n, 0));
    for (std::size_t v = 0; v < tracks.size(); ++v)
        for (const TrackLeg& leg : tracks[v].legs)
            for (std::size_t k = 0; k + 1 < leg.fixes.size(); ++k) {
                const Fix& a = leg.fixes[k];
                const Fix& b = leg.fixes[k + 1];
                if (b.t - a.t > max_gap) continue;
                for (long t = static_cast<long>(std::ceil(a.t)); t < b.t; ++t) {
                    if (t < from || t >= to) continue;
                    const double u = (t - a.t) / (b.t - a.t);
                    const XY p{a.p.x + u * (b.p.x - a.p.x), a.p.y + u * (b.p.y - a.p.y)};
                    for (std::size_t s = 0; s < segs.size(); ++s)
                        if (reference_distance(p, segs[s].path) <= range[v]) seen[s][static_cast<std::size_t>(t - from)] = 1;
                }
            }
    std::vector<Reference> out(segs.size());
    for (std::size_t s = 0; s < segs.size(); ++s) {
        long gap = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (seen[s][k]) {
                out[s].observed_s += 1;
                if (k == 0 || !seen[s][k - 1]) ++out[s].visits;
                gap = 0;
            } else {
                out[s].max_gap_s = std::max<double>(out[s].max_gap_s, ++gap);
            }
        }
    }
    return out;
}

Path random_walk(std::mt19937& rng, XY start, int steps, double step_m) {
    std::uniform_real_distribution<double> turn(-0.8, 0.8);
    std::uniform_real_distribution<double> heading0(0, 6.283);
    double heading = heading0(rng);
    Path p{start};
    for (int i = 0; i < steps; ++i) {
        heading += turn(rng);
        p.push_back({p.back().x + step_m * std::cos(heading), p.back().y + step_m * std::sin(heading)});
    }
    return p;
}

}  // namespace

TEST(CoverageBruteForce, AgreesWithOneSecondSamplingOnRandomScenarios) {
    std::mt19937 rng(20260301);
    std::uniform_real_distribution<double> coord(-8000, 8000);
    std::uniform_real_distribution<double> range_d(800, 4000);
    std::uniform_int_distribution<int> fix_step(5, 120);
    int observed_segments = 0, unobserved_segments = 0;  // the scenarios must exercise both
    for (int scenario = 0; scenario < 12; ++scenario) {
        SCOPED_TRACE("scenario " + std::to_string(scenario));
        const std::vector<Path> coast = {random_walk(rng, {coord(rng), coord(rng)}, 40, 300),
                                         random_walk(rng, {coord(rng), coord(rng)}, 25, 250)};
        const auto segs = cut_coast_segments(coast, 700);
        std::vector<Track> tracks;
        std::vector<double> range;
        for (int v = 0; v < 3; ++v) {
            Track t;
            t.vessel = "V" + std::to_string(v);
            TrackLeg leg;
            const Path route = random_walk(rng, {coord(rng), coord(rng)}, 80, 250);
            double time = 100 + 300 * v;
            for (XY p : route) {
                leg.fixes.push_back({time, p});
                time += fix_step(rng);
                if (rng() % 40 == 0) time += 2000;  // a break longer than the maximum gap
            }
            t.legs.push_back(leg);
            tracks.push_back(t);
            range.push_back(range_d(rng));
        }
        const long from = 1000, to = 9000;
        CoverageOptions o;
        o.from = from;
        o.to = to;
        const CoverageResult r = compute_coverage(segs, tracks, range, o);
        const auto ref = brute_force(segs, tracks, range, from, to, o.max_gap_s);
        for (std::size_t s = 0; s < segs.size(); ++s) {
            const SegmentCoverage& e = r.segments[s];
            ++(ref[s].visits > 0 ? observed_segments : unobserved_segments);
            // One sampling step (1 s) at each end of each interval.
            const double tol = 2.0 * std::max(e.visits, ref[s].visits) + 1e-6;
            EXPECT_NEAR(e.observed_s, ref[s].observed_s, tol) << "segment " << s;
            EXPECT_NEAR(e.max_gap_s, ref[s].max_gap_s, 2.0) << "segment " << s;
            // Sampling can only miss or split intervals shorter than a step.
            int short_pieces = 0;
            UnixTime cursor = from;
            for (const Interval& iv : e.observed) {
                if (iv.duration() < 2 || (iv.from - cursor < 2 && iv.from > from)) ++short_pieces;
                cursor = iv.to;
            }
            EXPECT_LE(std::abs(e.visits - ref[s].visits), short_pieces) << "segment " << s;
        }
    }
    EXPECT_GT(observed_segments, 50);
    EXPECT_GT(unobserved_segments, 10);
}
