// The WORKSPACE argument every command takes: a GeoPackage file that exists, or a team
// workspace URL (postgresql://user@host:port/db, checked when connecting).
#pragma once

#include "layers/store_location.h"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace tidemark::cli {

inline CLI::Validator workspace_location() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            if (layers::is_server_location(value)) return {};
            std::error_code ec;
            if (std::filesystem::is_regular_file(value, ec)) return {};
            return "File does not exist: " + value + " (a workspace is a .gpkg file or a postgresql:// URL)";
        },
        "WORKSPACE", "workspace");
}

}  // namespace tidemark::cli
