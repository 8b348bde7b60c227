// Coverage: run parameters (kept in workspace settings["coverage"]) and the time window, Run
// off the UI thread with a progress bar and Cancel (app/gui/coverage_job.h), the stored
// results, and how the coast is coloured (max gap or observed time). A finished run replaces
// the workspace's segments, gaps and force_summary layers and marks the workspace unsaved.
#pragma once

#include "app/gui/coverage_job.h"
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
    void take_finished_run(AppState& app);
    CoverageJob job_;
    char from_[32] = "", to_[32] = "";  // ISO 8601; empty: the workspace's window
    std::string error_;
};

}  // namespace tidemark::gui
