#include "app/gui/panels/fleet_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/layer_table.h"
#include "layers/tracks/track_store.h"

#include <imgui.h>

namespace tidemark::gui {

void FleetPanel::drawContent(AppState& app) {
    if (!app.workspace) { ImGui::TextWrapped("Open a workspace first."); return; }
    if (const layers::Layer* fleet = app.workspace->find("fleet")) {
        ImGui::Text("Fleet register (%zu vessels)", fleet->features().size());
        LayerTableOptions opt;
        opt.height = 180;
        draw_layer_table("fleet", *fleet, opt);
    } else {
        ImGui::TextWrapped("No fleet table in this workspace: import the register with `%s`.", kFleetImportCommand);
    }
    const layers::Layer* tracks = app.workspace->find(layers::kTrackLegsLayer);
    if (!tracks) tracks = app.workspace->find_role(layers::LayerRole::Tracks);
    if (!tracks) { ImGui::TextDisabled("No tracks layer: import AIS, GPX or CSV tracks to see vessels."); return; }
    if (counted_revision_ != app.revision(tracks->name)) {
        counts_.clear();
        for (const geo::Track& t : layers::load_tracks(*app.workspace)) {  // the one reader of stored tracks
            Counts& c = counts_[t.vessel];
            for (const geo::TrackLeg& leg : t.legs) (t.planned ? c.planned : c.observed) += leg.fixes.size();
        }
        counted_revision_ = app.revision(tracks->name);
    }
    ImGui::Separator();
    ImGui::Text("Vessels in %s: tick to show at time T", tracks->name.c_str());
    if (ImGui::BeginTable("vessels", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupColumn("vessel");
        ImGui::TableSetupColumn("observed fixes");
        ImGui::TableSetupColumn("planned fixes");
        ImGui::TableHeadersRow();
        for (const auto& [name, c] : counts_) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            bool shown = !app.hidden_vessels[name];
            if (ImGui::Checkbox(name.empty() ? "(unnamed)" : name.c_str(), &shown)) app.hidden_vessels[name] = !shown;
            ImGui::TableSetColumnIndex(1);
            ImGui::Text("%zu", c.observed);
            ImGui::TableSetColumnIndex(2);
            ImGui::Text("%zu", c.planned);
        }
        ImGui::EndTable();
    }
}

}  // namespace tidemark::gui
