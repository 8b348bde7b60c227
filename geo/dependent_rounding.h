// Turns a day's visit probabilities per (resource, target) into one concrete choice, keeping
// every probability exactly: bipartite dependent rounding (Gandhi, Khuller, Parthasarathy and
// Srinivasan, "Dependent rounding and its applications to approximation algorithms", JACM
// 53(3), 2006). Each step takes a cycle or a maximal path of still-fractional edges and shifts
// weight alternately along it, up or down at random with the probabilities that keep each
// edge's expectation; at least one edge becomes 0 or 1 per step.
//
// Guarantees: P(edge chosen) = p exactly; a target whose probabilities sum to <= 1 is chosen at
// most once (no two assets sent to the same stretch on the same day), so it is visited with
// exactly the summed probability; a resource gets floor or ceil of its summed probabilities.
#pragma once

#include "geo/patrol_game.h"
#include "geo/seeded_random.h"

#include <vector>

namespace tidemark::geo {

// Per edge of `edges`: chosen or not. `resources`, `targets`: the id ranges.
std::vector<bool> dependent_rounding(const std::vector<CoverageEdge>& edges, std::size_t resources, std::size_t targets,
                                     SeededRandom& rng);

}  // namespace tidemark::geo
