// Reports: the public/partner reports as a table with filters (time, category, grading)
// and the hotspot heat layer toggle; a row click selects and zooms to the report.
#pragma once

#include "app/gui/panels/panel.h"

namespace tidemark::gui {

class ReportsPanel : public Panel {
public:
    ReportsPanel() : Panel("Reports") {}

protected:
    void drawContent(AppState& app) override;

private:
    char from_[32] = "";
    char to_[32] = "";
    char category_[64] = "";
    char grading_[16] = "";
};

}  // namespace tidemark::gui
