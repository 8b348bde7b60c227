// `tidemark render WS.gpkg -o map.{png,pdf,tif} [--size WxH] [--dpi N] [--bbox minx,miny,maxx,maxy]
//   [--time ISO [--coverage-as-of]] [--as-of ISO] [--title TEXT] [--marking TEXT]
//   [--grading B2] [--category TEXT] [--reports-from ISO] [--reports-to ISO] [--hide-duplicates]`
#include "app/cli/commands.h"
#include "app/cli/workspace_option.h"
#include "app/cli/open_workspace.h"
#include "app/render/map_render.h"
#include "layers/reports/report_filter.h"
#include "layers/workspace.h"

#include <iostream>
#include <optional>
#include <sstream>
#include <utility>

namespace tidemark::cli {
namespace {

struct RenderArgs {
    std::string workspace, output, size, bbox, time, title, marking, as_of;
    double dpi = 150;
    bool coverage_as_of = false;
    layers::ReportFilterText reports;  // as typed in the app's Reports panel
};

// The report filter from the options, each bad value named by its option.
std::optional<layers::ReportFilter> report_filter(const layers::ReportFilterText& typed, std::string* error) {
    for (auto [option, value] : {std::pair{"--reports-from", &typed.from}, std::pair{"--reports-to", &typed.to}})
        if (!value->empty() && !geo::parse_iso8601(*value)) {
            *error = std::string(option) + " '" + *value + "': expected an ISO 8601 time such as 2026-03-04T12:00Z";
            return std::nullopt;
        }
    if (!layers::parse_grading_query(typed.grading, error)) {
        *error = "--" + *error;
        return std::nullopt;
    }
    return layers::parse_report_filter(typed, nullptr);
}

int run_render(const RenderArgs& a) {
    render::RenderOptions o;
    o.dpi = a.dpi;
    o.fit_orientation = a.size.empty();  // default A4: portrait or landscape to suit the map
    if (!a.size.empty()) {
        int w = 0, h = 0;
        char x = 0;
        std::istringstream in(a.size);
        if (!(in >> w >> x >> h) || (x != 'x' && x != 'X') || !in.eof() || w <= 0 || h <= 0)
            return fail("--size '" + a.size + "': expected WIDTHxHEIGHT in pixels, e.g. 2480x1754 (A4 landscape at 300 dpi)");
        o.width_px = w;
        o.height_px = h;
    }
    if (!a.time.empty()) {
        o.time = geo::parse_iso8601(a.time);
        if (!o.time) return fail("--time '" + a.time + "': expected an ISO 8601 time such as 2026-03-01T12:00Z");
    }
    if (!a.title.empty()) o.title = a.title;
    o.marking = a.marking;
    std::string error;
    if (!a.reports.empty()) {
        o.reports = report_filter(a.reports, &error);
        if (!o.reports) return fail(error);
    }
    if (!a.as_of.empty()) o.known_at = geo::parse_iso8601(a.as_of);  // checked by open_workspace
    auto ws = open_workspace(a.workspace, &error, a.as_of);
    if (!ws) return fail(error);
    if (!a.bbox.empty()) {
        o.bbox = render::parse_bbox(a.bbox, ws->crs(), &error);
        if (!o.bbox) return fail(error);
    }
    layers::CoverageHistory history;
    if (a.coverage_as_of) {
        const layers::Layer* seg = ws->find_role(layers::LayerRole::Segments);
        if (!o.time) return fail("--coverage-as-of needs --time: the time the coast is coloured as of");
        if (!seg) return fail("--coverage-as-of: " + a.workspace + " has no coverage results (run `tidemark coverage` first)");
        geo::Problems problems;
        history = layers::CoverageHistory::from_layer(*seg, &problems);
        for (const auto& p : problems) std::cerr << "warning: " << p.describe() << "\n";
        if (!history.has_sightings())
            return fail("--coverage-as-of: the segments layer of " + a.workspace +
                        " has no sightings field (stored before sightings were kept): run `tidemark coverage` again");
        o.coverage_as_of = &history;
    }
    if (!render::render_map(*ws, o, a.output, &error)) return fail(error);
    std::cout << "wrote " << a.output << "\n";
    return kOk;
}

}  // namespace

void add_render_command(CLI::App& app, Context& ctx) {
    auto a = std::make_shared<RenderArgs>();
    CLI::App* cmd = app.add_subcommand("render", "Render the workspace as a map: PNG, vector PDF or GeoTIFF");
    cmd->add_option("workspace", a->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("-o,--output", a->output, "map.png, map.pdf or map.tif (the format follows the extension)")->required();
    cmd->add_option("--size", a->size, "WIDTHxHEIGHT in pixels (default 1754x1240: A4 landscape at 150 dpi)");
    cmd->add_option("--dpi", a->dpi, "Dots per inch: fixes the PDF page size and the PNG's recorded resolution")
        ->check(CLI::Range(10.0, 2400.0));
    cmd->add_option("--bbox", a->bbox, "minx,miny,maxx,maxy in the working CRS (metres) or lon/lat degrees");
    cmd->add_option("--time", a->time, "ISO 8601 time: vessel positions then, reports up to then");
    cmd->add_flag("--coverage-as-of", a->coverage_as_of,
                  "Colour the coast by the time since each segment was last seen before --time (against the revisit target)");
    cmd->add_option("--as-of", a->as_of, kAsOfHelp);
    cmd->add_option("--grading", a->reports.grading, "Only reports of this grading, as users write it: B2, 2B, B, 2B-P");
    cmd->add_option("--category", a->reports.category, "Only reports whose category contains this text (any case)");
    cmd->add_option("--reports-from", a->reports.from, "Only reports made at or after this ISO 8601 time");
    cmd->add_option("--reports-to", a->reports.to, "Only reports made before this ISO 8601 time");
    cmd->add_flag("--hide-duplicates", a->reports.hide_duplicates, "Leave out reports marked as possible duplicates");
    cmd->add_option("--title", a->title, "Map title");
    cmd->add_option("--marking", a->marking, "Protective marking printed top and bottom, e.g. OFFICIAL-SENSITIVE");
    cmd->callback([a, &ctx] { ctx.exit_code = run_render(*a); });
}

}  // namespace tidemark::cli
