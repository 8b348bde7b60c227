#include "app/cli/damage_check.h"

#include "app/cli/problem_printer.h"
#include "layers/workspace.h"

#include <iostream>

namespace tidemark::cli {

void add_skip_damaged_flag(CLI::App& cmd, bool& skip_damaged) {
    cmd.add_flag("--skip-damaged", skip_damaged,
                 "Compute on the workspace's undamaged rows when some are damaged (no time, a geometry that does not "
                 "parse, an impossible range, a contradictory window); they stay in the file untouched");
}

bool check_damage(const layers::Workspace& ws, bool skip, const std::string& command, layers::WorkspaceDamage& damage,
                  std::string* error) {
    damage = layers::find_damage(ws);
    if (damage.empty()) return true;
    // Rows left out on opening were named by open_workspace already; these are the rest.
    print_problems(std::cerr, damage.problems, 50, "sqlite3 or QGIS on the file");
    const std::string what = damage.summary();
    if (!damage.fatal.empty()) {
        *error = ws.path() + ": its crs setting contradicts its layers or is unusable (listed above): " + command +
                 " cannot compute here, with or without --skip-damaged; correct the crs setting (table " +
                 layers::kSettingsTable + ") or re-create the workspace";
        return false;
    }
    if (!skip) {
        *error = ws.path() + ": " + what + " (listed above): " + command +
                 " does not compute on data it cannot trust. Repair them (in QGIS or sqlite3), or give --skip-damaged "
                 "to compute on the rest";
        return false;
    }
    std::cerr << "tidemark: note: " << ws.path() << ": --skip-damaged: " << what << " left out of this " << command
              << (damage.window ? " (the stored time window is not used)" : "")
              << "; they stay in the file as they are\n";
    return true;
}

}  // namespace tidemark::cli
