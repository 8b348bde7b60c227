#include "app/cli/open_workspace.h"

#include "app/cli/output_files.h"
#include "app/cli/problem_printer.h"
#include "layers/store_location.h"

#include <iostream>

namespace tidemark::cli {

std::optional<layers::Workspace> open_workspace(const std::string& path, std::string* error) {
    // Every command that saves a workspace opens it here first: the place to clear what a
    // killed earlier save left beside it (the save itself would do so silently).
    if (!layers::is_server_location(path)) clean_stale_temporaries(path);
    auto ws = layers::Workspace::open(path, error);
    if (!ws || ws->open_problems().empty()) return ws;
    if (ws->features_left_out() > 0)
        std::cerr << "tidemark: " << path << ": " << ws->features_left_out()
                  << " feature(s) could not be read and are left out; no save will rewrite the layers holding them\n";
    print_problems(std::cerr, ws->open_problems(), 20);
    return ws;
}

}  // namespace tidemark::cli
