// Drag to pan; also the fallback drag behaviour of the other tools.
#pragma once

#include "app/gui/tools/map_tool.h"

namespace tidemark::gui {

class PanTool : public MapTool {
public:
    const char* name() const override { return "Pan"; }
    void handle(AppState& app, const MapInput& input) override;
};

// Shared by tools: a drag pans the view.
void pan_by_drag(AppState& app, const MapInput& input);

}  // namespace tidemark::gui
