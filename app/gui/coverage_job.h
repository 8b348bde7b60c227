// A coverage run off the UI thread, for the Coverage panel. start() copies the inputs out of
// the workspace on the UI thread (layers/coverage/coverage_run.h, as `tidemark coverage WS` gathers
// them) and runs layers::run_coverage as a BackgroundJob; take_outcome() hands over the result
// layers (the caller stores them). No GL and no ImGui here: tested without a display.
#pragma once

#include "app/gui/background_job.h"
#include "geo/problem.h"
#include "geo/time.h"
#include "layers/coverage/coverage_store.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::gui {

// How users put a fleet register into a workspace (there is no `tidemark fleet` command): the
// register is stored as table 'fleet' by importing tracks with it.
inline constexpr const char* kFleetImportCommand = "tidemark tracks import WS.gpkg TRACKS... --fleet fleet.csv";

struct CoverageParams {
    double segment_m = 1000;
    double revisit_h = 6;
    double radius_km = 0;  // 0: each vessel's range from the fleet register
    bool line_of_sight = true;
    std::optional<geo::UnixTime> from, to;  // unset: the workspace's window, else the tracks' span
    // Compute on the undamaged rows when some are damaged (layers/workspace_damage.h); they stay
    // in the workspace as they are. Off: a damaged workspace is refused, as `tidemark coverage` does.
    bool skip_damaged = false;
};

// The parameters of the run stored in the workspace (settings["coverage"] as
// layers::store_coverage writes it: segment_m, revisit_target_h, radius_nm, line_of_sight);
// the defaults above for what it does not say. The Coverage panel starts from these and
// never writes settings itself: only a finished run does, so a cancelled run changes nothing.
CoverageParams stored_coverage_params(const nlohmann::json& settings);

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
    // false with `error` (fit to show) when an input is missing, the workspace holds damaged rows
    // or settings (unless params.skip_damaged; never when the CRS setting is damaged), or a run is
    // going. `ws` is changed only while the inputs are copied out (damaged rows hidden, then put back).
    bool start(layers::Workspace& ws, const CoverageParams& params, std::string* error);
    // The last start() was refused for damaged rows or settings that skipping would leave out.
    bool refused_for_damage() const { return refused_for_damage_; }

private:
    bool refused_for_damage_ = false;
};

}  // namespace tidemark::gui
