#include "layers/plan/plan_forecast.h"

#include "layers/plan/plan_check.h"
#include "layers/style/style.h"
#include "layers/workspace.h"

#include <chrono>

namespace tidemark::layers::plan {

geo::Track task_track(const Task& task, const std::vector<Vessel>& fleet) {
    const Vessel* v = find_vessel(fleet, 0, task.asset);
    PlannedPatrol patrol;
    patrol.vessel = v ? v->name : task.asset;
    patrol.start = task.from;
    patrol.speed_kn = task.route_speed_kn > 0 ? task.route_speed_kn : v ? v->cruise_speed_kn : 0;
    patrol.waypoints = task.route;
    geo::Track t = plan_track(patrol);
    t.mmsi = v ? v->mmsi : 0;
    return t;
}

Forecast forecast_plan(const Workspace& ws, const PlanBook& book, const Plan& plan, const ForecastOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    Forecast fc;
    CoverageInputs in;
    gather_workspace_inputs(ws, in);
    in.tracks.clear();  // the plan, not what was sailed
    for (const Task* t : book.tasks_of(plan.name)) {
        if (!is_live(t->status)) continue;
        const std::string name = "task " + std::to_string(t->id);
        if (t->route.empty()) {
            fc.not_forecast.push_back(name + ": no route");
            continue;
        }
        if (!find_vessel(in.fleet, 0, t->asset)) {
            fc.not_forecast.push_back(name + ": no asset in the fleet register to take a sensor range from");
            continue;
        }
        geo::Track track = task_track(*t, in.fleet);
        if (track.legs.empty()) {
            fc.not_forecast.push_back(name + ": no speed for the route");
            continue;
        }
        in.tracks.push_back(std::move(track));
        fc.routed.push_back(t->id);
    }
    CoverageRunOptions run_options;
    run_options.from = plan.from;
    run_options.to = plan.to;
    run_options.segment_m = plan.segment_m;
    run_options.revisit_s = plan.revisit_s;
    run_options.fleet_source = ws.path();
    run_options.progress = options.progress;
    run_options.cancel = options.cancel;
    fc.run = run_coverage(in, run_options);
    fc.problems = std::move(in.problems);
    if (!fc.run.ok || fc.run.cancelled) return fc;

    // Judge against the objectives on the same segments.
    geo::Problems ignored;
    const PlanCoast coast = plan_coast(ws, plan.segment_m, ignored);
    const Layer& seg = fc.run.layers.segments;
    const int gap_field = seg.field_index("max_gap_s");
    for (const Feature& f : seg.features()) fc.max_gap_s.push_back(to_number(f.values[gap_field]).value_or(plan.to - plan.from));
    const SegmentObjectives obj = segment_objectives(plan, coast);
    for (const Agency& a : book.agencies) fc.by_agency.push_back({a.code, a.name});
    fc.by_agency.push_back({"", "(no lead)"});
    for (const auto& f : coast.forces) fc.by_force.push_back({f.code, f.name});
    fc.by_force.push_back({"", "(no force area)"});
    for (std::size_t i = 0; i < coast.segments.size() && i < fc.max_gap_s.size(); ++i) {
        const double len = coast.segments[i].length_m;
        const bool met = obj.risk_accepted[i] || fc.max_gap_s[i] <= obj.target_s[i];
        std::size_t a = fc.by_agency.size() - 1;
        for (std::size_t k = 0; k + 1 < fc.by_agency.size(); ++k)
            if (i < plan.lead.size() && fc.by_agency[k].code == plan.lead[i]) a = k;
        const int force = coast.segments[i].force;
        ObjectiveRow& fr = fc.by_force[force >= 0 ? force : fc.by_force.size() - 1];
        for (ObjectiveRow* r : {&fc.by_agency[a], &fr}) {
            r->coast_m += len;
            if (met) r->met_m += len;
        }
    }
    std::erase_if(fc.by_agency, [](const ObjectiveRow& r) { return r.coast_m == 0; });
    std::erase_if(fc.by_force, [](const ObjectiveRow& r) { return r.coast_m == 0; });
    fc.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return fc;
}

void store_forecast(Workspace& ws, const Forecast& forecast) {
    CoverageLayers layers = forecast.run.layers;
    layers.segments.name = kForecastSegmentsLayer;
    layers.gaps.name = kForecastGapsLayer;
    layers.force_summary.name = kForecastSummaryLayer;
    layers.segments.source = layers.gaps.source = layers.force_summary.source = "plan forecast";
    // Drawn on request (the app's forecast view) rather than over the actual coverage.
    auto& styles = ws.settings["styles"];
    for (const Layer* l : {&layers.segments, &layers.gaps})
        if (!styles.contains(l->name)) {
            Style st = style_for(ws.settings, *l);
            st.visible = false;
            styles[l->name] = to_json(st);
        }
    ws.put(std::move(layers.segments));
    ws.put(std::move(layers.gaps));
    ws.put(std::move(layers.force_summary));
}

}  // namespace tidemark::layers::plan
