// Inspector: the attributes of the feature selected on the map or in a table.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class InspectorPanel : public Panel {
public:
    InspectorPanel() : Panel("Inspector") {}

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
