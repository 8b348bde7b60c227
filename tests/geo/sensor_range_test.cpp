#include "geo/sensor_range.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

TEST(SensorRange, RadarHorizonByHand) {
    // 2.23 * (sqrt(12) + sqrt(1)) = 2.23 * 4.4641 = 9.955 nm
    EXPECT_NEAR(radar_horizon_nm(12.0, 1.0), 9.955, 0.001);
    // 2.23 * (sqrt(4) + sqrt(1)) = 6.69 nm = 12389.9 m
    EXPECT_NEAR(sensor_range_m(4.0, 1.0, 0), 12389.9, 0.5);
    // Target at sea level: antenna term only, 2.23 * 3 = 6.69 nm
    EXPECT_NEAR(radar_horizon_nm(9.0, 0.0), 6.69, 1e-9);
}

TEST(SensorRange, ExplicitCapWins) {
    EXPECT_NEAR(sensor_range_m(12.0, 1.0, 6.0), 6.0 * 1852.0, 0.5);
    // A cap above the horizon changes nothing.
    EXPECT_NEAR(sensor_range_m(4.0, 1.0, 24.0), 12389.9, 0.5);
}

TEST(SensorRange, NegativeHeightsCountAsSeaLevel) { EXPECT_NEAR(radar_horizon_nm(-3.0, 1.0), 2.23, 1e-9); }
