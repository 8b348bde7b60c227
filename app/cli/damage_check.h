// For the commands that compute on a workspace: damaged rows and settings (layers/workspace_damage.h)
// are named, one line each, and the command refuses to compute unless --skip-damaged is given.
#pragma once

#include "layers/workspace_damage.h"

#include <CLI/CLI.hpp>

#include <string>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::cli {

// Adds --skip-damaged to `cmd`.
void add_skip_damaged_flag(CLI::App& cmd, bool& skip_damaged);

// Looks for damage in `ws`. With none: true. Otherwise names each problem on stderr; then false
// with `error` saying how to go on, unless `skip` (and the damage is not in the CRS): true after a
// note of how many rows and settings this computation leaves out. `command` names the command in
// messages ("coverage").
bool check_damage(const layers::Workspace& ws, bool skip, const std::string& command, layers::WorkspaceDamage& damage,
                  std::string* error);

}  // namespace tidemark::cli
