// The commands that need the desktop app, registered by main() when the GUI is built, so the
// CLI library itself never links the GUI (a build without a display stack keeps every other
// command; `gui` then says the app is not built).
#pragma once

#include "app/cli/command.h"

namespace tidemark::gui {

void add_gui_command(CLI::App& app, cli::Context& ctx);           // gui_command.cpp
void add_bench_render_command(CLI::App& app, cli::Context& ctx);  // bench_render_command.cpp

}  // namespace tidemark::gui
