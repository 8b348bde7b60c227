// The defender-attacker model behind suggested patrols (docs/suggest.md has the formula and
// its assumptions for users).
//
// Targets are stretches of coast with a risk r_i >= 0 (what an attacker - a smuggler choosing
// where to land - gains there when no patrol comes). The defender has resources (an asset's
// daily sortie) that each visit up to `capacity` targets a day, only targets in their reach.
// Coverage c_i is the probability that target i is visited on the day. The attacker, who
// knows the coverage but not the day's draw (a Stackelberg game, as in PROTECT, Shieh et al.,
// AAMAS 2012), picks the target with the highest expected gain r_i (1 - c_i).
//
// ORIGAMI (Kiekintveld et al., AAMAS 2009) minimises that best gain: it brings every target
// the attacker would consider down to the same gain lambda, c_i = 1 - lambda / r_i for
// r_i > lambda, and leaves the rest (r_i <= lambda) at 0. With one pool of resources that
// reach everything, sum_i c_i = budget fixes lambda:
//     lambda = (|A| - budget) / sum_{i in A} 1/r_i   over the attack set A = {i : r_i > lambda}.
// With reach limits, lambda is the least value whose demands max(0, 1 - lambda/r_i) a flow
// from resources (capacity) to targets (in reach) can meet; resources left with spare capacity
// (their reach is not the bottleneck) then lower lambda on what they reach, round by round.
#pragma once

#include <cstdint>
#include <vector>

namespace tidemark::geo {

struct PatrolResource {
    double capacity = 1;                // targets it can visit a day
    std::vector<std::uint32_t> reach;   // targets it can reach
};

// Probability that `resource` visits `target` on a day.
struct CoverageEdge {
    std::uint32_t resource = 0, target = 0;
    double p = 0;
};

struct GameCoverage {
    std::vector<double> coverage;     // per target, 0..1: the sum of its edges' p
    std::vector<CoverageEdge> edges;  // only p > 0
    std::vector<double> used;         // per resource: expected targets a day (<= capacity)
    double attacker_gain = 0;         // max_i r_i (1 - c_i): what the best-informed attacker expects
};

// Targets with r_i <= 0 or in nobody's reach get 0.
GameCoverage solve_patrol_coverage(const std::vector<double>& risk, const std::vector<PatrolResource>& resources);

// -p log2 p - (1-p) log2 (1-p): how unpredictable a visit of probability p is, in bits.
double bernoulli_entropy_bits(double p);

}  // namespace tidemark::geo
