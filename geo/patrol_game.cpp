#include "geo/patrol_game.h"

#include "geo/max_flow.h"

#include <algorithm>
#include <cmath>

namespace tidemark::geo {
namespace {

// A spare capacity or residual below this is rounding left by the bisection, not room to cover more.
constexpr double kSpare = 1e-7;

// source 0, resources 1..m, targets m+1..m+n, sink m+n+1.
struct Network {
    MaxFlow flow;
    std::vector<std::size_t> source_edge;       // per resource
    std::vector<CoverageEdge> reach;            // resource -> target, p unused
    std::vector<std::size_t> reach_edge;        // flow edge ids, parallel to `reach`
    double delivered = 0;

    Network(const std::vector<PatrolResource>& resources, const std::vector<double>& demand)
        : flow(resources.size() + demand.size() + 2) {
        const std::size_t m = resources.size(), n = demand.size(), sink = m + n + 1;
        for (std::size_t a = 0; a < m; ++a) {
            source_edge.push_back(flow.add_edge(0, 1 + a, resources[a].capacity));
            for (std::uint32_t t : resources[a].reach) {
                if (t >= n) continue;  // an edge even without demand: the residual search looks for room along it
                reach.push_back({static_cast<std::uint32_t>(a), t, 0});
                reach_edge.push_back(flow.add_edge(1 + a, 1 + m + t, 1.0));
            }
        }
        for (std::size_t t = 0; t < n; ++t)
            if (demand[t] > 0) flow.add_edge(1 + m + t, sink, demand[t]);
        delivered = flow.solve(0, sink);
    }
};

double total(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
}

}  // namespace

double bernoulli_entropy_bits(double p) {
    if (p <= 0 || p >= 1) return 0;
    return -p * std::log2(p) - (1 - p) * std::log2(1 - p);
}

GameCoverage solve_patrol_coverage(const std::vector<double>& risk, const std::vector<PatrolResource>& resources) {
    const std::size_t n = risk.size(), m = resources.size();
    std::vector<bool> is_free(n, false);
    for (const auto& r : resources)
        for (std::uint32_t t : r.reach)
            if (t < n && risk[t] > 0) is_free[t] = true;
    std::vector<double> fixed(n, 0.0);  // coverage demanded so far; the flow always meets it

    auto demand_at = [&](double lambda) {
        std::vector<double> d = fixed;
        for (std::size_t i = 0; i < n; ++i)
            if (is_free[i]) d[i] = std::max(d[i], std::clamp(1 - lambda / risk[i], 0.0, 1.0));
        return d;
    };
    auto feasible = [&](const std::vector<double>& d) {
        const double want = total(d);
        return Network(resources, d).delivered >= want - 1e-12 * (1 + want);
    };

    // Round by round: the least gain lambda the free targets can be brought to; targets the
    // resources with spare capacity cannot reach any more are then fixed at their coverage.
    for (std::size_t round = 0; round <= m + 1; ++round) {
        double hi = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (is_free[i]) hi = std::max(hi, risk[i]);
        if (hi <= 0) break;
        double lambda = 0;
        if (!feasible(demand_at(0))) {
            double lo = 0;  // infeasible; hi is feasible (it demands only `fixed`)
            for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; ++it) {
                const double mid = 0.5 * (lo + hi);
                (feasible(demand_at(mid)) ? hi : lo) = mid;
            }
            lambda = hi;
        }
        fixed = demand_at(lambda);
        if (lambda == 0) break;  // every free target is fully covered
        Network net(resources, fixed);
        const std::vector<bool> grows = net.flow.reachable_from(0, kSpare);
        bool changed = false;
        for (std::size_t i = 0; i < n; ++i)
            if (is_free[i] && (!grows[1 + m + i] || fixed[i] >= 1)) is_free[i] = false, changed = true;
        if (!changed) break;
    }

    GameCoverage g;
    g.coverage.assign(n, 0.0);
    g.used.assign(m, 0.0);
    Network net(resources, fixed);
    for (std::size_t k = 0; k < net.reach.size(); ++k) {
        const double p = std::clamp(net.flow.flow(net.reach_edge[k]), 0.0, 1.0);
        if (p <= 1e-12) continue;
        CoverageEdge e = net.reach[k];
        e.p = p;
        g.coverage[e.target] += p;
        g.used[e.resource] += p;
        g.edges.push_back(e);
    }
    for (std::size_t i = 0; i < n; ++i) {
        g.coverage[i] = std::min(g.coverage[i], 1.0);
        g.attacker_gain = std::max(g.attacker_gain, std::max(0.0, risk[i]) * (1 - g.coverage[i]));
    }
    return g;
}

}  // namespace tidemark::geo
