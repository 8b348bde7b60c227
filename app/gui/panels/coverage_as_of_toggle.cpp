#include "app/gui/panels/coverage_as_of_toggle.h"

#include "app/gui/app_state.h"

#include <imgui.h>

namespace tidemark::gui {

void coverage_as_of_toggle(AppState& app) {
    const bool available = app.coverage_as_of_available();
    if (!available) ImGui::BeginDisabled();
    bool on = app.coverage_as_of && available;
    if (ImGui::Checkbox("Coverage as of T", &on)) app.coverage_as_of = on;
    if (!available) ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip(available ? "On: the coast coloured by the time since each stretch was last seen before T\n"
                                      "(against the revisit target). Off: the longest gap in the run's window."
                                    : "The stored coverage results have no sightings (made before they were kept):\n"
                                      "run coverage again to colour the coast as of T.");
}

}  // namespace tidemark::gui
