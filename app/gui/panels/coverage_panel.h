// Coverage: run parameters (kept in workspace settings["coverage"]), the stored results,
// and how the coast is coloured (max gap or observed share). Running the engine from the
// app needs geo/coverage.h from branch `coverage`; until it is merged the panel shows the
// results `tidemark coverage` stored in the workspace.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class CoveragePanel : public Panel {
public:
    CoveragePanel() : Panel("Coverage") {}

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
