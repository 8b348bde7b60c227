// `tidemark bench-render [--frames N] [--size WxH] [--scale F]`: the map renderer against
// the naive ImDrawList way on the scene; prints medians and the ratio.
#include "app/gui/bench_render.h"
#include "app/gui/desktop_commands.h"

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
    cmd->callback([opt, &ctx] { ctx.exit_code = run_bench_render(*opt); });
}

}  // namespace tidemark::gui
