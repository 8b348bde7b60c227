// A coverage run off the UI thread, for the Coverage panel. start() copies the inputs out of
// the workspace on the UI thread (layers/coverage_run.h, as `tidemark coverage WS` gathers
// them); a worker thread runs layers::run_coverage; the UI polls progress() and, once the run
// has ended, take_outcome() hands over the result layers (the caller stores them). cancel()
// stops the engine between chunks of fixes; a cancelled run's result is always discarded.
// No GL and no ImGui here: tested without a display.
#pragma once

#include "geo/problem.h"
#include "geo/time.h"
#include "layers/coverage_store.h"
#include "layers/workspace.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

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
};

class CoverageJob {
public:
    CoverageJob() = default;
    ~CoverageJob();  // cancels a running job and waits for it
    CoverageJob(const CoverageJob&) = delete;
    CoverageJob& operator=(const CoverageJob&) = delete;

    // Called from the worker now and then (progress, end): wake the UI. Set before start().
    std::function<void()> wake;

    // false with `error` (fit to show) when an input is missing or a run is going.
    bool start(const layers::Workspace& ws, const CoverageParams& params, std::string* error);
    bool running() const { return started_ && !ended_; }
    bool cancelling() const { return running() && cancel_; }
    double progress() const { return progress_; }
    void cancel() { cancel_ = true; }
    // Once per run, after it ended (false before): the outcome.
    std::optional<CoverageOutcome> take_outcome();
    // Blocks until the run has ended (tests, shutdown).
    void wait();

private:
    std::thread worker_;
    std::atomic<bool> started_{false}, ended_{false}, cancel_{false};
    std::atomic<double> progress_{0};
    std::mutex mutex_;  // guards outcome_
    CoverageOutcome outcome_;
};

}  // namespace tidemark::gui
