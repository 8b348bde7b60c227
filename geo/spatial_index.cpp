#include "geo/spatial_index.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace tidemark::geo {

double box_distance(const Box& b, XY p) {
    const double dx = std::max({b.min_x - p.x, 0.0, p.x - b.max_x});
    const double dy = std::max({b.min_y - p.y, 0.0, p.y - b.max_y});
    return std::hypot(dx, dy);
}

namespace {

// Sort-Tile-Recursive packing of `entries` (indices into boxes) into groups of `cap`.
template <class BoxOf>
std::vector<std::vector<std::uint32_t>> str_pack(std::vector<std::uint32_t> entries, int cap, BoxOf box_of) {
    const std::size_t n = entries.size();
    const std::size_t leaves = (n + cap - 1) / cap;
    const std::size_t slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(leaves))));
    const std::size_t per_slice = slices * cap;
    std::sort(entries.begin(), entries.end(), [&](auto a, auto b) { return box_of(a).centre().x < box_of(b).centre().x; });
    std::vector<std::vector<std::uint32_t>> groups;
    for (std::size_t s = 0; s < n; s += per_slice) {
        auto begin = entries.begin() + s;
        auto end = entries.begin() + std::min(n, s + per_slice);
        std::sort(begin, end, [&](auto a, auto b) { return box_of(a).centre().y < box_of(b).centre().y; });
        for (auto it = begin; it < end; it += std::min<std::ptrdiff_t>(cap, end - it))
            groups.emplace_back(it, std::min(end, it + cap));
    }
    return groups;
}

}  // namespace

SpatialIndex::SpatialIndex(const std::vector<Box>& boxes, int node_capacity)
    : item_boxes_(boxes), item_count_(boxes.size()) {
    if (boxes.empty()) return;
    const int cap = std::max(node_capacity, 2);
    std::vector<std::uint32_t> ids(boxes.size());
    for (std::uint32_t i = 0; i < ids.size(); ++i) ids[i] = i;

    // Leaves.
    std::vector<std::uint32_t> level;
    for (auto& group : str_pack(ids, cap, [&](std::uint32_t i) -> const Box& { return item_boxes_[i]; })) {
        Node node;
        node.leaf = true;
        node.first = static_cast<std::uint32_t>(items_.size());
        node.count = static_cast<std::uint32_t>(group.size());
        for (auto id : group) {
            items_.push_back(id);
            node.box.expand(item_boxes_[id]);
        }
        level.push_back(static_cast<std::uint32_t>(nodes_.size()));
        nodes_.push_back(node);
    }
    // Upper levels: children of one parent must be contiguous, so re-append them in group order.
    while (level.size() > 1) {
        std::vector<std::uint32_t> next;
        auto groups = str_pack(level, cap, [&](std::uint32_t i) -> const Box& { return nodes_[i].box; });
        for (auto& group : groups) {
            Node parent;
            parent.first = static_cast<std::uint32_t>(nodes_.size());
            parent.count = static_cast<std::uint32_t>(group.size());
            for (auto child : group) {
                Node copy = nodes_[child];
                parent.box.expand(copy.box);
                nodes_.push_back(copy);
            }
            next.push_back(static_cast<std::uint32_t>(nodes_.size()));
            nodes_.push_back(parent);
        }
        level = std::move(next);
    }
    // Make sure the root is the last node.
    if (level.front() != nodes_.size() - 1) nodes_.push_back(nodes_[level.front()]);
}

void SpatialIndex::query(const Box& q, const std::function<bool(std::uint32_t)>& visit) const {
    if (nodes_.empty()) return;
    std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(nodes_.size() - 1)};
    while (!stack.empty()) {
        const Node& node = nodes_[stack.back()];
        stack.pop_back();
        if (!node.box.intersects(q)) continue;
        if (node.leaf) {
            for (std::uint32_t k = 0; k < node.count; ++k) {
                std::uint32_t id = items_[node.first + k];
                if (item_boxes_[id].intersects(q) && !visit(id)) return;
            }
        } else {
            for (std::uint32_t k = 0; k < node.count; ++k) stack.push_back(node.first + k);
        }
    }
}

std::vector<std::uint32_t> SpatialIndex::query(const Box& q) const {
    std::vector<std::uint32_t> out;
    query(q, [&](std::uint32_t id) { out.push_back(id); return true; });
    return out;
}

std::int64_t SpatialIndex::nearest(XY p, const std::function<double(std::uint32_t)>& distance,
                                   double max_distance, double* found_distance) const {
    if (nodes_.empty()) return -1;
    // Queue entries: (lower bound, node index or item id, is_item).
    struct Entry {
        double bound;
        std::uint32_t index;
        bool item;
        bool operator>(const Entry& o) const { return bound > o.bound; }
    };
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    queue.push({box_distance(nodes_.back().box, p), static_cast<std::uint32_t>(nodes_.size() - 1), false});
    while (!queue.empty()) {
        Entry e = queue.top();
        queue.pop();
        if (e.bound > max_distance) break;
        if (e.item) {
            if (found_distance) *found_distance = e.bound;
            return e.index;
        }
        const Node& node = nodes_[e.index];
        for (std::uint32_t k = 0; k < node.count; ++k) {
            if (node.leaf) {
                std::uint32_t id = items_[node.first + k];
                if (box_distance(item_boxes_[id], p) <= max_distance) {
                    double d = distance(id);
                    if (d <= max_distance) queue.push({d, id, true});
                }
            } else {
                const Node& child = nodes_[node.first + k];
                queue.push({box_distance(child.box, p), node.first + k, false});
            }
        }
    }
    return -1;
}

}  // namespace tidemark::geo
