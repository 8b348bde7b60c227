#include "app/gui/panels/panel.h"

#include <imgui.h>

namespace tidemark::gui {

void Panel::draw(AppState& app, bool select) {
    if (ImGui::BeginTabItem(title_.c_str(), nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) {
        ImGui::BeginChild("content");
        drawContent(app);
        ImGui::EndChild();
        ImGui::EndTabItem();
    }
}

}  // namespace tidemark::gui
