// One asset's sea routing around its base, for suggested patrols: a land/sea grid (sea_grid.h)
// as big as the asset's reach, its berth (the sea cell nearest the base port), stations off
// the coast, and sea legs between them. One search per station serves every leg ending there
// and legs are kept, so thousands of drawn sorties are routed without searching again.
// Not thread-safe (legs are cached on first use): one router per thread.
#pragma once

#include "geo/geometry.h"
#include "layers/plan/sea_grid.h"

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace tidemark::layers::plan {

class PatrolRouter {
public:
    using Cell = std::pair<int, int>;
    // A grid of about `cells` x `cells` cells (at least `min_cell_m` each) reaching `reach_m` from `base`.
    PatrolRouter(geo::XY base, double reach_m, const std::vector<geo::Polygon>& land, double min_cell_m = 250,
                 int cells = 600);

    const SeaGrid& grid() const { return grid_; }
    // The sea cell nearest the base port; nullopt when the grid has no sea.
    std::optional<Cell> berth() const { return berth_; }
    // The sea cell nearest `p` at least `standoff_m` from land (any sea cell when none is that far);
    // nullopt when `p` is outside the grid or the grid has no sea.
    std::optional<Cell> station(geo::XY p, double standoff_m) const;
    geo::XY at(Cell c) const { return grid_.centre_of(c.first, c.second); }
    // Straightened sea route from a to b (a's centre first, b's last); empty when there is none.
    const std::vector<geo::XY>& leg(Cell a, Cell b);
    // Metres along leg(a, b); infinity when there is no sea route.
    double length(Cell a, Cell b);

private:
    SeaGrid grid_;
    std::optional<Cell> berth_;
    std::map<Cell, SeaGrid::Tree> trees_;
    std::map<std::pair<Cell, Cell>, std::vector<geo::XY>> legs_;
};

}  // namespace tidemark::layers::plan
