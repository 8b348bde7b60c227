// Click points to measure a route's length in km and nautical miles (working CRS metres,
// i.e. grid distance); right click starts again; drag pans.
#pragma once

#include "app/gui/tools/map_tool.h"
#include "geo/geometry.h"

namespace tidemark::gui {

class MeasureTool : public MapTool {
public:
    const char* name() const override { return "Measure"; }
    void handle(AppState& app, const MapInput& input) override;
    void draw_overlay(const AppState& app, ImDrawList* list) override;
    double length_m() const { return geo::length(points_); }

private:
    geo::Path points_;
    geo::XY hover_;
};

}  // namespace tidemark::gui
