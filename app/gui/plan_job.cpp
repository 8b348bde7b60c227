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

ForecastJob::~ForecastJob() {
    cancel_ = true;
    wait();
}

void ForecastJob::wait() {
    if (worker_.joinable()) worker_.join();
}

bool ForecastJob::start(const layers::Workspace& ws, const layers::plan::PlanBook& book, const std::string& plan,
                        std::string* error) {
    if (running()) {
        *error = "a forecast is still running: wait for it or Cancel it";
        return false;
    }
    wait();
    const layers::plan::Plan* p = book.find_plan(plan);
    if (!p) {
        *error = "no plan named '" + plan + "': choose a plan first";
        return false;
    }
    if (!ws.find_role(layers::LayerRole::Coastline)) {
        *error = "the workspace has no coastline layer: add one in the Layers panel (role coastline)";
        return false;
    }
    // Copies taken here, on the UI thread: the worker owns them.
    auto in = std::make_shared<layers::Workspace>(forecast_inputs(ws));
    auto plans = std::make_shared<layers::plan::PlanBook>(book);
    {
        std::lock_guard<std::mutex> lock(mutex_);
        outcome_ = {};
    }
    cancel_ = false;
    progress_ = 0;
    ended_ = false;
    started_ = true;
    worker_ = std::thread([this, in, plans, name = p->name, path = ws.path()] {
        ForecastOutcome out;
        out.workspace_path = path;
        out.plan = name;
        // A worker thread: every failure becomes the outcome's error, never an escape.
        try {
            layers::plan::ForecastOptions options;
            options.cancel = &cancel_;
            options.progress = [this](double f) {
                progress_ = f;
                if (wake) wake();
            };
            layers::plan::Forecast fc = layers::plan::forecast_plan(*in, *plans, *plans->find_plan(name), options);
            for (auto& pr : fc.problems)
                if (pr.source.empty()) pr.source = path;  // the copy has no path; name the real file
            if (!fc.run.ok) {
                out.error = fc.run.error;
            } else if (!fc.run.cancelled && !cancel_) {
                char line[256];
                std::snprintf(line, sizeof line,
                              "Forecast of plan '%s': %zu routed task(s) sailed, %zu gap(s) would remain (%.1f s)",
                              name.c_str(), fc.routed.size(), fc.run.gaps.gaps.size(), fc.seconds);
                out.summary = line;
                out.forecast = std::move(fc);
            }
        } catch (const std::exception& e) {
            out.error = std::string("forecast failed: ") + e.what();
        }
        out.cancelled = cancel_;
        if (out.cancelled) {
            out.forecast.reset();
            out.summary = "Forecast cancelled: nothing changed";
        } else if (!out.error.empty()) {
            out.summary = "Forecast failed: " + out.error;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            outcome_ = std::move(out);
        }
        progress_ = 1;
        ended_ = true;
        if (wake) wake();
    });
    return true;
}

std::optional<ForecastOutcome> ForecastJob::take_outcome() {
    if (!started_ || !ended_) return std::nullopt;
    wait();
    started_ = false;
    std::lock_guard<std::mutex> lock(mutex_);
    // Cancel pressed after the worker finished but before the result was taken: still discarded.
    if (cancel_ && !outcome_.cancelled) {
        outcome_.cancelled = true;
        outcome_.forecast.reset();
        outcome_.summary = "Forecast cancelled: nothing changed";
    }
    return std::move(outcome_);
}

}  // namespace tidemark::gui
