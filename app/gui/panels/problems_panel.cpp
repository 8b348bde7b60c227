#include "app/gui/panels/problems_panel.h"

#include "app/gui/app_state.h"

#include <imgui.h>

namespace tidemark::gui {

void ProblemsPanel::drawContent(AppState& app) {
    if (app.problems.empty()) { ImGui::TextWrapped("No problems reported by the loaders in this session."); return; }
    ImGui::Text("%zu problem(s); good data next to them was kept.", app.problems.size());
    if (ImGui::Button("Clear list")) { app.problems.clear(); return; }
    if (ImGui::BeginTable("problems", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY |
                                           ImGuiTableFlags_Resizable)) {
        ImGui::TableSetupColumn("file:line");
        ImGui::TableSetupColumn("layer");
        ImGui::TableSetupColumn("feature");
        ImGui::TableSetupColumn("what was expected");
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(app.problems.size()));
        while (clipper.Step())
            for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
                const geo::Problem& p = app.problems[i];
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::Text("%s%s", p.source.c_str(), p.line > 0 ? (":" + std::to_string(p.line)).c_str() : "");
                ImGui::TableSetColumnIndex(1);
                ImGui::TextUnformatted(p.layer.c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(p.feature.c_str());
                ImGui::TableSetColumnIndex(3);
                ImGui::TextWrapped("%s", p.reason.c_str());
            }
        ImGui::EndTable();
    }
}

}  // namespace tidemark::gui
