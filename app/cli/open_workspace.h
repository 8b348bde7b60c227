// Opening a workspace for a command: the features it could not read are said on stderr, as
// every other loader problem is, rather than quietly left out.
#pragma once

#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::cli {

// Workspace::open with each layer's rows read on first use (Workspace::Rows::OnFirstUse), its
// open problems printed to stderr (the first 20), and so are the problems of each layer's rows
// when they are read.
// With `as_of` (an ISO 8601 time from --as-of; "" for now): the team workspace as it was known
// at that time (layers/team/pg_as_of.h), read-only. Refused for a GeoPackage (it keeps no history)
// and for a time that has not come yet.
std::optional<layers::Workspace> open_workspace(const std::string& path, std::string* error, const std::string& as_of = {});

// The help text of --as-of, one for every command that takes it.
inline constexpr const char* kAsOfHelp =
    "Read the team workspace as it was known at this time (ISO 8601, UTC): later changes left out";

}  // namespace tidemark::cli
