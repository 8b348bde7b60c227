// Timeline: the strip under the map. Window from/to, a slider for time T, play/pause with
// speed and tail length, and the current plan's tasks as bars per asset on the same time
// scale. Vessels are drawn at T by the map overlays.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class TimelinePanel : public Panel {
public:
    TimelinePanel() : Panel("Timeline") {}
    // Draws the panel as its own fixed window at (x, y, width, height): it sits under the map.
    void draw_window(AppState& app, float x, float y, float width, float height);
    // Its height: the controls, plus a row per asset with tasks in the current plan (up to 8).
    static float height_for(const AppState& app);

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
