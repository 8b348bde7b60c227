#include "geo/max_flow.h"

#include <algorithm>
#include <deque>
#include <limits>

namespace tidemark::geo {

std::size_t MaxFlow::add_edge(std::size_t from, std::size_t to, double capacity) {
    const std::size_t id = edges_.size();
    edges_.push_back({to, capacity, 0});
    edges_.push_back({from, 0, 0});
    adj_[from].push_back(id);
    adj_[to].push_back(id + 1);
    return id;
}

bool MaxFlow::bfs(std::size_t s, std::size_t t) {
    std::fill(level_.begin(), level_.end(), -1);
    std::deque<std::size_t> q{s};
    level_[s] = 0;
    while (!q.empty()) {
        const std::size_t u = q.front();
        q.pop_front();
        for (std::size_t e : adj_[u]) {
            const Edge& ed = edges_[e];
            if (ed.cap - ed.flow > kEps && level_[ed.to] < 0) {
                level_[ed.to] = level_[u] + 1;
                q.push_back(ed.to);
            }
        }
    }
    return level_[t] >= 0;
}

double MaxFlow::push(std::size_t u, std::size_t t, double f) {
    if (u == t) return f;
    for (std::size_t& i = next_[u]; i < adj_[u].size(); ++i) {
        const std::size_t e = adj_[u][i];
        Edge& ed = edges_[e];
        if (ed.cap - ed.flow <= kEps || level_[ed.to] != level_[u] + 1) continue;
        const double got = push(ed.to, t, std::min(f, ed.cap - ed.flow));
        if (got > kEps) {
            ed.flow += got;
            edges_[e ^ 1].flow -= got;
            return got;
        }
    }
    return 0;
}

double MaxFlow::solve(std::size_t source, std::size_t sink) {
    double total = 0;
    while (bfs(source, sink)) {
        std::fill(next_.begin(), next_.end(), 0);
        while (double f = push(source, sink, std::numeric_limits<double>::infinity())) {
            if (f <= kEps) break;
            total += f;
        }
    }
    return total;
}

std::vector<bool> MaxFlow::reachable_from(std::size_t source, double min_residual) const {
    std::vector<bool> seen(adj_.size(), false);
    std::deque<std::size_t> q{source};
    seen[source] = true;
    while (!q.empty()) {
        const std::size_t u = q.front();
        q.pop_front();
        for (std::size_t e : adj_[u])
            if (edges_[e].cap - edges_[e].flow > min_residual && !seen[edges_[e].to]) {
                seen[edges_[e].to] = true;
                q.push_back(edges_[e].to);
            }
    }
    return seen;
}

}  // namespace tidemark::geo
