#include "geo/patrol_game.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace tidemark::geo;

namespace {

PatrolResource everywhere(std::size_t targets, double capacity) {
    PatrolResource r;
    r.capacity = capacity;
    for (std::uint32_t i = 0; i < targets; ++i) r.reach.push_back(i);
    return r;
}

}  // namespace

// Risks {10, 2, 1, 1}, one asset visiting one stretch a day. By hand: the attack set {10, 2}
// gives lambda = (2 - 1) / (1/10 + 1/2) = 5/3, which lies between 1 and 2 as it must; coverage
// 1 - (5/3)/10 = 5/6 on the high-risk stretch, 1 - (5/3)/2 = 1/6 on the next, 0 on the rest.
TEST(PatrolGame, SingleHighRiskStretchAndOneAssetByHand) {
    const GameCoverage g = solve_patrol_coverage({10, 2, 1, 1}, {everywhere(4, 1)});
    ASSERT_EQ(g.coverage.size(), 4u);
    EXPECT_NEAR(g.coverage[0], 5.0 / 6.0, 1e-9);
    EXPECT_NEAR(g.coverage[1], 1.0 / 6.0, 1e-9);
    EXPECT_NEAR(g.coverage[2], 0.0, 1e-12);
    EXPECT_NEAR(g.coverage[3], 0.0, 1e-12);
    EXPECT_NEAR(g.attacker_gain, 5.0 / 3.0, 1e-9);
    EXPECT_NEAR(g.used[0], 1.0, 1e-9);
}

// Risks {10, 1, 1}: lambda = (3 - 1) / (1/10 + 1 + 1) = 2/2.1, below 1, so all three are attacked.
TEST(PatrolGame, EveryStretchInTheAttackSetWhenTheRisksAreClose) {
    const GameCoverage g = solve_patrol_coverage({10, 1, 1}, {everywhere(3, 1)});
    const double lambda = 2 / 2.1;
    EXPECT_NEAR(g.coverage[0], 1 - lambda / 10, 1e-9);
    EXPECT_NEAR(g.coverage[1], 1 - lambda, 1e-9);
    EXPECT_NEAR(g.coverage[2], 1 - lambda, 1e-9);
}

TEST(PatrolGame, BudgetAtLeastTheStretchesCoversAll) {
    for (double budget : {3.0, 4.0, 7.5}) {
        const GameCoverage g = solve_patrol_coverage({3, 0.5, 1}, {everywhere(3, budget)});
        for (double c : g.coverage) EXPECT_NEAR(c, 1.0, 1e-12) << "budget " << budget;
        EXPECT_NEAR(g.attacker_gain, 0.0, 1e-12);
    }
    // Two assets of 2 and 1 are the same budget of 3.
    const GameCoverage g = solve_patrol_coverage({3, 0.5, 1}, {everywhere(3, 2), everywhere(3, 1)});
    for (double c : g.coverage) EXPECT_NEAR(c, 1.0, 1e-9);
}

TEST(PatrolGame, CoverageRisesWithRiskAndEqualisesTheGainOverTheAttackSet) {
    const std::vector<double> risk{0.5, 7, 3, 3, 12, 1.5, 0, 9, 2, 4.5};
    const GameCoverage g = solve_patrol_coverage(risk, {everywhere(risk.size(), 3)});
    double sum = 0;
    for (std::size_t i = 0; i < risk.size(); ++i) {
        sum += g.coverage[i];
        for (std::size_t j = 0; j < risk.size(); ++j)
            if (risk[i] > risk[j]) EXPECT_GE(g.coverage[i] + 1e-12, g.coverage[j]) << i << " vs " << j;
        // Covered stretches all leave the attacker the same gain; uncovered ones no more than that.
        if (g.coverage[i] > 1e-9) {
            EXPECT_NEAR(risk[i] * (1 - g.coverage[i]), g.attacker_gain, 1e-7) << i;
        } else {
            EXPECT_LE(risk[i], g.attacker_gain + 1e-7) << i;
        }
    }
    EXPECT_NEAR(sum, 3.0, 1e-8);  // the whole budget is spent
    EXPECT_EQ(g.coverage[6], 0.0);  // no risk, no visits
}

// Asset A reaches only stretch 0 (risk 1); asset B reaches stretches 1 and 2 (risk 4 each); one
// visit a day each. By hand: B alone bounds lambda: 2 (1 - lambda/4) <= 1 gives lambda = 2 and
// coverage 1/2 on stretches 1 and 2; A, with its capacity spare, then covers stretch 0 fully.
TEST(PatrolGame, ReachLimitsSolveRoundByRound) {
    PatrolResource a{1, {0}}, b{1, {1, 2}};
    const GameCoverage g = solve_patrol_coverage({1, 4, 4}, {a, b});
    EXPECT_NEAR(g.coverage[0], 1.0, 1e-9);
    EXPECT_NEAR(g.coverage[1], 0.5, 1e-9);
    EXPECT_NEAR(g.coverage[2], 0.5, 1e-9);
    EXPECT_NEAR(g.attacker_gain, 2.0, 1e-9);
    for (const CoverageEdge& e : g.edges) EXPECT_TRUE((e.resource == 0 && e.target == 0) || (e.resource == 1 && e.target > 0));
}

TEST(PatrolGame, OutOfReachStretchesKeepTheirWholeRisk) {
    PatrolResource a{1, {0}};
    const GameCoverage g = solve_patrol_coverage({2, 5}, {a});
    EXPECT_NEAR(g.coverage[0], 1.0, 1e-9);
    EXPECT_EQ(g.coverage[1], 0.0);
    EXPECT_NEAR(g.attacker_gain, 5.0, 1e-12);
}

TEST(PatrolGame, BernoulliEntropy) {
    EXPECT_EQ(bernoulli_entropy_bits(0), 0);
    EXPECT_EQ(bernoulli_entropy_bits(1), 0);
    EXPECT_NEAR(bernoulli_entropy_bits(0.5), 1.0, 1e-15);
    // 0.25: 0.25 * 2 + 0.75 * log2(4/3) = 0.5 + 0.311278 = 0.811278
    EXPECT_NEAR(bernoulli_entropy_bits(0.25), 0.8112781245, 1e-9);
}
