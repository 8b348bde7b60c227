// Timed vessel tracks in the working CRS: what AIS/GPX/CSV import and planned routes produce
// and what the coverage engine consumes. Positions between consecutive fixes of one leg are
// linearly interpolated; nothing is known between legs.
#pragma once

#include "geo/geometry.h"
#include "geo/time.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tidemark::geo {

struct Fix {
    UnixTime t = 0;
    XY p;                  // working CRS, metres
    double speed_kn = -1;  // reported speed over ground; < 0 when unknown
    double course_deg = -1;  // reported course over ground; < 0 when unknown
};

// Fixes of one leg are in strictly increasing time order, with no gap longer than the
// track builder's maximum.
struct TrackLeg {
    std::vector<Fix> fixes;
};

struct Track {
    std::string vessel;       // vessel name as in the fleet register, or "MMSI 235000001" when unknown
    std::uint32_t mmsi = 0;   // 0 when unknown
    bool planned = false;     // a planned patrol rather than observed positions
    bool synthetic = false;   // generated demo data, to be labelled as such
    std::vector<TrackLeg> legs;
};

}  // namespace tidemark::geo
