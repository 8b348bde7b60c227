#include "app/gui/panels/layers_panel.h"

#include "app/gui/app_state.h"
#include "app/gui/panels/legend_swatch.h"

#include <imgui.h>

namespace tidemark::gui {
namespace {

constexpr layers::LayerRole kRoles[] = {layers::LayerRole::Generic, layers::LayerRole::Coastline, layers::LayerRole::Ports,
                                        layers::LayerRole::Forces, layers::LayerRole::Territorial, layers::LayerRole::Tracks,
                                        layers::LayerRole::TrackLegs, layers::LayerRole::Reports, layers::LayerRole::Segments,
                                        layers::LayerRole::Gaps, layers::LayerRole::Table};
const char* kSymbols[] = {"circle", "square", "triangle", "diamond", "cross"};

bool colour_edit(const char* label, layers::Rgba& c) {
    float v[4] = {c.r, c.g, c.b, c.a};
    if (!ImGui::ColorEdit4(label, v, ImGuiColorEditFlags_NoInputs | ImGuiColorEditFlags_AlphaBar)) return false;
    c = {v[0], v[1], v[2], v[3]};
    return true;
}

bool field_combo(const char* label, const layers::Layer& layer, std::string& value) {
    bool changed = false;
    if (ImGui::BeginCombo(label, value.empty() ? "(none)" : value.c_str())) {
        if (ImGui::Selectable("(none)", value.empty())) { value.clear(); changed = true; }
        for (const auto& f : layer.fields)
            if (ImGui::Selectable(f.name.c_str(), f.name == value)) { value = f.name; changed = true; }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void LayersPanel::drawContent(AppState& app) {
    if (!app.workspace) { ImGui::TextWrapped("Open a workspace (File > Open) to see its layers."); return; }
    ImGui::TextDisabled("Top of the list draws on top. Symbols and classes as on the map and in exports.");
    auto& ls = app.workspace->layers;
    std::string move_up, move_down, remove, zoom;
    for (auto it = ls.rbegin(); it != ls.rend(); ++it) {
        const layers::Layer& l = *it;
        ImGui::PushID(l.name.c_str());
        if (l.role != layers::LayerRole::Table) {
            bool visible = app.style(l).visible;
            if (ImGui::Checkbox("##visible", &visible)) app.set_visible(l.name, visible);
        } else {
            ImGui::Dummy({ImGui::GetFrameHeight(), ImGui::GetFrameHeight()});
        }
        ImGui::SameLine();
        if (l.role != layers::LayerRole::Table && app.show_legend) {
            const layers::SceneLayer& look = app.scene_layer(l);
            // Classified layers show their classes below; the swatch beside the name is the first.
            legend_swatch(look, look.legend.empty() ? look.style.stroke : look.legend.front().colour,
                          look.legend.empty() ? look.style.symbol : look.legend.front().symbol);
            ImGui::SameLine();
        }
        char label[256];
        std::snprintf(label, sizeof label, "%s  (%s, %zu)", l.name.c_str(), layers::role_name(l.role), l.features().size());
        if (ImGui::Selectable(label, current_ == l.name, 0, {ImGui::GetContentRegionAvail().x - 100, 0})) current_ = l.name;
        ImGui::SameLine();
        if (ImGui::SmallButton("^")) move_up = l.name;
        ImGui::SameLine();
        if (ImGui::SmallButton("v")) move_down = l.name;
        ImGui::SameLine();
        if (ImGui::SmallButton("zoom")) zoom = l.name;
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) remove = l.name;
        // Classes of the layers on the map only: hidden layers keep their swatch, not their list.
        if (l.role != layers::LayerRole::Table && app.show_legend && app.style(l).visible) legend_classes(app.scene_layer(l));
        ImGui::PopID();
    }
    if (!move_up.empty()) app.move_layer(move_up, +1);
    if (!move_down.empty()) app.move_layer(move_down, -1);
    if (!zoom.empty()) if (const auto* l = app.workspace->find(zoom)) app.zoom_to(l->extent());
    if (!remove.empty()) {
        app.remove_layer(remove);
        if (current_ == remove) current_.clear();
    }
    ImGui::Separator();
    drawStyle(app);
    ImGui::Separator();
    drawAdd(app);
}

void LayersPanel::drawStyle(AppState& app) {
    const layers::Layer* l = app.workspace->find(current_);
    if (!l || l->role == layers::LayerRole::Table) { ImGui::TextDisabled("Select a layer to edit its style."); return; }
    ImGui::Text("Style of %s", l->name.c_str());
    layers::Style s = app.style(*l);
    bool changed = false;
    changed |= colour_edit("Line colour", s.stroke);
    ImGui::SameLine();
    changed |= colour_edit("Fill colour", s.fill);
    ImGui::SameLine();
    changed |= ImGui::Checkbox("Fill", &s.fill_enabled);
    changed |= ImGui::SliderFloat("Line width (px)", &s.stroke_width_px, 0.0f, 12.0f, "%.1f");
    changed |= ImGui::SliderFloat("Opacity", &s.opacity, 0.0f, 1.0f, "%.2f");
    int sym = static_cast<int>(s.symbol);
    if (ImGui::Combo("Point symbol", &sym, kSymbols, 5)) { s.symbol = static_cast<layers::PointSymbol>(sym); changed = true; }
    changed |= ImGui::SliderFloat("Symbol size (px)", &s.symbol_size_px, 2.0f, 24.0f, "%.0f");
    changed |= field_combo("Label field", *l, s.label_field);
    changed |= field_combo("Colour by", *l, s.colour_by);
    if (ImGui::Button("Reset to default")) { s = layers::default_style(l->role); changed = true; }
    if (changed) app.set_style(l->name, s);
}

void LayersPanel::drawAdd(AppState& app) {
    ImGui::Text("Add a layer from a file (any GDAL source; file:layer for GeoPackages)");
    ImGui::InputText("Path", add_path_, sizeof add_path_);
    if (ImGui::TreeNode("Browse")) {
        browser_.draw(add_path_, sizeof add_path_,
                      {".gpkg", ".shp", ".geojson", ".json", ".kml", ".kmz", ".gpx", ".csv", ".fgb", ".gml", ".sqlite"}, 180);
        ImGui::TreePop();
    }
    ImGui::InputText("Name", add_name_, sizeof add_name_);
    if (ImGui::BeginCombo("Role", layers::role_name(kRoles[add_role_]))) {
        for (int i = 0; i < static_cast<int>(std::size(kRoles)); ++i)
            if (ImGui::Selectable(layers::role_name(kRoles[i]), i == add_role_)) add_role_ = i;
        ImGui::EndCombo();
    }
    if (app.adding.busy()) {
        ImGui::TextDisabled("Reading %s ...", add_path_);  // the panel stays usable meanwhile
    } else if (ImGui::Button("Add layer")) {
        std::string name = add_name_;
        if (name.empty()) {
            std::string p = add_path_;
            name = p.substr(p.find_last_of('/') + 1);
            name = name.substr(0, name.find('.'));
        }
        add_error_.clear();
        app.start_add_layer(add_path_, kRoles[add_role_], name, &add_error_);
    }
    const std::string& error = add_error_.empty() ? app.add_layer_error : add_error_;
    if (!error.empty()) ImGui::TextColored({0.9f, 0.2f, 0.2f, 1}, "%s", error.c_str());
}

}  // namespace tidemark::gui
