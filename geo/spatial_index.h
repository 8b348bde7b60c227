// A static packed R-tree (Sort-Tile-Recursive) over item boxes: built once, queried many
// times from any number of threads (queries are const and allocate nothing shared).
#pragma once

#include "geo/geometry.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace tidemark::geo {

class SpatialIndex {
public:
    SpatialIndex() = default;
    // Item i has box boxes[i]; ids handed to callbacks are these indices.
    explicit SpatialIndex(const std::vector<Box>& boxes, int node_capacity = 16);

    std::size_t size() const { return item_count_; }
    Box bounds() const { return nodes_.empty() ? Box{} : nodes_.back().box; }

    // Calls visit(id) for every item whose box intersects `query`. Return false from visit to stop.
    void query(const Box& query, const std::function<bool(std::uint32_t)>& visit) const;
    std::vector<std::uint32_t> query(const Box& query) const;

    // Best-first nearest search. `distance(id)` gives the exact distance from the query
    // point to item id; boxes bound it from below. Returns the nearest id within max_distance,
    // or -1 when none is.
    std::int64_t nearest(XY p, const std::function<double(std::uint32_t)>& distance,
                         double max_distance = std::numeric_limits<double>::infinity(),
                         double* found_distance = nullptr) const;

private:
    struct Node {
        Box box;
        std::uint32_t first = 0;  // first child node, or first entry in items_ for a leaf
        std::uint32_t count = 0;
        bool leaf = false;
    };
    std::vector<Node> nodes_;  // levels stored bottom-up; root is the last node
    std::vector<std::uint32_t> items_;
    std::vector<Box> item_boxes_;
    std::size_t item_count_ = 0;
};

double box_distance(const Box& b, XY p);

}  // namespace tidemark::geo
