// Gaps: the coverage gaps as a sortable table (force, length, worst gap, reports, risk);
// a row click selects the gap and zooms the map to it.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class GapsPanel : public Panel {
public:
    GapsPanel() : Panel("Gaps") {}

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
