// The one place panels are registered.
#include "app/gui/panels/panel.h"

#include "app/gui/gui.h"

#include "app/gui/panels/coverage_panel.h"
#include "app/gui/panels/fleet_panel.h"
#include "app/gui/panels/forces_panel.h"
#include "app/gui/panels/gaps_panel.h"
#include "app/gui/panels/inspector_panel.h"
#include "app/gui/panels/layers_panel.h"
#include "app/gui/panels/plan_panel.h"
#include "app/gui/panels/problems_panel.h"
#include "app/gui/panels/reports_panel.h"

namespace tidemark::gui {

std::vector<std::unique_ptr<Panel>> make_panels() {
    std::vector<std::unique_ptr<Panel>> panels;
    panels.push_back(std::make_unique<LayersPanel>());
    panels.push_back(std::make_unique<InspectorPanel>());
    panels.push_back(std::make_unique<FleetPanel>());
    panels.push_back(std::make_unique<CoveragePanel>());
    panels.push_back(std::make_unique<PlanPanel>());
    panels.push_back(std::make_unique<GapsPanel>());
    panels.push_back(std::make_unique<ForcesPanel>());
    panels.push_back(std::make_unique<ReportsPanel>());
    panels.push_back(std::make_unique<ProblemsPanel>());
    return panels;
}

std::vector<std::string> panel_titles() {
    std::vector<std::string> titles;
    for (const auto& p : make_panels()) titles.push_back(p->title());
    return titles;
}

}  // namespace tidemark::gui
