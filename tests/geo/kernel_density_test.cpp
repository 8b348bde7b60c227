#include "geo/kernel_density.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

using namespace tidemark::geo;

// The check: on a grid that covers the reports, the density integrates to their count.
TEST(KernelDensity, IntegratesToTheNumberOfReports) {
    std::vector<XY> points;
    for (int i = 0; i < 40; ++i) points.push_back({600000.0 + (i * 7919 % 30000), 140000.0 + (i * 104729 % 20000)});
    const DensityGrid grid = kernel_density(points, {});  // default extent: bounds + 3 bandwidths
    // 3 sigma margins keep > 99.4 % of each kernel; the issue asks for 1 %.
    EXPECT_NEAR(grid.integral(), 40.0, 0.4);
    Box wide;
    for (XY p : points) wide.expand(p);
    const DensityGrid big = kernel_density(points, {}, {}, wide.grown(30000));
    EXPECT_NEAR(big.integral(), 40.0, 0.01);
}

TEST(KernelDensity, WeightsScaleTheMass) {
    const std::vector<XY> points = {{0, 0}, {20000, 0}};
    Box extent{-40000, -40000, 60000, 40000};
    const DensityGrid g = kernel_density(points, {0.25, 0.5}, {}, extent);
    EXPECT_NEAR(g.integral(), 0.75, 0.0075);
}

// Peak of a 2-D Gaussian with sigma 5 km: 1 / (2 pi sigma^2) per m^2 = 1e6 / (2 pi 25e6) per km^2
// = 0.0063662 per km^2 (hand calculation). A 100 m cell centred on the point is within 0.01 % of it.
TEST(KernelDensity, PeakMatchesTheGaussianFormula) {
    DensityOptions o;
    o.cell_m = 100;
    const DensityGrid g = kernel_density({{50, 50}}, {}, o, Box{-30000, -30000, 30100, 30100});
    EXPECT_NEAR(g.sample({50, 50}), 0.0063662, 0.000002);
    EXPECT_NEAR(kernel_density_at({{0, 0}}, {}, {0, 0}), 0.0063662, 0.0000001);
    // One sigma away: exp(-1/2) of the peak = 0.0038613.
    EXPECT_NEAR(kernel_density_at({{0, 0}}, {}, {5000, 0}), 0.0038613, 0.0000001);
    EXPECT_NEAR(g.sample({5050, 50}), 0.0038613, 0.000005);
}

TEST(KernelDensity, RowZeroIsNorth) {
    DensityOptions o;
    o.cell_m = 1000;
    const DensityGrid g = kernel_density({{5000, 9000}}, {}, o, Box{0, 0, 10000, 10000});
    ASSERT_EQ(g.rows, 10);
    EXPECT_GT(g.at(5, 0), g.at(5, 9));  // the point is near the northern edge
    EXPECT_EQ(g.sample({-1, 5000}), 0.0);
}

TEST(KernelDensity, EmptyInputGivesEmptyGrid) {
    const DensityGrid g = kernel_density({}, {});
    EXPECT_EQ(g.cols, 0);
    EXPECT_TRUE(g.values.empty());
}
