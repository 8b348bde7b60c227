#include "app/cli/command.h"
#ifdef TIDEMARK_HAVE_GUI
#include "app/gui/desktop_commands.h"
#endif

int main(int argc, char** argv) {
#ifdef TIDEMARK_HAVE_GUI
    return tidemark::cli::run(argc, argv, {tidemark::gui::add_gui_command, tidemark::gui::add_bench_render_command});
#else
    return tidemark::cli::run(argc, argv);
#endif
}
