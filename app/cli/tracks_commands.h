// Subcommands of `tidemark tracks` that live in their own files.
#pragma once

#include "app/cli/command.h"
#include "geo/problem.h"
#include "geo/track.h"
#include "layers/tracks/fleet.h"
#include "layers/tracks/track_import.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

#include <set>
#include <string>
#include <vector>

namespace tidemark::cli {

void add_tracks_plan_command(CLI::App& tracks, Context& ctx);        // cmd_tracks_plan.cpp
void add_tracks_synthesize_command(CLI::App& tracks, Context& ctx);  // cmd_tracks_synthesize.cpp
using layers::link_to_fleet;  // layers/tracks/track_import.h: the one import path, shared with the app
using layers::merge_tracks;

struct TrackImportOptions {
    std::string workspace;
    std::vector<std::string> files;
    layers::TrackReadOptions read;
    std::string fleet;
    bool replace = false;
    bool all_problems = false;
    bool follow = false;
    std::size_t batch_lines = 1000;  // --follow: commit after this many lines...
    double batch_seconds = 5;        // ...or this long after the first uncommitted line
};

// The fleet register for an import: read from `--fleet` (and stored in `ws`), else the one
// `ws` holds. False with `error` when the CSV cannot be read.
bool import_fleet(layers::Workspace& ws, const TrackImportOptions& opt, std::vector<layers::Vessel>& fleet,
                  geo::Problems& problems, std::string* error);
void print_unknown_vessels(const std::set<std::string>& unknown);

// `tracks import --follow` (cmd_tracks_follow.cpp): keeps importing one AIS log that another
// program appends to, committing in batches, until SIGINT or SIGTERM.
int follow_ais_log(const TrackImportOptions& opt);

}  // namespace tidemark::cli
