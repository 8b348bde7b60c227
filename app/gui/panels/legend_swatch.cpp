#include "app/gui/panels/legend_swatch.h"

#include <imgui.h>

#include <algorithm>

namespace tidemark::gui {
namespace {

ImU32 u32(const layers::Rgba& c, float opacity) { return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, c.a * opacity}); }

void point_symbol(ImDrawList* dl, ImVec2 c, float r, layers::PointSymbol s, ImU32 fill, ImU32 edge) {
    switch (s) {
        case layers::PointSymbol::Square:
            dl->AddRectFilled({c.x - r, c.y - r}, {c.x + r, c.y + r}, fill);
            dl->AddRect({c.x - r, c.y - r}, {c.x + r, c.y + r}, edge);
            break;
        case layers::PointSymbol::Triangle:
            dl->AddTriangleFilled({c.x, c.y - r}, {c.x - r, c.y + r * 0.8f}, {c.x + r, c.y + r * 0.8f}, fill);
            dl->AddTriangle({c.x, c.y - r}, {c.x - r, c.y + r * 0.8f}, {c.x + r, c.y + r * 0.8f}, edge);
            break;
        case layers::PointSymbol::Diamond:
            dl->AddQuadFilled({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, fill);
            dl->AddQuad({c.x, c.y - r}, {c.x + r, c.y}, {c.x, c.y + r}, {c.x - r, c.y}, edge);
            break;
        case layers::PointSymbol::Cross:
            dl->AddLine({c.x - r, c.y}, {c.x + r, c.y}, fill, 2.5f);
            dl->AddLine({c.x, c.y - r}, {c.x, c.y + r}, fill, 2.5f);
            break;
        default:
            dl->AddCircleFilled(c, r, fill);
            dl->AddCircle(c, r, edge);
    }
}

}  // namespace

void legend_swatch(const layers::SceneLayer& d, const layers::Rgba& colour, layers::PointSymbol symbol) {
    const float h = ImGui::GetTextLineHeight(), w = 22;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy({w, h});
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const layers::Style& st = d.style;
    const ImVec2 c{at.x + w / 2, at.y + h / 2};
    switch (d.layer ? d.layer->geometry_kind() : geo::GeometryKind::None) {
        case geo::GeometryKind::Point:
            point_symbol(dl, c, 5, symbol, u32(colour, st.opacity), u32(st.stroke, st.opacity));
            break;
        case geo::GeometryKind::Line:
            dl->AddLine({at.x + 1, c.y}, {at.x + w - 1, c.y}, u32(colour, st.opacity), std::clamp(st.stroke_width_px, 2.0f, 5.0f));
            break;
        case geo::GeometryKind::Polygon:
            // The sea shows through unfilled areas, as on the map.
            dl->AddRectFilled({at.x + 1, c.y - 6}, {at.x + w - 1, c.y + 6},
                              st.fill_enabled || !d.classes.classes.empty() ? u32(colour, st.opacity) : u32(layers::kSeaColour, 1));
            dl->AddRect({at.x + 1, c.y - 6}, {at.x + w - 1, c.y + 6}, u32(st.stroke, st.opacity), 0, 0, std::max(1.0f, st.stroke_width_px));
            break;
        case geo::GeometryKind::None: break;
    }
}

void legend_classes(const layers::SceneLayer& d) {
    if (d.classes.classes.empty()) return;
    const ImGuiTreeNodeFlags flags = d.legend.size() <= 8 ? ImGuiTreeNodeFlags_DefaultOpen : 0;
    ImGui::Indent(ImGui::GetFrameHeight());
    if (ImGui::TreeNodeEx("##legend", flags, "%s (%zu)", d.legend_title.c_str(), d.legend.size())) {
        for (const std::string& note : d.legend_notes) ImGui::TextDisabled("%s", note.c_str());
        for (const layers::LegendEntry& e : d.legend) {
            legend_swatch(d, e.colour, e.symbol);
            ImGui::SameLine();
            ImGui::TextUnformatted(e.label.c_str());
        }
        ImGui::TreePop();
    }
    ImGui::Unindent(ImGui::GetFrameHeight());
}

}  // namespace tidemark::gui
