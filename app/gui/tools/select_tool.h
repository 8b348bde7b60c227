// Click a feature to select it (the Inspector shows its attributes); drag pans.
#pragma once

#include "app/gui/tools/map_tool.h"

namespace tidemark::gui {

class SelectTool : public MapTool {
public:
    const char* name() const override { return "Select"; }
    void handle(AppState& app, const MapInput& input) override;
    void draw_overlay(const AppState& app, ImDrawList* list) override;
};

}  // namespace tidemark::gui
