// One SYNTHETIC AIS NMEA log per vessel, for the demo: class A position reports (message 1)
// and a two-part static report (message 5) at each departure and every 2 h under way, each
// sentence with an IEC 61162-450 tag block `\s:tidemark-synthetic,c:<unix>*hh\`. Encoded by
// Tidemark's own encoder (ais_encode.h) so the demo is read back through the real decoder. The
// first lines are comments saying the data are synthetic.
#pragma once

#include "geo/geometry.h"
#include "geo/time.h"
#include "layers/tracks/fleet.h"

#include <string>
#include <vector>

namespace tidemark::layers {

struct SyntheticFix {
    geo::UnixTime t = 0;
    geo::XY lonlat;             // WGS 84 degrees
    double speed_kn = 0, course_deg = 0;
    bool moored = false;        // navigational status 5 (in port) instead of 0 (under way)
};

// Writes `fixes` (in time order) for `vessel` to `path` through a temporary renamed over it, so
// a failed or killed run never leaves half a log. `header` lines are written as `# ` comments.
// Returns "" or the error, naming the file. `sentences` gets the number of NMEA lines.
std::string write_synthetic_ais_log(const std::string& path, const Vessel& vessel, const std::vector<std::string>& header,
                                    const std::vector<SyntheticFix>& fixes, std::size_t* sentences);

// "HMC Searcher" -> "hmc_searcher": file names for vessels.
std::string file_slug(const std::string& name);

}  // namespace tidemark::layers
