#include "geo/spatial_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace tidemark::geo;

namespace {
std::vector<Box> random_boxes(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> pos(0, 100000), size(0, 500);
    std::vector<Box> boxes;
    for (int i = 0; i < n; ++i) {
        double x = pos(rng), y = pos(rng);
        boxes.push_back({x, y, x + size(rng), y + size(rng)});
    }
    return boxes;
}
}  // namespace

TEST(SpatialIndex, QueryFindsExactlyTheIntersectingBoxes) {
    auto boxes = random_boxes(5000, 7);
    SpatialIndex index(boxes);
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> pos(0, 100000);
    for (int q = 0; q < 50; ++q) {
        double x = pos(rng), y = pos(rng);
        Box query{x, y, x + 3000, y + 2000};
        auto found = index.query(query);
        std::sort(found.begin(), found.end());
        std::vector<std::uint32_t> expected;  // brute force
        for (std::uint32_t i = 0; i < boxes.size(); ++i)
            if (boxes[i].intersects(query)) expected.push_back(i);
        EXPECT_EQ(found, expected);
    }
}

TEST(SpatialIndex, NearestAgreesWithBruteForce) {
    auto boxes = random_boxes(3000, 3);
    SpatialIndex index(boxes);
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> pos(-10000, 110000);
    for (int q = 0; q < 100; ++q) {
        XY p{pos(rng), pos(rng)};
        auto dist = [&](std::uint32_t i) { return std::hypot(boxes[i].centre().x - p.x, boxes[i].centre().y - p.y); };
        double best = 1e300;
        for (std::uint32_t i = 0; i < boxes.size(); ++i) best = std::min(best, dist(i));
        double found = -1;
        auto id = index.nearest(p, dist, 1e300, &found);
        ASSERT_GE(id, 0);
        EXPECT_DOUBLE_EQ(found, best);
    }
}

TEST(SpatialIndex, NearestRespectsMaximumDistance) {
    SpatialIndex index(std::vector<Box>{{0, 0, 1, 1}});
    auto d = [](std::uint32_t) { return 1000.0; };
    EXPECT_EQ(index.nearest({1000, 0}, d, 10.0), -1);
    EXPECT_EQ(SpatialIndex().nearest({0, 0}, d), -1);
}
