// Timeline: the strip under the map. Window from/to, a slider for time T (no typing into it:
// ImGui would read the label as a number, T = 1970), a typed ISO 8601 time checked against
// the window, ±1 h / ±1 day steps, jumps to the window's start and end, play/pause with speed
// and tail length, full tracks or only the tails, and the current plan's tasks as bars per
// asset on the same time scale. Vessels are drawn at T by the map overlays.
#pragma once

#include "app/gui/panels/panel.h"

#include <string>

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

private:
    void time_controls(AppState& app, double from, double to);
    char typed_[48] = "";
    double typed_for_ = -1;  // the T `typed_` was last filled from (refilled when T moves)
    bool editing_ = false;   // the field had focus last frame: not refilled under the user's typing
    std::string error_;
};

}  // namespace tidemark::gui
