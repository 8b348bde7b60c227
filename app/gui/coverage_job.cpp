#include "app/gui/coverage_job.h"

#include "geo/coast_segments.h"
#include "layers/coverage_run.h"
#include "layers/roles.h"

#include <cstdio>
#include <memory>

namespace tidemark::gui {

bool CoverageJob::start(const layers::Workspace& ws, const CoverageParams& params, std::string* error) {
    if (busy()) {
        *error = "a coverage run is still going: wait for it or Cancel it";
        return false;
    }
    if (params.segment_m < geo::kMinSegmentLengthM || params.segment_m > geo::kMaxSegmentLengthM) {
        *error = "segment length must be between 100 and 10000 m";
        return false;
    }
    if (!(params.revisit_h > 0)) {
        *error = "revisit target must be > 0 h";
        return false;
    }
    auto in = std::make_shared<layers::CoverageInputs>();
    layers::gather_workspace_inputs(ws, *in);
    if (!ws.find_role(layers::LayerRole::Coastline)) {
        *error = "the workspace has no coastline layer: add one in the Layers panel (role coastline)";
        return false;
    }
    if (in->tracks.empty()) {
        *error = "no tracks in the workspace: import some with `tidemark tracks import`";
        return false;
    }
    if (!(params.radius_km > 0) && in->fleet.empty()) {
        *error = "no sensor ranges: import the fleet register (`tidemark fleet`) or set a radius override";
        return false;
    }
    layers::CoverageRunOptions options;
    const geo::Interval span = geo::track_time_span(in->tracks);
    options.from = params.from.value_or(in->from.value_or(span.from));
    options.to = params.to.value_or(in->to.value_or(span.to));
    if (!(options.to > options.from)) {
        *error = "empty time window " + geo::format_iso8601(options.from) + " .. " + geo::format_iso8601(options.to) +
                 ": set From before To";
        return false;
    }
    options.segment_m = params.segment_m;
    options.revisit_s = params.revisit_h * 3600;
    if (params.radius_km > 0) options.radius_m = params.radius_km * 1000;
    options.line_of_sight = params.line_of_sight;
    options.fleet_source = ws.path();
    options.range_hint = "set a radius override";
    const double revisit_h = params.revisit_h;
    return launch(
        [in, options, revisit_h, path = ws.path()](const std::atomic<bool>& cancel, const Progress& progress) mutable {
            options.cancel = &cancel;
            options.progress = progress;
            CoverageOutcome out;
            out.workspace_path = path;
            layers::CoverageRun run = layers::run_coverage(*in, options);
            out.problems = std::move(in->problems);
            if (!run.ok) {
                out.error = run.error;
                out.summary = "Coverage failed: " + out.error;
            } else if (!run.cancelled) {
                char line[200];
                std::snprintf(line, sizeof line, "Coverage: %zu tracks, %zu segments, %zu gaps (revisit target %.1f h)",
                              in->tracks.size(), run.segments, run.gaps.gaps.size(), revisit_h);
                out.summary = line;
                out.layers = std::move(run.layers);
            }
            return out;
        },
        "coverage failed");
}

}  // namespace tidemark::gui
