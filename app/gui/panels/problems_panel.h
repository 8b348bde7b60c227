// Problems: everything the loaders reported in this session, with file, line and feature.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class ProblemsPanel : public Panel {
public:
    ProblemsPanel() : Panel("Problems") {}

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
