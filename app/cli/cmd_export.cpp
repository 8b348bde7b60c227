// `tidemark export WS.gpkg --layer NAME|all --format gpkg|geojson|kml|shp|csv|fgb -o PATH`
#include "app/cli/commands.h"
#include "app/cli/workspace_option.h"
#include "app/cli/open_workspace.h"
#include "app/cli/output_files.h"
#include "layers/export/export.h"
#include "layers/workspace.h"

#include <iostream>

namespace tidemark::cli {
namespace {

struct ExportOptions {
    std::string workspace;
    std::vector<std::string> layers;
    std::string format;
    std::string output;
    std::string as_of;  // --as-of: the team workspace as known then
    bool quiet = false;
    bool overwrite = false;
};

constexpr std::size_t kProgressFrom = 20000;  // features: smaller exports finish before anyone looks

int run_export(const ExportOptions& opt) {
    auto format = layers::parse_export_format(opt.format);
    if (!format) return fail("--format " + opt.format + ": expected one of gpkg, geojson, kml, shp, csv, fgb");
    if (auto clash = output_clobbers_input(opt.output, {opt.workspace}, opt.overwrite); !clash.empty()) return fail(clash);
    std::string error;
    auto ws = open_workspace(opt.workspace, &error, opt.as_of);
    if (!ws) return fail(error);
    clean_stale_temporaries(opt.output);
    layers::ExportRequest request;
    request.format = *format;
    request.path = opt.output;
    for (const auto& l : opt.layers)
        if (l != "all") request.layers.push_back(l);
    if (!opt.quiet)
        request.progress = [](const std::string& layer, std::size_t done, std::size_t total) {
            if (total >= kProgressFrom) std::cerr << "\rexporting " << layer << ": " << done << " / " << total << (done == total ? "\n" : "") << std::flush;
        };
    if (!layers::export_layers(*ws, request, &error)) return fail(error);
    std::size_t count = request.layers.empty() ? ws->layers.size() : request.layers.size();
    std::cout << "wrote " << opt.output << " (" << count << " layer(s), " << layers::export_extension(*format) << ")\n";
    return kOk;
}

}  // namespace

void add_export_command(CLI::App& app, Context& ctx) {
    auto opt = std::make_shared<ExportOptions>();
    CLI::App* cmd = app.add_subcommand("export", "Export layers and tables (GeoPackage with QGIS styles, GeoJSON, KML, Shapefile, CSV, FlatGeobuf)");
    cmd->add_option("workspace", opt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--layer,-l", opt->layers, "Layer or table name (repeatable), or 'all'")->required();
    cmd->add_option("--format,-f", opt->format, "gpkg | geojson | kml | shp | csv | fgb")
        ->required()
        ->check(CLI::IsMember({"gpkg", "geojson", "kml", "shp", "csv", "fgb"}, CLI::ignore_case));
    cmd->add_option("-o,--output", opt->output,
                    "Output file; with several layers a .gpkg file, or a folder of one file per layer for other formats")
        ->required();
    cmd->add_option("--as-of", opt->as_of, kAsOfHelp);
    cmd->add_flag("--quiet,-q", opt->quiet, "No progress on stderr");
    cmd->add_flag("--overwrite", opt->overwrite, "Allow -o to replace the workspace itself");
    cmd->callback([opt, &ctx] { ctx.exit_code = run_export(*opt); });
}

}  // namespace tidemark::cli
