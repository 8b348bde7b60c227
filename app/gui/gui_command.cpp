// `tidemark gui [WS.gpkg]` (also what `tidemark` with no command runs).
#include "app/gui/desktop_commands.h"
#include "app/gui/gui.h"

#include <cstdio>

namespace tidemark::gui {

void add_gui_command(CLI::App& app, cli::Context& ctx) {
    auto opt = std::make_shared<GuiOptions>();
    CLI::App* cmd = app.add_subcommand("gui", "Open the desktop app (the default with no command)");
    cmd->add_option("workspace", opt->workspace, "Workspace to open");
    cmd->add_option("--screenshot", opt->screenshot, "Write a PNG of the window after --frames frames, then quit");
    cmd->add_option("--frames", opt->frames, "Frames to draw before the screenshot")->default_val(3);
    cmd->add_option("--size", [opt](const CLI::results_t& r) {
        return std::sscanf(r[0].c_str(), "%dx%d", &opt->width, &opt->height) == 2;
    }, "Window size WxH")->default_str("1280x800");
    cmd->add_option("--view", opt->view, "Show this box: minx,miny,maxx,maxy in the working CRS (default: fit all)");
    cmd->add_option("--time", opt->time, "Timeline time T (ISO 8601)");
    cmd->add_option("--as-of", opt->as_of, "Show the team workspace as it was known at this time (ISO 8601), read-only");
    cmd->add_flag("--coverage-as-of", opt->coverage_as_of,
                  "Colour the coast by the time since each segment was last seen before T (the timeline's switch)");
    cmd->add_option("--panel", opt->panel, "Side-bar panel to open first")
        ->transform(CLI::IsMember(panel_titles(), CLI::ignore_case));  // "forces" opens Forces
    cmd->add_option("--select", opt->select, "Select this feature at start: LAYER:FID (its id in the layer's source)");
    cmd->add_flag("--history", opt->show_history, "With --select on a team workspace: show the feature's history");
    cmd->add_flag("--print-view", opt->print_view, "With --screenshot: print the map rectangle and view on stdout");
    cmd->add_option("--bench-frames", opt->bench_frames,
                    "Time the launch, then N frames while the view pans; print the figures and quit")
        ->check(CLI::Range(1, 100000));
    cmd->callback([opt, &ctx] { ctx.exit_code = run_gui(*opt); });
}

}  // namespace tidemark::gui
