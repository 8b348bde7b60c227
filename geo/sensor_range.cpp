#include "geo/sensor_range.h"

#include <algorithm>
#include <cmath>

namespace tidemark::geo {

double radar_horizon_nm(double h_antenna_m, double h_target_m) {
    return 2.23 * (std::sqrt(std::max(0.0, h_antenna_m)) + std::sqrt(std::max(0.0, h_target_m)));
}

double sensor_range_m(double h_antenna_m, double h_target_m, double explicit_cap_nm) {
    double nm = radar_horizon_nm(h_antenna_m, h_target_m);
    if (explicit_cap_nm > 0) nm = std::min(nm, explicit_cap_nm);
    return nm * kMetresPerNauticalMile;
}

}  // namespace tidemark::geo
