#include "app/gui/plan_job.h"

#include <cstdio>
#include <memory>

namespace tidemark::gui {

layers::Workspace forecast_inputs(const layers::Workspace& ws) {
    layers::Workspace in(ws.crs());
    for (const layers::Layer& l : ws.layers) {
        // Tracks are the bulk of a workspace and the forecast sails the plan instead; earlier
        // plan and forecast results are not inputs.
        if (l.role == layers::LayerRole::Tracks || l.role == layers::LayerRole::TrackLegs) continue;
        if (l.name.rfind("plan_", 0) == 0 || l.name.rfind("forecast_", 0) == 0) continue;
        in.layers.push_back(l);
    }
    in.window_from = ws.window_from;
    in.window_to = ws.window_to;
    in.settings = ws.settings;
    return in;
}

namespace {

// What a forecast and a reconciliation both need before they start: the plan, and a coast.
const layers::plan::Plan* plan_to_run(const layers::Workspace& ws, const layers::plan::PlanBook& book,
                                      const std::string& plan, std::string* error) {
    const layers::plan::Plan* p = book.find_plan(plan);
    if (!p) *error = "no plan named '" + plan + "': choose a plan first";
    else if (!ws.find_role(layers::LayerRole::Coastline))
        *error = "the workspace has no coastline layer: add one in the Layers panel (role coastline)";
    else return p;
    return nullptr;
}

}  // namespace

bool ForecastJob::start(const layers::Workspace& ws, const layers::plan::PlanBook& book, const std::string& plan,
                        std::string* error) {
    if (busy()) {
        *error = "a forecast is still running: wait for it or Cancel it";
        return false;
    }
    const layers::plan::Plan* p = plan_to_run(ws, book, plan, error);
    if (!p) return false;
    // Copies taken here, on the UI thread: the worker owns them.
    auto in = std::make_shared<layers::Workspace>(forecast_inputs(ws));
    auto plans = std::make_shared<layers::plan::PlanBook>(book);
    return launch(
        [in, plans, name = p->name, path = ws.path()](const std::atomic<bool>& cancel, const Progress& progress) {
            ForecastOutcome out;
            out.workspace_path = path;
            out.plan = name;
            layers::plan::ForecastOptions options;
            options.cancel = &cancel;
            options.progress = progress;
            layers::plan::Forecast fc = layers::plan::forecast_plan(*in, *plans, *plans->find_plan(name), options);
            for (auto& pr : fc.problems)
                if (pr.source.empty()) pr.source = path;  // the copy has no path; name the real file
            if (!fc.run.ok) {
                out.error = fc.run.error;
                out.summary = "Forecast failed: " + out.error;
            } else if (!fc.run.cancelled) {
                char line[256];
                std::snprintf(line, sizeof line,
                              "Forecast of plan '%s': %zu routed task(s) sailed, %zu gap(s) would remain (%.1f s)",
                              name.c_str(), fc.routed.size(), fc.run.gaps.gaps.size(), fc.seconds);
                out.summary = line;
                out.forecast = std::move(fc);
            }
            return out;
        },
        "forecast failed");
}

bool ReconcileJob::start(const layers::Workspace& ws, const layers::plan::PlanBook& book, const std::string& plan,
                         std::string* error) {
    if (busy()) {
        *error = "a reconciliation is still running: wait for it";
        return false;
    }
    const layers::plan::Plan* p = plan_to_run(ws, book, plan, error);
    if (!p) return false;
    // The reconciliation reads the tracks too: the whole workspace is copied (the demo's in
    // about 0.1 s), so edits and saves go on while it runs.
    auto in = std::make_shared<layers::Workspace>(ws);
    auto plans = std::make_shared<layers::plan::PlanBook>(book);
    return launch(
        [in, plans, name = p->name, path = ws.path()](const std::atomic<bool>&, const Progress&) {
            ReconcileOutcome out;
            out.workspace_path = path;
            out.plan = name;
            const layers::plan::Plan& pl = *plans->find_plan(name);
            geo::Problems ignored;  // the coastline's own problems were reported when it was opened
            const layers::plan::PlanCoast coast = layers::plan::plan_coast(*in, pl.segment_m, ignored);
            layers::plan::Reconciliation r = layers::plan::reconcile_plan(*in, *plans, pl, coast);
            int done = 0, judged = 0;
            for (const auto& row : r.by_agency) done += row.done, judged += row.done + row.partly + row.missed;
            char line[256];
            std::snprintf(line, sizeof line, "Reconciled plan '%s' with %zu fixes: %d of %d judged task(s) done",
                          name.c_str(), r.fixes, done, judged);
            out.summary = line;
            out.reconciliation = std::move(r);
            return out;
        },
        "reconciliation failed");
}

}  // namespace tidemark::gui
