#include "layers/plan/plan_findings.h"

#include "layers/plan/plan_lines.h"
#include "layers/style/style.h"
#include "layers/workspace.h"

#include <algorithm>

namespace tidemark::layers::plan {
namespace {

// The colours of the Problems panel, so a red line on the map is a red line in the list.
const char* severity_colour(geo::Problem::Severity s) {
    switch (s) {
    case geo::Problem::Severity::Error: return "#e0262b";
    case geo::Problem::Severity::Warning: return "#f08c00";
    case geo::Problem::Severity::Info: return "#3a7bd5";
    }
    return "";
}

}  // namespace

Layer findings_layer(const std::string& plan, const PlanCheck& check, const PlanCoast& coast) {
    Layer l = lines_layer(kFindingsLayer, {{"plan", FieldType::String},
                                           {"severity", FieldType::String},
                                           {"severity_colour", FieldType::String},
                                           {"about", FieldType::String},
                                           {"finding", FieldType::String},
                                           {"from_segment", FieldType::Integer},
                                           {"to_segment", FieldType::Integer},
                                           {"length_m", FieldType::Real}});
    l.source = "plan check";
    // Drawn in row order: notes first, errors last, so an error is never hidden under a warning
    // on the same coast. Row fid = finding index + 1 (finding_row() finds it).
    std::vector<std::size_t> order(check.problems.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return check.problems[a].severity < check.problems[b].severity; });
    for (std::size_t i : order) {
        const geo::Problem& p = check.problems[i];
        if (i >= check.places.size() || check.places[i].empty()) continue;  // no place: not a map row
        const std::vector<Stretch>& places = check.places[i];
        std::vector<geo::Path> lines;
        double length_m = 0;
        std::string error;
        for (const Stretch& s : places) {
            if (coast.segments_of(s, &error).empty()) continue;  // not on this coast: a row without a line
            for (geo::Path& line : coast.lines_of(s)) lines.push_back(std::move(line));
            length_m += coast.length_of(s);
        }
        if (lines.empty()) continue;  // a stretch not on this coast: already a finding of its own
        const bool one = places.size() == 1;
        l.features().push_back(line_feature(
            lines,
            {plan, std::string(geo::severity_name(p.severity)), std::string(severity_colour(p.severity)), p.feature, p.reason,
             one ? Value{static_cast<std::int64_t>(places[0].from)} : Value{},
             one ? Value{static_cast<std::int64_t>(places[0].to)} : Value{}, length_m},
            static_cast<std::int64_t>(i + 1)));
    }
    return l;
}

std::int64_t finding_row(const Layer& findings, std::size_t finding) {
    for (std::size_t r = 0; r < findings.features().size(); ++r)
        if (findings.features()[r].fid == static_cast<std::int64_t>(finding + 1)) return static_cast<std::int64_t>(r);
    return -1;
}

void store_findings(Workspace& ws, const std::string& plan, const PlanCheck& check, const PlanCoast& coast) {
    auto& styles = ws.settings["styles"];
    if (!styles.contains(kFindingsLayer)) {
        Style st = default_style(LayerRole::Generic);
        st.stroke_width_px = 5;
        st.colour_by = "severity";
        styles[kFindingsLayer] = to_json(st);
    }
    ws.put(findings_layer(plan, check, coast));
}

}  // namespace tidemark::layers::plan
