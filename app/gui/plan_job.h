// Plan computations off the UI thread, for the Plan panel: "Run forecast" (what `tidemark plan
// forecast` computes: layers::plan::forecast_plan) and "Reconcile" (`tidemark plan reconcile`:
// layers::plan::reconcile_plan). start() copies what the work reads out of the workspace on the
// UI thread together with the plan book, so the worker never touches the live workspace; the
// caller stores the outcome on the UI thread. No GL, no ImGui.
#pragma once

#include "app/gui/background_job.h"
#include "geo/problem.h"
#include "layers/plan/plan_forecast.h"
#include "layers/plan/plan_reconcile.h"
#include "layers/workspace.h"

#include <optional>
#include <string>

namespace tidemark::gui {

struct ForecastOutcome {
    bool cancelled = false;
    std::string error;                             // the forecast failed: what to do about it
    std::optional<layers::plan::Forecast> forecast;  // set when it finished
    std::string workspace_path;                    // the workspace the inputs came from
    std::string plan;                              // the plan forecast
    std::string summary;                           // one line for the status bar

    void discard() {
        cancelled = true;
        forecast.reset();
        summary = "Forecast cancelled: nothing changed";
    }
};

class ForecastJob : public BackgroundJob<ForecastOutcome> {
public:
    // false with `error` (fit to show) when the plan is unknown or a forecast is running.
    bool start(const layers::Workspace& ws, const layers::plan::PlanBook& book, const std::string& plan,
               std::string* error);
};

struct ReconcileOutcome {
    bool cancelled = false;
    std::string error, summary;
    std::optional<layers::plan::Reconciliation> reconciliation;
    std::string workspace_path, plan;

    void discard() {
        cancelled = true;
        reconciliation.reset();
        summary = "Reconciliation cancelled: nothing changed";
    }
};

// Reconciles with the tracks as they are when started (a copy of the track layers is taken).
class ReconcileJob : public BackgroundJob<ReconcileOutcome> {
public:
    bool start(const layers::Workspace& ws, const layers::plan::PlanBook& book, const std::string& plan,
               std::string* error);
};

// The part of `ws` a forecast reads: every layer but tracks, track legs and plan/forecast
// results, with the window, settings and CRS. Its path is empty (problems are re-attributed).
layers::Workspace forecast_inputs(const layers::Workspace& ws);

}  // namespace tidemark::gui
