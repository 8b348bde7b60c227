// `tidemark reports import|check|density|synthesize`: Project Kraken reports (docs/reports.md).
#include "app/cli/commands.h"
#include "app/cli/damage_check.h"
#include "app/cli/workspace_option.h"
#include "app/cli/open_workspace.h"
#include "app/cli/output_files.h"
#include "app/cli/problem_printer.h"
#include "geo/kernel_density.h"
#include "geo/report_grading.h"
#include "layers/reports/density_raster.h"
#include "layers/io/import.h"
#include "layers/reports/report_linking.h"
#include "layers/reports/reports.h"
#include "layers/synthetic/synthetic_reports.h"
#include "layers/workspace.h"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>

namespace tidemark::cli {
namespace {

struct ReportsOptions {
    std::string workspace;
    std::vector<std::string> files;
    std::string columns;
    std::string coast;  // check: coastline file for the inland/offshore test
    double max_inland_km = 15, max_offshore_km = 60;
    bool all_problems = false;
    bool uk_time = false;  // times without an offset are UK clock times (GMT/BST), not UTC
    // density
    std::string output;
    bool overwrite = false;
    double bandwidth_km = 5, cell_m = 0;
    bool weighted = false;
    bool skip_damaged = false;
    std::string from, to;
    // synthesize
    std::string ports, bad_out;
    std::uint64_t seed = 42;
    int count = 300;
};

layers::UnzonedTimes unzoned_times(const ReportsOptions& o) {
    return o.uk_time ? layers::UnzonedTimes::UkClock : layers::UnzonedTimes::Utc;
}

layers::CoastLimits limits(const ReportsOptions& o) { return {o.max_inland_km * 1000, o.max_offshore_km * 1000}; }

std::optional<geo::UnixTime> time_option(const std::string& text, const char* name, std::string* error) {
    if (text.empty()) return std::nullopt;
    auto t = geo::parse_iso8601(text);
    if (!t) *error = std::string(name) + " \"" + text + "\" is not an ISO 8601 time, e.g. 2026-03-01T00:00:00Z";
    else if (!geo::plausible_time(*t)) *error = std::string(name) + " \"" + text + "\": " + geo::kPlausibleTimeText;
    return t;
}

// Problems in file and line order, so a person can walk down the file fixing rows.
void print_sorted(geo::Problems problems, bool all) {
    std::stable_sort(problems.begin(), problems.end(), [](const geo::Problem& a, const geo::Problem& b) {
        return a.source != b.source ? a.source < b.source : a.line < b.line;
    });
    print_problems(std::cerr, problems, all ? 0 : 20);
}

void print_read_summary(const std::string& file, const layers::ReportReadResult& r) {
    std::cout << file << ": " << r.reports.size() << " report(s) read, " << r.rejected << " row(s) rejected\n";
}

int reports_import(const ReportsOptions& o) {
    std::string error;
    auto ws = open_workspace(o.workspace, &error);
    if (!ws) return fail(error);
    const layers::Layer* coast = ws->find_role(layers::LayerRole::Coastline);
    geo::Problems problems;
    std::vector<layers::Report> incoming;
    for (const auto& file : o.files) {
        layers::ReportReadResult r = layers::read_reports(file, ws->crs(), o.columns, unzoned_times(o));
        if (!r.ok) return fail(r.error);
        if (coast) layers::reject_far_from_coast(r, *coast, limits(o));
        print_read_summary(file, r);
        problems.insert(problems.end(), r.problems.begin(), r.problems.end());
        incoming.insert(incoming.end(), r.reports.begin(), r.reports.end());
    }
    if (!coast)
        std::cerr << "tidemark: note: workspace has no coastline layer: inland/offshore checks skipped\n";
    // Re-importing a report (same report_id) replaces it rather than adding a copy.
    std::vector<layers::Report> all;
    std::map<std::string, std::size_t> by_id;
    auto add = [&](layers::Report r) {
        r.possible_duplicate = false;
        r.duplicate_of.clear();
        if (auto it = by_id.find(r.report_id); it != by_id.end()) {
            all[it->second] = std::move(r);
        } else {
            by_id[r.report_id] = all.size();
            all.push_back(std::move(r));
        }
    };
    for (auto& r : layers::load_reports(*ws)) add(std::move(r));
    const std::size_t before = all.size();
    for (auto& r : incoming) add(std::move(r));
    layers::flag_duplicates(all, &problems);
    layers::store_reports(*ws, all);
    const auto links = layers::link_reports(*ws, all);
    layers::add_link_fields(*ws->find(layers::kReportsLayer), links);
    if (!ws->save(&error)) return fail(error);
    std::size_t duplicates = 0, synthetic = 0;
    for (const auto& r : all) {
        duplicates += r.possible_duplicate;
        synthetic += r.synthetic;
    }
    std::cout << o.workspace << ": layer reports now holds " << all.size() << " report(s) (" << all.size() - before
              << " new, " << incoming.size() - (all.size() - before) << " replaced; " << duplicates
              << " flagged as possible duplicates; " << synthetic << " SYNTHETIC)\n";
    print_sorted(std::move(problems), o.all_problems);
    return kOk;
}

// Refreshes the links (coast, segment, force, port, watched) after tracks or coverage change.
int reports_link(const ReportsOptions& o) {
    std::string error;
    auto ws = open_workspace(o.workspace, &error);
    if (!ws) return fail(error);
    std::vector<layers::Report> all = layers::load_reports(*ws);
    if (all.empty()) return fail(o.workspace + ": no reports layer; import reports first with `tidemark reports import`");
    layers::store_reports(*ws, all);
    const auto links = layers::link_reports(*ws, all);
    layers::add_link_fields(*ws->find(layers::kReportsLayer), links);
    if (!ws->save(&error)) return fail(error);
    std::size_t watched = 0, known = 0;
    for (const auto& l : links) {
        known += l.watched.has_value();
        watched += l.watched.value_or(false);
    }
    std::cout << o.workspace << ": linked " << all.size() << " report(s)";
    if (known) std::cout << "; " << watched << " watched by a patrol within 1 h of the activity";
    else std::cout << "; no patrol tracks in the workspace, `watched` left unknown";
    std::cout << "\n";
    return kOk;
}

int reports_check(const ReportsOptions& o) {
    geo::Crs crs = geo::Crs::british_national_grid();
    std::optional<layers::Layer> coast;
    geo::Problems problems;
    std::string error;
    if (!o.coast.empty()) {
        crs = layers::working_crs_for({o.coast});
        coast = layers::import_layer(o.coast, crs, layers::LayerRole::Coastline, "coastline", problems, &error);
        if (!coast) return fail(error);
    } else if (!o.workspace.empty()) {
        auto ws = open_workspace(o.workspace, &error);
        if (!ws) return fail(error);
        crs = ws->crs();
        if (const layers::Layer* c = ws->find_role(layers::LayerRole::Coastline)) coast = *c;
    }
    std::size_t rejected = 0;
    std::vector<layers::Report> all;
    for (const auto& file : o.files) {
        layers::ReportReadResult r = layers::read_reports(file, crs, o.columns, unzoned_times(o));
        if (!r.ok) return fail(r.error);
        if (coast) layers::reject_far_from_coast(r, *coast, limits(o));
        print_read_summary(file, r);
        rejected += r.rejected;
        problems.insert(problems.end(), r.problems.begin(), r.problems.end());
        all.insert(all.end(), r.reports.begin(), r.reports.end());
    }
    layers::flag_duplicates(all, &problems);
    if (!coast) std::cout << "(no --coast or --workspace given: inland/offshore checks skipped)\n";
    print_sorted(std::move(problems), o.all_problems);
    if (rejected > 0) return fail(std::to_string(rejected) + " row(s) rejected; fix them as each message says and check again");
    return kOk;
}

int reports_density(const ReportsOptions& o) {
    if (auto clash = output_clobbers_input(o.output, {o.workspace}, o.overwrite); !clash.empty()) return fail(clash);
    std::string error;
    auto ws = open_workspace(o.workspace, &error);
    if (!ws) return fail(error);
    layers::WorkspaceDamage damage;
    if (!check_damage(*ws, o.skip_damaged, "reports density", damage, &error)) return fail(error);
    layers::DamageHidden hidden(*ws, damage);  // the workspace is not saved here
    if (!(o.bandwidth_km > 0)) return fail("--bandwidth-km must be > 0");
    auto from = time_option(o.from, "--from", &error);
    auto to = time_option(o.to, "--to", &error);
    if (!error.empty()) return fail(error);
    if (!from) from = ws->window_from;
    if (!to) to = ws->window_to;
    if (from && to && !(*to > *from))
        return fail("empty time window " + geo::format_iso8601(*from) + " .. " + geo::format_iso8601(*to) +
                    " (from --from/--to or the workspace's window): give --to after --from");
    std::vector<geo::XY> points;
    std::vector<double> weights;
    for (const auto& r : layers::load_reports(*ws)) {
        if (r.possible_duplicate) continue;  // one sighting, counted once
        if ((from && r.observed_at < *from) || (to && r.observed_at >= *to)) continue;
        points.push_back(r.position);
        weights.push_back(o.weighted ? geo::grading_weight(r.source_evaluation, r.assessment) : 1.0);
    }
    if (points.empty()) return fail(o.workspace + ": no reports in the window; import some with `tidemark reports import`");
    geo::DensityOptions options;
    options.bandwidth_m = o.bandwidth_km * 1000;
    options.cell_m = o.cell_m;
    const geo::DensityGrid grid = geo::kernel_density(points, weights, options);
    const std::string what = o.weighted ? "Kraken reports per km2, weighted by 3x5x2 grading" : "Kraken reports per km2";
    clean_stale_temporaries(o.output);
    if (!layers::write_density_geotiff(o.output, grid, ws->crs(), &error, what)) return fail(error);
    double peak = 0;
    for (double v : grid.values) peak = std::max(peak, v);
    std::printf("wrote %s: %d x %d cells of %.0f m, %s, bandwidth %.1f km, %zu report(s), integral %.2f, peak %.4f per km2\n",
                o.output.c_str(), grid.cols, grid.rows, grid.cell_m, ws->crs().name().c_str(), o.bandwidth_km, points.size(),
                grid.integral(), peak);
    return kOk;
}

int reports_synthesize(const ReportsOptions& o) {
    std::string error;
    auto from = time_option(o.from, "--from", &error);
    auto to = time_option(o.to, "--to", &error);
    if (!error.empty()) return fail(error);
    if (!from || !to || *to <= *from) return fail("--from and --to must be ISO 8601 times with --to after --from");
    std::vector<std::string> skipped;
    auto places = layers::read_places(o.ports, &skipped, &error);
    for (const auto& s : skipped) std::cerr << "tidemark: warning: " << s << "\n";
    if (places.empty()) return fail(error.empty() ? o.ports + ": no usable places" : error);
    layers::SyntheticOptions options{*from, *to, o.seed, o.count};
    if (!layers::write_text_atomically(o.output, layers::synthetic_reports_csv(places, options), &error)) return fail(error);
    std::cout << "wrote " << o.output << ": " << o.count << " SYNTHETIC report(s), seed " << o.seed << "\n";
    if (!o.bad_out.empty()) {
        if (!layers::write_text_atomically(o.bad_out, layers::synthetic_bad_reports_csv(places, options), &error))
            return fail(error);
        std::cout << "wrote " << o.bad_out << ": SYNTHETIC bad rows, one per rejection reason\n";
    }
    return kOk;
}

}  // namespace

void add_reports_command(CLI::App& app, Context& ctx) {
    CLI::App* cmd = app.add_subcommand("reports", "Project Kraken reports: import, check, hotspot density, demo data");
    cmd->require_subcommand(1);
    auto o = std::make_shared<ReportsOptions>();
    auto common_read = [o](CLI::App* sub) {
        sub->add_option("--columns", o->columns, "Map fields to other column names: observed_at=When,grid_ref=Location");
        sub->add_option("--max-inland-km", o->max_inland_km, "Reject reports further inland than this (default 15)");
        sub->add_option("--max-offshore-km", o->max_offshore_km, "Reject reports further offshore than this (default 60)");
        sub->add_flag("--all-problems", o->all_problems, "List every problem, not the first 20");
        sub->add_flag("--uk-time", o->uk_time, "Times without a UTC offset are UK clock times (GMT, or BST in summer), not UTC");
    };

    CLI::App* import = cmd->add_subcommand("import", "Read report files into the workspace layer `reports`, linked to coast, force and port");
    import->add_option("workspace", o->workspace, "Workspace (.gpkg)")->required()->check(workspace_location());
    import->add_option("files", o->files, "CSV, GeoJSON, GeoPackage or KML files")->required();
    common_read(import);
    import->callback([o, &ctx] { ctx.exit_code = reports_import(*o); });

    CLI::App* link = cmd->add_subcommand("link", "Refresh each report's coast, segment, force, port and `watched` links");
    link->add_option("workspace", o->workspace, "Workspace (.gpkg)")->required()->check(workspace_location());
    link->callback([o, &ctx] { ctx.exit_code = reports_link(*o); });

    CLI::App* check = cmd->add_subcommand("check", "Validate report files and list every problem; exit 1 if any row is rejected");
    check->add_option("files", o->files, "CSV, GeoJSON, GeoPackage or KML files")->required();
    check->add_option("--coast", o->coast, "Coastline file for the inland/offshore checks");
    check->add_option("--workspace", o->workspace, "Workspace whose CRS and coastline to check against");
    common_read(check);
    check->callback([o, &ctx] { ctx.exit_code = reports_check(*o); });

    CLI::App* density = cmd->add_subcommand("density", "Hotspot raster: Gaussian kernel density of reports as a GeoTIFF");
    density->add_option("workspace", o->workspace, "Workspace (.gpkg)")->required()->check(workspace_location());
    density->add_option("-o,--output", o->output, "GeoTIFF to write")->required();
    density->add_option("--bandwidth-km", o->bandwidth_km, "Gaussian bandwidth (sigma), km (default 5)");
    density->add_option("--cell-m", o->cell_m, "Cell size, m (default bandwidth / 5)");
    density->add_flag("--weighted", o->weighted, "Weight each report by its 3x5x2 grading (docs/reports.md)");
    density->add_option("--from", o->from, "Window start, ISO 8601 (default: the workspace window)");
    density->add_option("--to", o->to, "Window end, ISO 8601 (default: the workspace window)");
    density->add_flag("--overwrite", o->overwrite, "Allow -o to replace the workspace itself");
    add_skip_damaged_flag(*density, o->skip_damaged);
    density->callback([o, &ctx] { ctx.exit_code = reports_density(*o); });

    CLI::App* synth = cmd->add_subcommand("synthesize", "Write SYNTHETIC demo reports (and a file of bad rows)");
    synth->add_option("--ports", o->ports, "Places CSV (name,kind,lat,lon,...), e.g. data/ports.csv")->required()->check(CLI::ExistingFile);
    synth->add_option("--from", o->from, "Window start, ISO 8601")->required();
    synth->add_option("--to", o->to, "Window end, ISO 8601")->required();
    synth->add_option("--seed", o->seed, "Random seed (default 42): same seed, same file");
    synth->add_option("--count", o->count, "Number of reports (default 300)")->check(CLI::Range(1, 1000000));
    synth->add_option("-o,--output", o->output, "CSV to write")->required();
    synth->add_option("--bad-out", o->bad_out, "CSV of bad rows to write, one per rejection reason");
    synth->callback([o, &ctx] { ctx.exit_code = reports_synthesize(*o); });
}

}  // namespace tidemark::cli
