// A coverage run off the UI thread, for the Coverage panel. start() copies the inputs out of
// the workspace on the UI thread (layers/coverage_run.h, as `tidemark coverage WS` gathers
// them) and runs layers::run_coverage as a BackgroundJob; take_outcome() hands over the result
// layers (the caller stores them). No GL and no ImGui here: tested without a display.
#pragma once

#include "app/gui/background_job.h"
#include "geo/problem.h"
#include "geo/time.h"
#include "layers/coverage_store.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::gui {

struct CoverageParams {
    double segment_m = 1000;
    double revisit_h = 6;
    double radius_km = 0;  // 0: each vessel's range from the fleet register
    bool line_of_sight = true;
    std::optional<geo::UnixTime> from, to;  // unset: the workspace's window, else the tracks' span
};

struct CoverageOutcome {
    bool cancelled = false;
    std::string error;                            // the run failed: what to do about it
    std::optional<layers::CoverageLayers> layers; // set when the run finished
    std::string workspace_path;                   // the workspace the inputs came from
    std::string summary;                          // one line for the status bar
    geo::Problems problems;                       // tracks left out, bad force areas

    void discard() {
        cancelled = true;
        layers.reset();
        summary = "Coverage run cancelled: nothing changed";
    }
};

class CoverageJob : public BackgroundJob<CoverageOutcome> {
public:
    // false with `error` (fit to show) when an input is missing or a run is going.
    bool start(const layers::Workspace& ws, const CoverageParams& params, std::string* error);
};

}  // namespace tidemark::gui
