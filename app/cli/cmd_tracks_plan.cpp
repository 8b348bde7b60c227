#include "app/cli/tracks_commands.h"

namespace tidemark::cli {
void add_tracks_plan_command(CLI::App&, Context&) {}
}  // namespace tidemark::cli
