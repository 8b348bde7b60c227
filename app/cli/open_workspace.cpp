#include "app/cli/open_workspace.h"

#include "app/cli/output_files.h"
#include "app/cli/problem_printer.h"
#include "layers/store_location.h"
#include "layers/team/pg_as_of.h"

#include <chrono>

#include <iostream>

namespace tidemark::cli {

namespace {

std::optional<layers::Workspace> open_as_of(const std::string& path, const std::string& as_of, std::string* error) {
    const auto at = geo::parse_iso8601(as_of);
    if (!at) {
        *error = "--as-of " + as_of + ": expected an ISO 8601 time such as 2026-03-02T09:00:00Z";
        return std::nullopt;
    }
    if (!layers::is_server_location(path)) {
        *error = "--as-of needs a team workspace (a postgresql:// URL): " + path + " is a GeoPackage file, which keeps no history";
        return std::nullopt;
    }
    const double now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (*at > now) {
        *error = "--as-of " + as_of + " has not come yet: what will be known then cannot be read now";
        return std::nullopt;
    }
    return layers::Workspace::open(layers::team::as_of_store(path, *at), error,
                                   "it is the team workspace as it was at " + geo::format_iso8601(*at) +
                                       " (--as-of), which cannot be changed");
}

}  // namespace

std::optional<layers::Workspace> open_workspace(const std::string& path, std::string* error, const std::string& as_of) {
    // Every command that saves a workspace opens it here first: the place to clear what a
    // killed earlier save left beside it (the save itself would do so silently).
    if (!layers::is_server_location(path)) clean_stale_temporaries(path);
    // Each layer's rows are read when the command first uses it: `plan task add` on a workspace
    // of 55,000 track fixes reads the plan tables, not the tracks.
    auto ws = as_of.empty() ? layers::Workspace::open(path, error, layers::Workspace::Rows::OnFirstUse)
                            : open_as_of(path, as_of, error);
    if (!ws) return ws;
    auto report = [path](const geo::Problems& problems, std::size_t left_out) {
        if (left_out > 0)
            std::cerr << "tidemark: " << path << ": " << left_out
                      << " feature(s) could not be read and are left out; no save will rewrite the layers holding them\n";
        print_problems(std::cerr, problems, 20);
    };
    if (!ws->open_problems().empty()) report(ws->open_problems(), ws->features_left_out());
    ws->report_rows_read_to(report);
    return ws;
}

}  // namespace tidemark::cli
