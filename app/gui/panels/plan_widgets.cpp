#include "app/gui/panels/plan_widgets.h"

#include "layers/style/style_classes.h"

namespace tidemark::gui {

void agency_swatch(const layers::plan::PlanBook& book, const std::string& code) {
    const layers::plan::Agency* a = book.find_agency(code);
    const auto c = a ? layers::parse_hex_rgb(a->colour) : std::nullopt;
    const ImVec4 colour = c ? ImVec4{c->r, c->g, c->b, 1} : ImVec4{0.6f, 0.6f, 0.6f, 1};
    const float h = ImGui::GetTextLineHeight();
    ImGui::ColorButton(("##swatch" + code).c_str(), colour, ImGuiColorEditFlags_NoTooltip | ImGuiColorEditFlags_NoDragDrop,
                       {h, h});
}

bool agency_combo(const char* label, const layers::plan::PlanBook& book, std::string* code, const char* any) {
    const std::string preview = code->empty() && any ? std::string(any) : layers::plan::agency_label(book, *code);
    bool changed = false;
    if (!ImGui::BeginCombo(label, preview.c_str())) return false;
    if (any && ImGui::Selectable(any, code->empty())) code->clear(), changed = true;
    for (const layers::plan::Agency& a : book.agencies) {
        ImGui::PushID(a.code.c_str());
        agency_swatch(book, a.code);
        ImGui::SameLine();
        if (ImGui::Selectable(layers::plan::agency_label(book, a.code).c_str(), a.code == *code)) {
            *code = a.code;
            changed = true;
        }
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return changed;
}

}  // namespace tidemark::gui
