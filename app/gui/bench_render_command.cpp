// `tidemark bench-render [--frames N] [--size WxH] [--scale F]`: the map renderer against
// the naive ImDrawList way on the scene; prints medians and the ratio.
// `tidemark bench-render --workspace WS [--view BOX]`: the whole app on a workspace instead:
// launch phases and frame times while panning (the app's own --bench-frames).
#include "app/gui/bench_render.h"
#include "app/gui/desktop_commands.h"
#include "app/gui/gui.h"

#include <cstdio>

namespace tidemark::gui {

void add_bench_render_command(CLI::App& app, cli::Context& ctx) {
    auto opt = std::make_shared<BenchRenderOptions>();
    CLI::App* cmd = app.add_subcommand("bench-render", "Time the map renderer against drawing every vertex through ImDrawList");
    cmd->add_option("--frames", opt->frames, "Frames per renderer (median over these)")->default_val(120)->check(CLI::Range(1, 100000));
    cmd->add_option("--scale", opt->scale, "Scene size factor (1 = 400k coast vertices, 1M track points, 10k reports)")
        ->default_val(1.0)->check(CLI::Range(0.0001, 10.0));
    cmd->add_option("--size", [opt](const CLI::results_t& r) {
        return std::sscanf(r[0].c_str(), "%dx%d", &opt->width, &opt->height) == 2;
    }, "Target size WxH")->default_str("1920x1080");
    auto workspace = std::make_shared<std::string>();
    auto view = std::make_shared<std::string>();
    cmd->add_option("--workspace", *workspace, "Time the app on this workspace instead: launch, then frames while panning");
    cmd->add_option("--view", *view, "With --workspace: minx,miny,maxx,maxy to pan over (default: the whole workspace)");
    cmd->callback([opt, workspace, view, &ctx] {
        if (workspace->empty()) {
            ctx.exit_code = run_bench_render(*opt);
            return;
        }
        GuiOptions gui;
        gui.workspace = *workspace;
        gui.view = *view;
        gui.width = opt->width;
        gui.height = opt->height;
        gui.bench_frames = opt->frames;
        ctx.exit_code = run_gui(gui);
    });
}

}  // namespace tidemark::gui
