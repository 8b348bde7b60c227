// The `tidemark` command line. Each command lives in its own cmd_*.cpp and registers
// itself through one function listed in commands.cpp.
// Exit status: 0 success, 1 bad input (message on stderr naming file/line/feature),
// 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace tidemark::cli {

enum ExitCode { kOk = 0, kBadInput = 1, kUsage = 2 };

inline constexpr const char* kVersion = "tidemark 0.1.0";  // what --version prints

// Shared by all commands: the exit code the chosen command's callback sets.
struct Context {
    int exit_code = kOk;
};

// Prints "tidemark: <message>" to stderr and returns kBadInput.
int fail(const std::string& message);

// Registers one command (or a group) on the app.
using AddCommand = void (*)(CLI::App& app, Context& ctx);

// Parses and runs one command. `desktop`: the commands that need the desktop app (gui,
// bench-render), given by main() when the GUI is built; without them `gui` says it is not built.
int run(int argc, char** argv, const std::vector<AddCommand>& desktop = {});

}  // namespace tidemark::cli
