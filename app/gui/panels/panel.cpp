#include "app/gui/panels/panel.h"

#include <imgui.h>

namespace tidemark::gui {

void Panel::draw(AppState& app) {
    ImGui::PushID(title_.c_str());
    ImGui::BeginChild("content");
    drawContent(app);
    ImGui::EndChild();
    ImGui::PopID();
}

}  // namespace tidemark::gui
