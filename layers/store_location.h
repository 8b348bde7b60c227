// Where a workspace location leads: a `postgresql://` (or `postgres://`) URL to the team
// workspace on PostgreSQL/PostGIS (layers/team/pg_store.h), anything else to a GeoPackage file.
// The one place that choice is made, for the CLI and the app alike.
#pragma once

#include "layers/store/workspace_store.h"

#include <memory>
#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace;

// The state part of a workspace (CRS, window, settings, layer list) as a store writes it.
StoredState stored_state_of(const Workspace& ws);

bool is_server_location(const std::string& location);

std::unique_ptr<WorkspaceStore> store_for(const std::string& location);

// Whether two locations are the same store: the same file (however named) or the same URL.
bool same_store(const std::string& a, const std::string& b);

// Writes a complete new workspace at `location` (a new file, or the whole team workspace
// replaced); `identity` receives the new store's StoredState::identity.
bool write_new_store(const std::string& location, const StoredState& state, const std::vector<Layer>& layers,
                     std::string* identity, std::string* error);

}  // namespace tidemark::layers
