// Forces: the per-force coverage summary table and a bar chart of covered % per force.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class ForcesPanel : public Panel {
public:
    ForcesPanel() : Panel("Forces") {}

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
