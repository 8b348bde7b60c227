// Reading vessel tracks from AIS NMEA logs, GPX and CSV, and keeping them in the workspace
// as two layers QGIS shows: "track_points" (one point per fix) and "track_legs" (one line per leg).
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track.h"
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

inline constexpr const char* kTrackPointsLayer = "track_points";
inline constexpr const char* kTrackLegsLayer = "track_legs";

// Replaces both layers with `tracks`. Points: vessel, mmsi, time (ISO), unix_time (exact
// seconds), speed_kn, course_deg, leg, planned, synthetic. Legs: vessel, mmsi, leg, start,
// end, fixes, planned, synthetic.
void store_tracks(Workspace& ws, const std::vector<geo::Track>& tracks);
// Inverse of store_tracks (from track_points), exact on times and positions.
std::vector<geo::Track> load_tracks(const Workspace& ws);

}  // namespace tidemark::layers
