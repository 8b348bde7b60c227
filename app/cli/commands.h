// One registration function per command; commands.cpp lists them all.
#pragma once

#include "app/cli/command.h"

namespace tidemark::cli {

void add_info_command(CLI::App& app, Context& ctx);
void add_workspace_command(CLI::App& app, Context& ctx);
void add_forces_command(CLI::App& app, Context& ctx);
void add_ais_command(CLI::App& app, Context& ctx);
void add_tracks_command(CLI::App& app, Context& ctx);
void add_reports_command(CLI::App& app, Context& ctx);
void add_coverage_command(CLI::App& app, Context& ctx);
void add_render_command(CLI::App& app, Context& ctx);
void add_export_command(CLI::App& app, Context& ctx);
void add_plan_command(CLI::App& app, Context& ctx);
void add_team_command(CLI::App& app, Context& ctx);

}  // namespace tidemark::cli
