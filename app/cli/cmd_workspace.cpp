// `tidemark workspace new WS.gpkg --coast FILE --ports FILE --forces FILE [--fleet CSV] [--crs EPSG:N]`
#include "app/cli/commands.h"
#include "app/cli/open_workspace.h"
#include "app/cli/problem_printer.h"
#include "layers/tracks/fleet.h"
#include "layers/io/import.h"
#include "layers/workspace.h"

#include <filesystem>
#include <iostream>

namespace tidemark::cli {
namespace {

struct NewOptions {
    std::string workspace;
    std::string coast, ports, forces, territorial, land;
    std::string fleet;
    std::string crs;
    bool overwrite = false;
    bool all_problems = false;
};

int workspace_new(const NewOptions& opt) {
    if (std::filesystem::exists(opt.workspace) && !opt.overwrite)
        return fail(opt.workspace + ": already exists; choose another name or pass --overwrite");
    std::string crs_error;
    const auto working = layers::working_crs(opt.crs, opt.coast, &crs_error);
    if (!working) return fail(crs_error);
    const geo::Crs& crs = *working;
    layers::Workspace ws(crs);
    geo::Problems problems;
    struct Input { const std::string* path; layers::LayerRole role; const char* name; };
    const Input wanted[] = {{&opt.coast, layers::LayerRole::Coastline, "coastline"},
                            {&opt.ports, layers::LayerRole::Ports, "ports"},
                            {&opt.forces, layers::LayerRole::Forces, "forces"},
                            {&opt.territorial, layers::LayerRole::Territorial, "territorial_sea"},
                            {&opt.land, layers::LayerRole::Land, "neighbouring_land"}};
    for (const Input& in : wanted) {
        if (in.path->empty()) continue;
        std::string error;
        auto layer = layers::import_layer(*in.path, crs, in.role, in.name, problems, &error);
        if (!layer) {
            print_problems(std::cerr, problems, opt.all_problems ? 0 : 20);
            return fail(error);
        }
        ws.put(std::move(*layer));
    }
    if (!opt.fleet.empty()) {
        layers::FleetReadResult fleet = layers::read_fleet_csv(opt.fleet);
        if (!fleet.ok) return fail(fleet.error);
        problems.insert(problems.end(), fleet.problems.begin(), fleet.problems.end());
        layers::store_fleet(ws, fleet.vessels);
    }
    std::string error;
    if (!ws.save(&error, opt.workspace)) return fail(error);
    std::cout << "created " << opt.workspace << " (working CRS " << crs.name() << ", " << crs.definition() << ")\n";
    for (const auto& l : ws.layers)
        std::cout << "  " << l.name << ": " << l.features().size() << " feature(s)\n";
    print_problems(std::cerr, problems, opt.all_problems ? 0 : 20);
    return kOk;
}

struct AddOptions {
    std::string workspace, file, name, role = "generic";
};

int workspace_add(const AddOptions& opt) {
    auto role = layers::role_from_name(opt.role);
    if (!role) return fail("--role " + opt.role + ": unknown role; expected generic, coastline, ports, forces, territorial_sea or land");
    std::string error;
    auto ws = open_workspace(opt.workspace, &error);
    if (!ws) return fail(error);
    geo::Problems problems;
    const std::string name = opt.name.empty() ? std::filesystem::path(opt.file).stem().string() : opt.name;
    auto layer = layers::import_layer(opt.file, ws->crs(), *role, name, problems, &error);
    print_problems(std::cerr, problems);
    if (!layer) return fail(error);
    const std::size_t count = layer->features().size();
    ws->put(std::move(*layer));
    if (!ws->save(&error)) return fail(error);
    std::cout << "added layer " << name << " (" << count << " feature(s)) to " << opt.workspace << "\n";
    return kOk;
}

}  // namespace

void add_workspace_command(CLI::App& app, Context& ctx) {
    CLI::App* ws = app.add_subcommand("workspace", "Create and manage workspaces (one GeoPackage each)");
    ws->require_subcommand(1);
    auto opt = std::make_shared<NewOptions>();
    CLI::App* create = ws->add_subcommand("new", "Create a workspace from coastline, ports and police force files");
    create->add_option("workspace", opt->workspace, "The workspace file to create (.gpkg)")->required();
    create->add_option("--coast", opt->coast, "Coastline: lines or land polygons, any GDAL format")->required();
    create->add_option("--ports", opt->ports, "Ports, harbours, marinas: points");
    create->add_option("--forces", opt->forces, "Police force areas: polygons with code and name");
    create->add_option("--territorial", opt->territorial, "Territorial sea limit: polygons (optional)");
    create->add_option("--land", opt->land, "Neighbouring land drawn for context, not watched (optional)");
    create->add_option("--fleet", opt->fleet, "Fleet register CSV (data/fleet.csv), stored as table 'fleet' (optional)");
    create->add_option("--crs", opt->crs, "Working CRS (default EPSG:27700 around the UK, else local UTM)");
    create->add_flag("--overwrite", opt->overwrite, "Replace an existing workspace file");
    create->add_flag("--all-problems", opt->all_problems, "List every problem, not the first 20");
    create->callback([opt, &ctx] { ctx.exit_code = workspace_new(*opt); });

    auto add = std::make_shared<AddOptions>();
    CLI::App* add_cmd = ws->add_subcommand("add", "Add (or replace) a layer from any GDAL vector file");
    add_cmd->add_option("workspace", add->workspace, "The workspace (.gpkg)")->required();
    add_cmd->add_option("file", add->file, "The file (FILE or FILE:LAYER)")->required();
    add_cmd->add_option("--name", add->name, "Layer name in the workspace (default: the file name)");
    add_cmd->add_option("--role", add->role, "generic, coastline, ports, forces, territorial_sea or land")->default_val("generic");
    add_cmd->callback([add, &ctx] { ctx.exit_code = workspace_add(*add); });
}

}  // namespace tidemark::cli
