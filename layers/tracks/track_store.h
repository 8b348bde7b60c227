// Tracks in a workspace: the one writer (store_tracks) and the one reader (load_tracks) of the
// stored layout, and the views built from it. A leg is one row of `track_legs`: a LineString
// with a vertex per fix (what QGIS draws), the leg's summary fields, and its per-fix times,
// speeds and courses packed in three text fields (layers/tracks/track_pack.h). Nothing else reads
// track rows by field name. The old layout, one `track_points` row per fix (before 30 Nov
// 2026), is read once when a workspace opens and held packed from then on (docs/tracks.md).
#pragma once

#include "geo/track.h"
#include "layers/layer.h"
#include "layers/tracks/vessel_positions.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tidemark::layers {

class Workspace;

inline constexpr const char* kTrackLegsLayer = "track_legs";
// The old one-row-per-fix layer; `export --layer track_points` still makes it, on demand.
inline constexpr const char* kTrackPointsLayer = "track_points";
inline constexpr const char* kFixTimesField = "fix_times";         // Unix seconds, exact
inline constexpr const char* kFixSpeedsField = "fix_speeds_kn";    // "-" unknown; NULL: none known
inline constexpr const char* kFixCoursesField = "fix_courses_deg"; // "-" unknown; NULL: none known

// Replaces the stored tracks with `tracks`: `track_legs` (vessel, mmsi, leg, start, end, fixes,
// planned, synthetic, fix_times, fix_speeds_kn, fix_courses_deg) and no `track_points`.
void store_tracks(Workspace& ws, const std::vector<geo::Track>& tracks);

// Inverse of store_tracks, exact on times, positions, speeds and courses. Without packed legs,
// reads a point layer of fixes instead (the old `track_points`, or any layer of role Tracks:
// `vessel`, `unix_time` or a time field, optional `leg`, `planned`, `mmsi`, speed and course).
// Legs that cannot be decoded are left out (find_damage names them).
std::vector<geo::Track> load_tracks(const Workspace& ws);

// Whether `ws` holds its tracks packed (a `track_legs` layer with fix_times).
bool has_packed_tracks(const Workspace& ws);

// One stored leg decoded; nullopt with the field at fault ("fix_times", "geom", ...) and why.
std::optional<geo::TrackLeg> decode_leg(const Layer& legs, const Feature& f, std::string* field, std::string* why);

// One point per fix with the old track_points fields (vessel, mmsi, time, unix_time, speed_kn,
// course_deg, leg, planned, synthetic): what QGIS users get from `export --layer track_points`.
Layer track_points_layer(const std::vector<geo::Track>& tracks);

// Each vessel's fixes, time-sorted, by name (planned and observed together; a leg key per leg):
// the view the timeline and the map's vessels at T read.
std::vector<std::pair<std::string, std::vector<TimedFix>>> fixes_by_vessel(const Workspace& ws);

// An old workspace's `track_points` read into packed `track_legs` in memory (the next save
// writes them and drops track_points). Not done when any of its rows is damaged or could not be
// read, or the CRS setting contradicts the layers (all stays as it is, for find_damage to name).
// Returns the fixes converted.
std::size_t convert_old_track_points(Workspace& ws);

}  // namespace tidemark::layers
