// Reading vessel tracks from AIS NMEA logs, GPX and CSV. Keeping them in the workspace is
// layers/tracks/track_store.h (included here for the callers that do both).
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"

#include <string>
#include <vector>

namespace tidemark::layers {

struct TrackReadOptions {
    std::string format;  // "" = detect from extension/content; "ais", "gpx", "csv"
    double max_gap_s = 1800;
    double max_speed_kn = 60;
    // CSV column mapping, "vessel=boat,time=ts,lat=y_deg,lon=x_deg" (keys: vessel, mmsi, time,
    // lat, lon, x, y, crs, speed, course); detected from common names when empty.
    std::string columns;
};

struct TrackReadResult {
    std::vector<geo::Track> tracks;
    geo::Problems problems;  // bad lines/rows and dropped fixes, kept good data beside them
    bool ok = false;         // false only when the file cannot be read at all
    std::string error;
};

// Positions end up in `working` (metres). AIS logs need a time per line (tag block c: or a
// leading timestamp column); lines without one are reported and skipped.
TrackReadResult read_tracks(const std::string& path, const geo::Crs& working, const TrackReadOptions& options = {});

}  // namespace tidemark::layers
