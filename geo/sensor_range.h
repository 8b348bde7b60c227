// How far a patrol vessel's radar sees a small target: the radar horizon.
#pragma once

namespace tidemark::geo {

inline constexpr double kMetresPerNauticalMile = 1852.0;
inline constexpr double kMetresPerSecondPerKnot = kMetresPerNauticalMile / 3600.0;
// No sensor on a patrol vessel sees further (the radar horizon of a 1,900 m mast); a larger
// range in a register or on the command line is a typing error (metres for nautical miles).
inline constexpr double kMaxSensorRangeNm = 100.0;

// Radar horizon in nautical miles between an antenna h_antenna_m and a target h_target_m
// above the sea (both metres): 2.23 * (sqrt(h_antenna) + sqrt(h_target)).
// Source: the radar horizon over a smooth sea with standard refraction (effective earth
// radius k*R, k = 4/3, R = 6371 km): d = sqrt(2*k*R*h) = 4122 m * sqrt(h[m]) = 2.23 nm * sqrt(h[m])
// per end of the path, summed for antenna and target. Published as the rule of thumb in
// Bowditch, The American Practical Navigator (NGA Pub. 9), ch. "Radar Navigation" (radar
// horizon 1.22*sqrt(h[ft]) nm = 2.21*sqrt(h[m])) and in Skolnik, Radar Handbook, 4/3-earth model.
// Negative heights count as 0.
double radar_horizon_nm(double h_antenna_m, double h_target_m = 1.0);

// Effective sensor range in metres: the radar horizon, capped by `explicit_cap_nm` when > 0
// (a radar's instrumented range or a planner's own figure).
double sensor_range_m(double h_antenna_m, double h_target_m, double explicit_cap_nm);

}  // namespace tidemark::geo
