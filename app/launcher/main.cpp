// `tidemark`: runs the commands that need neither GDAL nor PROJ (`--version`, `ais decode`) in
// a process that loads neither, and hands every other command, and the desktop app, to the full
// program `tidemark-app` beside it (exec: same process, same arguments). The full program links
// about 130 shared libraries through GDAL; loading them is 0.2 s of every start, more than
// decoding a day of AIS takes.
#include "app/cli/command.h"
#include "app/cli/commands.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

namespace {

bool is(const char* arg, const char* word) { return arg && std::strcmp(arg, word) == 0; }

int run_here(int argc, char** argv) {
    using namespace tidemark::cli;
    CLI::App app{"Tidemark: joint monitoring and policing plans for the UK coastline.", "tidemark"};
    app.set_version_flag("--version", kVersion);
    Context ctx;
    add_ais_command(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return kUsage;
    } catch (const std::exception& e) {
        return fail(e.what());
    }
    return ctx.exit_code;
}

}  // namespace

int main(int argc, char** argv) {
    if ((argc == 2 && is(argv[1], "--version")) || (argc >= 3 && is(argv[1], "ais") && is(argv[2], "decode")))
        return run_here(argc, argv);
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    const std::string full = (ec ? std::filesystem::path(argv[0]) : self).parent_path() / "tidemark-app";
    ::execv(full.c_str(), argv);
    std::cerr << "tidemark: cannot run " << full << " (" << std::strerror(errno)
              << "): it is the full program, built and installed beside this one\n";
    return 1;
}
