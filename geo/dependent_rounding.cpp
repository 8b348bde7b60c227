#include "geo/dependent_rounding.h"

#include <algorithm>
#include <limits>

namespace tidemark::geo {
namespace {

constexpr double kSnap = 1e-12;

bool fractional(double x) { return x > kSnap && x < 1 - kSnap; }

}  // namespace

std::vector<bool> dependent_rounding(const std::vector<CoverageEdge>& edges, std::size_t resources, std::size_t targets,
                                     SeededRandom& rng) {
    const std::size_t vertices = resources + targets;
    std::vector<double> x(edges.size());
    std::vector<std::vector<std::size_t>> adj(vertices);  // fractional edges, pruned lazily
    std::vector<std::size_t> end_a(edges.size()), end_b(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) {
        x[e] = std::clamp(edges[e].p, 0.0, 1.0);
        end_a[e] = edges[e].resource;
        end_b[e] = resources + edges[e].target;
        if (fractional(x[e])) adj[end_a[e]].push_back(e), adj[end_b[e]].push_back(e);
    }
    auto other = [&](std::size_t e, std::size_t v) { return end_a[e] == v ? end_b[e] : end_a[e]; };
    // A fractional edge at v other than `not_e` (none: SIZE_MAX); drops integral ones on the way.
    auto next_edge = [&](std::size_t v, std::size_t not_e) {
        auto& list = adj[v];
        for (std::size_t i = 0; i < list.size();) {
            const std::size_t e = list[i];
            if (!fractional(x[e])) {
                list[i] = list.back();
                list.pop_back();
                continue;
            }
            if (e != not_e) return e;
            ++i;
        }
        return std::numeric_limits<std::size_t>::max();
    };
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

    std::vector<long> position(vertices, -1);  // index of a vertex on the current walk
    std::vector<std::size_t> walk_v, walk_e, chain;
    for (std::size_t start = 0; start < edges.size(); ++start) {
        while (fractional(x[start])) {
            // Walk from `start` until the walk closes a cycle or is stuck at both ends.
            walk_v = {end_a[start], end_b[start]};
            walk_e = {start};
            position[end_a[start]] = 0;
            position[end_b[start]] = 1;
            chain.clear();
            bool reversed = false;
            for (;;) {
                const std::size_t v = walk_v.back();
                const std::size_t e = next_edge(v, walk_e.back());
                if (e == kNone) {
                    if (reversed) {
                        chain = walk_e;  // a maximal path
                        break;
                    }
                    std::reverse(walk_v.begin(), walk_v.end());
                    std::reverse(walk_e.begin(), walk_e.end());
                    for (std::size_t i = 0; i < walk_v.size(); ++i) position[walk_v[i]] = static_cast<long>(i);
                    reversed = true;
                    continue;
                }
                const std::size_t w = other(e, v);
                if (position[w] >= 0) {  // a cycle: from w's place on the walk back round to w
                    chain.assign(walk_e.begin() + position[w], walk_e.end());
                    chain.push_back(e);
                    break;
                }
                position[w] = static_cast<long>(walk_v.size());
                walk_v.push_back(w);
                walk_e.push_back(e);
            }
            for (std::size_t v : walk_v) position[v] = -1;
            // Alternate edges up/down: every inner vertex keeps its sum; the ends of a maximal
            // path have non-integral sums and move by less than the distance to the next integer.
            double alpha = 1, beta = 1;
            for (std::size_t i = 0; i < chain.size(); ++i) {
                const double xe = x[chain[i]];
                alpha = std::min(alpha, i % 2 == 0 ? 1 - xe : xe);
                beta = std::min(beta, i % 2 == 0 ? xe : 1 - xe);
            }
            const bool up = rng.uniform() * (alpha + beta) < beta;  // P(up) = beta / (alpha + beta)
            for (std::size_t i = 0; i < chain.size(); ++i) {
                double& xe = x[chain[i]];
                xe += ((i % 2 == 0) == up ? 1 : -1) * (up ? alpha : beta);
                if (xe < kSnap) xe = 0;
                if (xe > 1 - kSnap) xe = 1;
            }
        }
    }
    std::vector<bool> chosen(edges.size());
    for (std::size_t e = 0; e < edges.size(); ++e) chosen[e] = x[e] >= 0.5;
    return chosen;
}

}  // namespace tidemark::geo
