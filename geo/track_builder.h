// Turns unordered position reports into tracks: per vessel, sort by time, drop exact
// duplicates, drop fixes that imply an impossible speed, split into legs at long gaps.
// Pure computation; positions are already in the working CRS (metres).
#pragma once

#include "geo/problem.h"
#include "geo/track.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tidemark::geo {

// One report before track building. `vessel` keys the track (name or "MMSI n").
struct PositionReport {
    std::string vessel;
    std::uint32_t mmsi = 0;
    Fix fix;
    long line = 0;  // 1-based source line (for problems), 0 when none
};

struct TrackBuildOptions {
    double max_gap_s = 1800;    // a longer silence starts a new leg
    // A fix implying more than this from the last kept fix is dropped; so is a leg's first fix
    // when the two fixes after it agree with each other and not with it.
    double max_speed_kn = 60;
    std::string source;         // file named in problems
    bool planned = false;
    bool synthetic = false;
};

struct TrackBuildStats {
    std::size_t reports = 0, kept = 0, duplicates = 0, impossible_speed = 0, same_time_conflicts = 0;
};

// Problems: one Warning per dropped fix class per vessel (counts, first line), never fatal.
// Tracks come out sorted by vessel name; legs with a single fix are kept (a sighting).
std::vector<Track> build_tracks(std::vector<PositionReport> reports, const TrackBuildOptions& options,
                                Problems& problems, TrackBuildStats* stats = nullptr);

}  // namespace tidemark::geo
