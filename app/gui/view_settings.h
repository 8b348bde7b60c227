// What the window showed, kept in the workspace as setting "view" when it is saved and put
// back when it is opened: the map view (centre in the working CRS, metres per pixel), time T,
// and what is shown — the legend, the heat layer, coverage as of T, full tracks and the
// Reports panel's filters. Saving writes it as one setting (the incremental save writes only
// that key when nothing else changed). No ImGui here: tested without a display.
#pragma once

#include "geo/problem.h"

#include <nlohmann/json.hpp>

namespace tidemark::gui {

class AppState;

inline constexpr const char* kViewSetting = "view";

nlohmann::json view_to_json(const AppState& app);

// Puts back what `view` holds. A value that cannot be used (a scale that is not a positive
// number, a time that is not ISO 8601) is named in `problems` and left as it was. Returns
// true when the map view (centre and scale) was restored.
bool restore_view(AppState& app, const nlohmann::json& view, geo::Problems* problems);

}  // namespace tidemark::gui
