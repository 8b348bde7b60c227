// ImGui's draw data for a frame, drawn through PanelRedraw (app/gui/panel_redraw.h): only the
// lists over the map and those that changed since the frame the back buffer holds.
#pragma once

#include "app/gui/map/view_transform.h"
#include "app/gui/panel_redraw.h"

struct GLFWwindow;

namespace tidemark::gui {

// How many frames old the back buffer's content is: GLX_EXT_buffer_age when the driver has it;
// 1 for Mesa's software rasteriser (llvmpipe, softpipe), whose one back buffer is kept between
// swaps; 0 (unknown: draw everything) otherwise, or when TIDEMARK_FULL_REDRAW is set.
int back_buffer_age(GLFWwindow* window);

// Draws this frame's ImGui draw data: the lists `redraw` plans, bottom first.
void render_imgui(PanelRedraw& redraw, const ScreenRect& map, int buffer_age);

}  // namespace tidemark::gui
