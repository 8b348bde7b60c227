#include "app/gui/coverage_job.h"

#include "geo/coast_segments.h"
#include "layers/coverage/coverage_run.h"
#include "layers/roles.h"
#include "layers/workspace_damage.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace tidemark::gui {

namespace {

// The first few damaged rows named, as the CLI names them all on stderr.
std::string first_problems(const geo::Problems& problems) {
    constexpr std::size_t kShown = 3;
    std::string text;
    for (std::size_t i = 0; i < problems.size() && i < kShown; ++i) text += "\n  " + problems[i].describe();
    if (problems.size() > kShown) text += "\n  ... and " + std::to_string(problems.size() - kShown) + " more";
    return text;
}

}  // namespace

bool CoverageJob::start(layers::Workspace& ws, const CoverageParams& params, std::string* error) {
    refused_for_damage_ = false;
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
    const layers::WorkspaceDamage damage = layers::find_damage(ws);
    if (!damage.fatal.empty()) {
        *error = ws.path() + ": its crs setting contradicts its layers or is unusable: " + damage.fatal.front() +
                 ". Coverage cannot be computed here; correct the crs setting or re-create the workspace";
        return false;
    }
    if (!damage.empty() && !params.skip_damaged) {
        refused_for_damage_ = true;
        *error = ws.path() + ": " + damage.summary() + first_problems(damage.problems) +
                 "\nCoverage does not compute on data it cannot trust: repair them (in QGIS or sqlite3) and open the "
                 "workspace again, or tick 'Leave out damaged rows' to compute on the rest";
        return false;
    }
    auto in = std::make_shared<layers::CoverageInputs>();
    {
        std::optional<layers::DamageHidden> hidden;  // the damaged rows come back when it ends
        if (!damage.empty()) hidden.emplace(ws, damage);
        layers::gather_workspace_inputs(ws, *in);
    }
    if (!ws.find_role(layers::LayerRole::Coastline)) {
        *error = "the workspace has no coastline layer: add one in the Layers panel (role coastline)";
        return false;
    }
    if (in->tracks.empty()) {
        *error = "no tracks in the workspace: import some with `tidemark tracks import`";
        return false;
    }
    if (!(params.radius_km > 0) && in->fleet.empty()) {
        *error = std::string("no sensor ranges: import the fleet register (`") + kFleetImportCommand +
                 "`) or set a radius override";
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

CoverageParams stored_coverage_params(const nlohmann::json& settings) {
    CoverageParams p;
    if (!settings.is_object() || !settings.contains("coverage") || !settings["coverage"].is_object()) return p;
    const nlohmann::json& c = settings["coverage"];
    auto number = [&](const char* key, double fallback) { return c.contains(key) && c[key].is_number() ? c[key].get<double>() : fallback; };
    p.segment_m = number("segment_m", p.segment_m);
    p.revisit_h = number("revisit_target_h", p.revisit_h);
    p.radius_km = number("radius_nm", 0) * 1.852;
    if (c.contains("line_of_sight") && c["line_of_sight"].is_boolean()) p.line_of_sight = c["line_of_sight"].get<bool>();
    return p;
}

}  // namespace tidemark::gui
