// A plan forecast off the UI thread, for the Plan panel's "Run forecast" (what `tidemark plan
// forecast` computes: layers::plan::forecast_plan). start() copies what the forecast reads out
// of the workspace on the UI thread (coast, forces, ports, fleet, reports, settings: not the
// tracks, which the forecast replaces by the plan's routes) together with the plan book, so the
// worker never touches the live workspace; the UI polls progress() and takes the outcome once
// the run has ended, and stores it (store_forecast) on the UI thread. cancel() stops the engine
// between chunks of fixes; a cancelled forecast is always discarded. No GL, no ImGui.
#pragma once

#include "geo/problem.h"
#include "layers/plan/plan_forecast.h"
#include "layers/workspace.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace tidemark::gui {

struct ForecastOutcome {
    bool cancelled = false;
    std::string error;                             // the forecast failed: what to do about it
    std::optional<layers::plan::Forecast> forecast;  // set when it finished
    std::string workspace_path;                    // the workspace the inputs came from
    std::string plan;                              // the plan forecast
    std::string summary;                           // one line for the status bar
};

class ForecastJob {
public:
    ForecastJob() = default;
    ~ForecastJob();  // cancels a running forecast and waits for it
    ForecastJob(const ForecastJob&) = delete;
    ForecastJob& operator=(const ForecastJob&) = delete;

    // Called from the worker now and then (progress, end): wake the UI. Set before start().
    std::function<void()> wake;

    // false with `error` (fit to show) when the plan is unknown or a forecast is running.
    bool start(const layers::Workspace& ws, const layers::plan::PlanBook& book, const std::string& plan,
               std::string* error);
    bool running() const { return started_ && !ended_; }
    bool cancelling() const { return running() && cancel_; }
    double progress() const { return progress_; }
    void cancel() { cancel_ = true; }
    // Once per forecast, after it ended (nullopt before): the outcome.
    std::optional<ForecastOutcome> take_outcome();
    // Blocks until the forecast has ended (tests, shutdown).
    void wait();

private:
    std::thread worker_;
    std::atomic<bool> started_{false}, ended_{false}, cancel_{false};
    std::atomic<double> progress_{0};
    std::mutex mutex_;  // guards outcome_
    ForecastOutcome outcome_;
};

// The part of `ws` a forecast reads: every layer but tracks, track legs and plan/forecast
// results, with the window, settings and CRS. Its path is empty (problems are re-attributed).
layers::Workspace forecast_inputs(const layers::Workspace& ws);

}  // namespace tidemark::gui
