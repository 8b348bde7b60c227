#include "layers/workspace_places.h"

#include "layers/io/csv_text.h"
#include "layers/workspace.h"

namespace tidemark::layers {

std::vector<geo::Polygon> land_polygons(const Workspace& ws) {
    std::vector<geo::Polygon> land;
    for (const auto& l : ws.layers)
        if (l.role == LayerRole::Coastline || l.role == LayerRole::Land)
            for (const auto& f : l.features()) land.insert(land.end(), f.geometry.polygons.begin(), f.geometry.polygons.end());
    return land;
}

std::optional<geo::XY> port_position(const Workspace& ws, const std::string& name) {
    const Layer* ports = ws.find_role(LayerRole::Ports);
    const int field = ports ? ports->field_index("name") : -1;
    if (field < 0 || name.empty()) return std::nullopt;
    std::optional<geo::XY> found;
    for (const Feature& f : ports->features())
        if (!f.geometry.points.empty() && iequals(to_string(f.values[field]), name)) found = f.geometry.points.front();
    return found;
}

}  // namespace tidemark::layers
