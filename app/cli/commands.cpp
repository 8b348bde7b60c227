#include "app/cli/commands.h"

#include <iostream>

namespace tidemark::cli {

namespace {

// `gui` and `bench-render` in a build without the desktop app.
void add_missing_desktop_commands(CLI::App& app, Context& ctx) {
    for (const char* name : {"gui", "bench-render"}) {
        CLI::App* cmd = app.add_subcommand(name, "The desktop app (not built in this configuration)");
        cmd->allow_extras();
        cmd->callback([&ctx] { ctx.exit_code = fail("this build has no desktop app (TIDEMARK_BUILD_GUI=OFF)"); });
    }
}

}  // namespace

int run(int argc, char** argv, const std::vector<AddCommand>& desktop) {
    CLI::App app{"Tidemark: joint monitoring and policing plans for the UK coastline.\n"
                 "Run with no command to open the desktop app.", "tidemark"};
    app.require_subcommand(0, 1);
    app.set_version_flag("--version", kVersion);
    Context ctx;

    // The one list of commands.
    add_info_command(app, ctx);
    add_workspace_command(app, ctx);
    add_forces_command(app, ctx);
    add_ais_command(app, ctx);
    add_tracks_command(app, ctx);
    add_reports_command(app, ctx);
    add_coverage_command(app, ctx);
    add_render_command(app, ctx);
    add_export_command(app, ctx);
    add_plan_command(app, ctx);
    add_team_command(app, ctx);
    if (desktop.empty()) add_missing_desktop_commands(app, ctx);
    for (AddCommand add : desktop) add(app, ctx);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    if (app.get_subcommands().empty()) {
        // No command: the desktop app, as users expect from a double-click.
        const char* gui_args[] = {argv[0], "gui"};
        return run(2, const_cast<char**>(gui_args), desktop);
    }
    return ctx.exit_code;
}

}  // namespace tidemark::cli
