#include "layers/store_location.h"

#include "layers/store/gpkg_store.h"
#include "layers/team/pg_store.h"
#include "layers/workspace.h"

#include <filesystem>

namespace tidemark::layers {

StoredState stored_state_of(const Workspace& ws) {
    StoredState state;
    state.crs = ws.crs();
    state.window_from = ws.window_from;
    state.window_to = ws.window_to;
    state.settings = ws.settings;
    for (const Layer& l : ws.layers) state.layers.push_back({l.name, l.role, l.source, l.attribution, l.force_multi});
    return state;
}

bool is_server_location(const std::string& location) { return team::is_pg_url(location); }

std::unique_ptr<WorkspaceStore> store_for(const std::string& location) {
    if (is_server_location(location)) return std::make_unique<team::PgStore>(location);
    return std::make_unique<GpkgStore>(location);
}

bool same_store(const std::string& a, const std::string& b) {
    if (is_server_location(a) || is_server_location(b)) return a == b;
    std::error_code ec;
    return std::filesystem::equivalent(a, b, ec);
}

bool write_new_store(const std::string& location, const StoredState& state, const std::vector<Layer>& layers,
                     std::string* identity, std::string* error) {
    if (is_server_location(location)) return team::write_new_pg(location, state, layers, "", identity, error);
    if (!write_new_gpkg(location, state, layers, error)) return false;
    *identity = file_identity(location);
    return true;
}

}  // namespace tidemark::layers
