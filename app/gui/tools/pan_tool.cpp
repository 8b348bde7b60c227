#include "app/gui/tools/pan_tool.h"

#include "app/gui/app_state.h"

namespace tidemark::gui {

void pan_by_drag(AppState& app, const MapInput& input) {
    if (input.dragging) app.view.pan_pixels(input.drag_delta.x, input.drag_delta.y);
}

void PanTool::handle(AppState& app, const MapInput& input) { pan_by_drag(app, input); }

}  // namespace tidemark::gui
