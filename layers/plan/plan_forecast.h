// `tidemark plan forecast`: the plan's routed tasks sailed as planned tracks through the same
// coverage engine as real tracks (layers/coverage/coverage_run.h), over the plan period, and judged
// against the plan's objectives per lead agency and per police force.
#pragma once

#include "layers/coverage/coverage_run.h"
#include "layers/plan/plan.h"
#include "layers/plan/plan_coast.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace tidemark::layers {
class Workspace;
}

namespace tidemark::layers::plan {

inline constexpr const char* kForecastSegmentsLayer = "forecast_segments";
inline constexpr const char* kForecastGapsLayer = "forecast_gaps";
inline constexpr const char* kForecastSummaryLayer = "forecast_force_summary";

struct ObjectiveRow {
    std::string code;   // agency or force code ("" for none)
    std::string name;
    double coast_m = 0;
    double met_m = 0;   // segments whose forecast max gap meets their target (or whose risk is accepted)
    double pct() const { return coast_m > 0 ? 100 * met_m / coast_m : 0; }
};

struct Forecast {
    CoverageRun run;                        // run.ok false: run.error says why
    std::vector<std::int64_t> routed;       // tasks sailed
    std::vector<std::string> not_forecast;  // "task 7: no route", ...
    std::vector<double> max_gap_s;          // per segment, forecast
    std::vector<ObjectiveRow> by_agency;    // by lead agency, in agency order
    std::vector<ObjectiveRow> by_force;     // by police force area, in force order
    geo::Problems problems;                 // inputs left out (e.g. a vessel without a range)
    double seconds = 0;                     // wall time of the whole forecast
};

struct ForecastOptions {
    std::function<void(double)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

// Live tasks (not declined or cancelled) with a route and an asset in the register are sailed.
Forecast forecast_plan(const Workspace& ws, const PlanBook& book, const Plan& plan, const ForecastOptions& options = {});

// The planned track a routed task sails (no legs when it has no route or no speed).
geo::Track task_track(const Task& task, const std::vector<Vessel>& fleet);

// Puts the forecast's layers (forecast_segments, forecast_gaps, forecast_force_summary) into
// the workspace, replacing earlier ones; the caller saves.
void store_forecast(Workspace& ws, const Forecast& forecast);

}  // namespace tidemark::layers::plan
