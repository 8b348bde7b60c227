// Map furniture and light dynamic marks drawn over the GL map through ImDrawList (a few
// hundred primitives at most): scale bar in km and nautical miles, grid north arrow,
// vessels at time T with heading, fading tail and names on hover, report heat. The legend
// lives in the layer list (panels/layers_panel), not over the map.
#pragma once

#include "app/gui/map/view_transform.h"

#include <map>
#include <utility>

struct ImDrawList;

namespace tidemark::gui {

class AppState;
class MapRenderer;

// "Nice" bar length (1, 2 or 5 x 10^k of `unit_m`) no longer than max_px pixels.
double nice_scale_length(double metres_per_pixel, double max_px, double unit_m);

void draw_scale_bar(ImDrawList* list, const ViewTransform& view);
void draw_north_arrow(ImDrawList* list, const ViewTransform& view);
void draw_vessels_at_time(ImDrawList* list, const AppState& app);
// Reports in view binned into 32 px screen cells (cell -> count): the heat layer. Only the
// reports the Reports panel's filter keeps (the scene's `hidden` mask).
std::map<std::pair<long, long>, int> report_heat_bins(const AppState& app);
void draw_report_heat(ImDrawList* list, const AppState& app);

}  // namespace tidemark::gui
