// Places in a workspace that routing needs: the land (coastline polygons and neighbouring land)
// and where a named port is.
#pragma once

#include "geo/geometry.h"

#include <optional>
#include <string>
#include <vector>

namespace tidemark::layers {

class Workspace;

// Every polygon of the coastline and land layers, working CRS.
std::vector<geo::Polygon> land_polygons(const Workspace& ws);
// The point of the port named `name` (case-insensitive) in the ports layer; nullopt when none.
std::optional<geo::XY> port_position(const Workspace& ws, const std::string& name);

}  // namespace tidemark::layers
