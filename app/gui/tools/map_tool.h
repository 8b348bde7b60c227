// Map tools receive the map's pointer input (one at a time is active) instead of the map
// widget growing every behaviour itself. Wheel zoom and keyboard navigation are common
// to all tools and live in the map view.
#pragma once

#include "geo/geometry.h"

struct ImDrawList;

namespace tidemark::gui {

class AppState;

struct MapInput {
    geo::XY mouse;             // screen pixels
    bool hovered = false;      // pointer over the map (not over a panel)
    bool clicked = false;      // left button released without dragging
    bool right_clicked = false;
    bool dragging = false;     // left button held and moved
    geo::XY drag_delta;        // pixels moved since the previous frame while dragging
    geo::XY drag_origin;       // where the left button went down (screen pixels)
    bool drag_released = false;  // left button released after a drag (this frame)
};

class MapTool {
public:
    virtual ~MapTool() = default;
    virtual const char* name() const = 0;
    virtual void handle(AppState& app, const MapInput& input) = 0;
    // Draws the tool's own marks (measure line, ...) over the map.
    virtual void draw_overlay(const AppState&, ImDrawList*) {}
};

}  // namespace tidemark::gui
