// Maximum flow with real capacities (Dinic's algorithm): small graphs, solved many times
// (patrol_game.h searches the attacker's gain by bisection, one flow per step).
#pragma once

#include <cstddef>
#include <vector>

namespace tidemark::geo {

class MaxFlow {
public:
    explicit MaxFlow(std::size_t nodes) : adj_(nodes), level_(nodes), next_(nodes) {}
    // Returns the edge's id, for flow(). Capacities below kEps count as none.
    std::size_t add_edge(std::size_t from, std::size_t to, double capacity);
    double solve(std::size_t source, std::size_t sink);
    double flow(std::size_t edge) const { return edges_[edge].flow; }
    double residual(std::size_t edge) const { return edges_[edge].cap - edges_[edge].flow; }
    // After solve(): the nodes reachable from `source` through edges with residual > min_residual.
    std::vector<bool> reachable_from(std::size_t source, double min_residual) const;

    static constexpr double kEps = 1e-12;

private:
    struct Edge {
        std::size_t to;
        double cap, flow;
    };
    bool bfs(std::size_t s, std::size_t t);
    double push(std::size_t u, std::size_t t, double f);
    std::vector<Edge> edges_;                    // edge 2k and its reverse 2k+1
    std::vector<std::vector<std::size_t>> adj_;  // edge ids out of each node
    std::vector<int> level_;
    std::vector<std::size_t> next_;
};

}  // namespace tidemark::geo
