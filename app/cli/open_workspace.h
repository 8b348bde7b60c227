// Opening a workspace for a command: the features it could not read are said on stderr, as
// every other loader problem is, rather than quietly left out.
#pragma once

#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::cli {

// Workspace::open, then its open problems printed to stderr (the first 20).
std::optional<layers::Workspace> open_workspace(const std::string& path, std::string* error);

}  // namespace tidemark::cli
