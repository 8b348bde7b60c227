// Reports: the public/partner reports as a table with filters (time, category, grading,
// duplicates) and the hotspot heat layer toggle; a row click selects and zooms to the report.
// The filters live in AppState::report_filter: the map's report symbols and the heat layer
// show the same reports as the table.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class ReportsPanel : public Panel {
public:
    ReportsPanel() : Panel("Reports") {}

protected:
    void drawContent(AppState& app) override;
};

}  // namespace tidemark::gui
