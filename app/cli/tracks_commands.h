// Subcommands of `tidemark tracks` that live in their own files.
#pragma once

#include "app/cli/command.h"
#include "geo/track.h"

#include <vector>

namespace tidemark::cli {

void add_tracks_plan_command(CLI::App& tracks, Context& ctx);        // cmd_tracks_plan.cpp
void add_tracks_synthesize_command(CLI::App& tracks, Context& ctx);  // cmd_tracks_synthesize.cpp
// Adds `incoming` to `into`: a vessel's legs (same name, same planned flag) merge by start time.
void merge_tracks(std::vector<geo::Track>& into, std::vector<geo::Track> incoming);

}  // namespace tidemark::cli
