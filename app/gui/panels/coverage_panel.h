// Coverage: run parameters (starting from the stored run's, settings["coverage"]; only a
// finished run changes those, never this form or a cancelled run) and the time window, Run
// off the UI thread (AppState::coverage, app/gui/coverage_job.h) with a progress bar and
// Cancel, the stored results, and how the coast is coloured (max gap or observed time). The
// finished run lands through AppState::poll_background, whether this panel is shown or not.
#pragma once

#include "app/gui/coverage_job.h"  // CoverageParams
#include "app/gui/panels/panel.h"

#include <string>

namespace tidemark::gui {

class CoveragePanel : public Panel {
public:
    CoveragePanel();

protected:
    void drawContent(AppState& app) override;

private:
    void run_controls(AppState& app, const CoverageParams& params);
    char from_[32] = "", to_[32] = "";  // ISO 8601; empty: the workspace's window
    CoverageParams form_;                // what Run will use
    std::string form_source_;            // the stored settings form_ was filled from
    std::string error_;
    bool skip_damaged_ = false;  // offered once a run was refused for damaged rows
};

}  // namespace tidemark::gui
