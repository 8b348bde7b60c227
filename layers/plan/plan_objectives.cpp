#include "layers/plan/plan_objectives.h"

#include "geo/duration.h"
#include "layers/coverage_store.h"
#include "layers/reports.h"
#include "layers/style_classes.h"
#include "layers/workspace.h"

#include <algorithm>
#include <cstdio>

namespace tidemark::layers::plan {

LastGaps last_period_gaps(const Workspace& ws, const PlanCoast& coast) {
    LastGaps last;
    const Layer* seg = ws.find(kSegmentsLayer);
    if (!seg || !ws.window_from || !ws.window_to) {
        last.why = "no coverage run in the workspace; run `tidemark coverage` first";
        return last;
    }
    const int gap_field = seg->field_index("max_gap_s");
    if (gap_field < 0 || seg->features.size() != coast.segments.size()) {
        last.why = "the coverage run was cut into " + std::to_string(seg->features.size()) +
                   " segments, the plan into " + std::to_string(coast.segments.size()) +
                   "; run `tidemark coverage` with the plan's segment length";
        return last;
    }
    geo::CoverageResult coverage;
    coverage.from = last.from = *ws.window_from;
    coverage.to = last.to = *ws.window_to;
    coverage.segments.resize(coast.segments.size());
    for (std::size_t i = 0; i < seg->features.size(); ++i)
        coverage.segments[i].max_gap_s = to_number(seg->features[i].values[gap_field]).value_or(0);
    last.revisit_s = revisit_target_s(ws.settings);
    geo::GapOptions options;
    options.revisit_s = last.revisit_s;
    const auto events = report_events(load_reports(ws), last.to);
    last.analysis = geo::analyse_gaps(coast.segments, coverage, coast.forces.size(), coast.ports, events, options);
    last.ok = true;
    return last;
}

std::vector<SuggestedObjective> suggest_objectives(const Plan& plan, const LastGaps& last) {
    std::vector<SuggestedObjective> out;
    if (!last.ok) return out;
    for (const geo::Gap& g : last.analysis.gaps) {
        double target = 0;
        if (g.reports >= 1) target = 6 * 3600.0;
        else if (g.ports >= 1) target = 12 * 3600.0;
        if (target <= 0 || target >= plan.revisit_s || g.segments.empty()) continue;
        char reason[256];
        std::snprintf(reason, sizeof reason, "gap %u last period: risk %.0f; %.1f km unwatched up to %s; %d landing place(s); reports %.1f",
                      g.id, g.risk, g.length_m / 1000, geo::format_duration(g.worst_gap_s).c_str(), g.ports, g.reports);
        SuggestedObjective s;
        s.objective.stretch = {g.segments.front(), g.segments.back()};
        s.objective.revisit_s = target;
        s.objective.reason = reason;
        s.risk = g.risk;
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.risk > b.risk; });
    return out;
}

}  // namespace tidemark::layers::plan
