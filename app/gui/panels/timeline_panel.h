// Timeline: the strip under the map. Window from/to, a slider for time T, play/pause with
// speed and tail length. Vessels are drawn at T by the map overlays.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class TimelinePanel : public Panel {
public:
    TimelinePanel() : Panel("Timeline") {}
    // Draws the panel as its own fixed window at (x, y, width, height): it sits under the map.
    void draw_window(AppState& app, float x, float y, float width, float height);

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
