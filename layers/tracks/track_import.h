// One path for tracks into a workspace, used by `tidemark tracks import` (also --follow and
// planned patrols) and by the app's File > Import tracks: read any format track_io reads, link
// each track to the fleet register, merge with the tracks stored before (or replace them), and
// store them as track_points / track_legs. Reading needs no workspace, so the app reads on a
// worker thread and lands the result on the UI thread.
#pragma once

#include "geo/crs.h"
#include "geo/problem.h"
#include "geo/track.h"
#include "layers/tracks/fleet.h"
#include "layers/tracks/track_io.h"

#include <atomic>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace;

struct TrackFileSummary {
    std::string path;
    std::size_t vessels = 0, legs = 0, fixes = 0;
    std::string error;  // the file could not be read at all (the others are kept)
};

struct TrackFilesRead {
    std::vector<geo::Track> tracks;
    std::vector<TrackFileSummary> files;  // in the order given
    geo::Problems problems;               // bad lines and rows, named by file and line
    bool cancelled = false;
};

// Reads `files` into the working CRS `crs`. `progress` gets the share of files read; `cancel`
// is read between files.
TrackFilesRead read_track_files(const std::vector<std::string>& files, const geo::Crs& crs, const TrackReadOptions& options,
                                const std::function<void(double)>& progress = {}, const std::atomic<bool>* cancel = nullptr);

// Names each track as the fleet register does (and fills its MMSI from it); adds those the
// register does not know to `unknown` ("NAME (MMSI n)").
void link_to_fleet(std::vector<geo::Track>& tracks, const std::vector<Vessel>& fleet, std::set<std::string>& unknown);

// Adds `incoming` to `into`: a vessel's legs (same name, same planned flag) merge by start time.
void merge_tracks(std::vector<geo::Track>& into, std::vector<geo::Track> incoming);

struct TracksAdded {
    std::size_t stored = 0;          // tracks in the workspace afterwards
    std::size_t fixes = 0;           // fixes added
    std::set<std::string> unknown;   // vessels not in the fleet register
};

// Links `incoming` to the workspace's fleet register, merges it with the stored tracks (none
// kept with `replace`) and stores the result in `ws` (in memory: the caller saves).
TracksAdded add_tracks(Workspace& ws, std::vector<geo::Track> incoming, bool replace);

}  // namespace tidemark::layers
