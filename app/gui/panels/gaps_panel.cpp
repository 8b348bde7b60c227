#include "app/gui/panels/gaps_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/layer_table.h"

#include <imgui.h>

namespace tidemark::gui {

void GapsPanel::drawContent(AppState& app) {
    const layers::Layer* gaps = app.workspace ? app.workspace->find_role(layers::LayerRole::Gaps) : nullptr;
    if (!gaps) { ImGui::TextWrapped("No gaps layer yet: run coverage (`tidemark coverage`) to find the coast's gaps."); return; }
    ImGui::Text("%zu gaps in layer %s, riskiest first. Click a row to zoom to it.", gaps->features().size(), gaps->name.c_str());
    const ForceNames forces(*app.workspace);
    LayerTableOptions opt;
    opt.columns = {"gap_id", "risk", "force_codes", "length_m", "worst_gap_s", "reports", "ports", "segments"};
    opt.forces = &forces;
    opt.sort_by = "risk";
    opt.sort_descending = true;
    opt.highlighted = app.selection.layer == gaps->name ? app.selection.feature : -1;
    const std::string name = gaps->name;
    opt.clicked = [&app, name](std::size_t row) {
        app.select(name, static_cast<std::int64_t>(row));
        app.zoom_to_feature(name, static_cast<std::int64_t>(row));
    };
    draw_layer_table("gaps", *gaps, opt);
}

}  // namespace tidemark::gui
