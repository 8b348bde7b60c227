// The map widget: an ImGui window covering the map rectangle (transparent; the GL map is
// drawn beneath it), routing pointer input to the active tool, wheel zoom around the
// cursor, keyboard navigation (+/-, arrows, Home = fit all), and the overlays.
#pragma once

#include "app/gui/map/labels.h"
#include "app/gui/map/view_transform.h"
#include "app/gui/tools/map_tool.h"
#include "geo/crs.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tidemark::gui {

class AppState;
class MapRenderer;

class MapView {
public:
    MapView();
    ~MapView();
    // Lays out the map in `rect` (screen pixels), handles input and draws overlays.
    void draw(AppState& app, const MapRenderer& renderer, const ScreenRect& rect);
    // Tool bar buttons (drawn in the menu bar).
    void draw_tool_buttons();
    // "51.50123 N, 0.12345 W   OS TQ 30080 80386" for the pointer, or "" when off the map.
    const std::string& cursor_readout() const { return readout_; }

private:
    void update_readout(const AppState& app, geo::XY world);
    void keyboard(AppState& app);
    std::vector<std::unique_ptr<MapTool>> tools_;
    std::size_t active_ = 0;
    std::string readout_;
    // Per layer: the revision the anchors were made for, and the anchors.
    std::map<std::string, std::pair<std::uint64_t, std::vector<LabelAnchor>>> labels_;
    // Transformers for the readout, rebuilt when the workspace CRS changes.
    std::string readout_crs_;
    std::unique_ptr<geo::Transformer> to_wgs84_, to_bng_;
};

}  // namespace tidemark::gui
