#include "layers/plan/plan_objectives.h"

#include "geo/duration.h"
#include "layers/coverage/coverage_store.h"
#include "layers/reports/reports.h"
#include "layers/style/style_classes.h"
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
    if (gap_field < 0 || seg->features().size() != coast.segments.size()) {
        last.why = "the coverage run was cut into " + std::to_string(seg->features().size()) +
                   " segments, the plan into " + std::to_string(coast.segments.size()) +
                   "; run `tidemark coverage` with the plan's segment length";
        return last;
    }
    geo::CoverageResult coverage;
    coverage.from = last.from = *ws.window_from;
    coverage.to = last.to = *ws.window_to;
    coverage.segments.resize(coast.segments.size());
    for (std::size_t i = 0; i < seg->features().size(); ++i)
        coverage.segments[i].max_gap_s = to_number(seg->features()[i].values[gap_field]).value_or(0);
    last.revisit_s = revisit_target_s(ws.settings);
    geo::GapOptions options;
    options.revisit_s = last.revisit_s;
    const auto events = report_events(load_reports(ws), last.to);
    last.analysis = geo::analyse_gaps(coast.segments, coverage, coast.forces.size(), coast.ports, events, options);
    last.segment_reports.assign(coast.segments.size(), 0);
    for (std::size_t e = 0; e < events.size(); ++e)
        if (last.analysis.event_segment[e] >= 0) last.segment_reports[last.analysis.event_segment[e]] += events[e].weight;
    last.ok = true;
    return last;
}

std::vector<SuggestedObjective> suggest_objectives(const Plan& plan, const PlanCoast& coast, const LastGaps& last) {
    std::vector<SuggestedObjective> out;
    if (!last.ok) return out;
    for (const geo::Gap& g : last.analysis.gaps) {
        // Where in the gap: segments with reports, and segments near a landing place.
        std::vector<bool> reported(coast.segments.size(), false), landing(coast.segments.size(), false);
        for (auto i : g.segments) {
            reported[i] = last.segment_reports[i] > 0;
            landing[i] = coast.segments[i].port_distance_m <= geo::kNearM;
        }
        auto suggest = [&](const std::vector<bool>& where, double target, bool by_reports) {
            if (target >= plan.revisit_s) return;
            for (Stretch s : coast.runs(where)) {
                std::string error;
                double weight = 0;
                for (auto i : coast.segments_of(s, &error)) weight += last.segment_reports[i];
                if (by_reports && weight < 1) continue;
                char reason[256];
                std::snprintf(reason, sizeof reason, "%s in last period's gap %u (risk %.0f, unwatched up to %s)",
                              by_reports ? ("reports weighing " + std::to_string(weight).substr(0, 4)).c_str()
                                         : "landing places within 5 km",
                              g.id, g.risk, geo::format_duration(g.worst_gap_s).c_str());
                out.push_back({{s, target, reason, ""}, g.risk * (by_reports ? 2 : 1)});
            }
        };
        const std::size_t first = out.size();
        suggest(reported, 6 * 3600.0, true);
        // Landing places not already given the tighter target.
        std::string error;
        for (std::size_t k = first; k < out.size(); ++k)
            for (auto i : coast.segments_of(out[k].objective.stretch, &error)) landing[i] = false;
        suggest(landing, 12 * 3600.0, false);
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.risk > b.risk; });
    return out;
}

}  // namespace tidemark::layers::plan
