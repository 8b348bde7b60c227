// `tidemark forces sectors --coast FILE --sectors data/force_coast_sectors.csv -o forces.gpkg`:
// approximate coastal force sectors when the official ONS boundaries are not available.
#include "app/cli/commands.h"
#include "app/cli/problem_printer.h"
#include "geo/approximate_sectors.h"
#include "layers/io/import.h"
#include "layers/io/ogr_reader.h"
#include "layers/io/ogr_writer.h"

#include <iostream>

namespace tidemark::cli {
namespace {

struct SectorOptions {
    std::string coast, sectors, out, crs;
};

int build_sectors(const SectorOptions& opt) {
    std::string error;
    const auto working = layers::working_crs(opt.crs, opt.coast, &error);
    if (!working) return fail(error);
    const geo::Crs& crs = *working;
    geo::Problems problems;
    auto coast = layers::import_layer(opt.coast, crs, layers::LayerRole::Coastline, "coastline", problems, &error);
    if (!coast) return fail(error);
    std::vector<geo::Path> rings;
    for (const auto& f : coast->features())
        for (const auto& poly : f.geometry.polygons) rings.push_back(poly.outer);
    if (rings.empty()) return fail(opt.coast + ": the coastline for sectors must be land polygons");

    layers::ReadResult table = layers::read_vector(opt.sectors);
    if (!table.ok || table.layers.empty()) return fail(table.ok ? opt.sectors + ": empty" : table.error);
    const layers::Layer& rows = table.layers[0];
    for (const char* col : {"force_code", "force_name", "start_lat", "start_lon", "end_lat", "end_lon"})
        if (rows.field_index(col) < 0)
            return fail(opt.sectors + ": no column '" + col +
                        "'; expected force_code,force_name,start_lat,start_lon,end_lat,end_lon");
    geo::Transformer to_working(geo::Crs::wgs84(), crs);
    std::vector<geo::CoastStretch> stretches;
    for (std::size_t i = 0; i < rows.features().size(); ++i) {
        const auto& f = rows.features()[i];
        auto num = [&](const char* c) { return layers::to_number(rows.value(f, c)); };
        auto slat = num("start_lat"), slon = num("start_lon"), elat = num("end_lat"), elon = num("end_lon");
        if (!slat || !slon || !elat || !elon) {
            geo::Problem p;
            p.source = opt.sectors;
            p.line = static_cast<long>(i) + 2;  // 1-based, after the header
            p.reason = "start/end latitude and longitude must be numbers: row skipped";
            problems.push_back(p);
            continue;
        }
        stretches.push_back({layers::to_string(rows.value(f, "force_code")), layers::to_string(rows.value(f, "force_name")),
                             to_working.forward(geo::XY{*slon, *slat}), to_working.forward(geo::XY{*elon, *elat})});
    }
    std::vector<geo::Sector> sectors = geo::approximate_sectors(rings, stretches, problems);
    for (auto& p : problems)
        if (p.source.empty()) p.source = opt.sectors;

    layers::Layer out;
    out.name = "forces";
    out.role = layers::LayerRole::Forces;
    out.force_multi = true;
    out.fields = {{"code", layers::FieldType::String}, {"name", layers::FieldType::String},
                  {"boundary", layers::FieldType::String}, {"coast_km", layers::FieldType::Real}};
    for (const auto& s : sectors) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Polygon;
        f.geometry.polygons = s.polygons;
        f.values = {s.code, s.name + " (approximate)", std::string("approximate"), s.coast_length_m / 1000.0};
        out.features().push_back(std::move(f));
    }
    if (!layers::write_file_atomically(opt.out, "GPKG", [&](GDALDataset& ds, std::string* why) {
            return layers::write_layer(ds, out, crs, why);
        }, &error))
        return fail(error);
    std::cout << "wrote " << sectors.size() << " APPROXIMATE force sector(s) to " << opt.out
              << " (built from where force boundaries meet the coast; not official boundaries)\n";
    print_problems(std::cerr, problems);
    return kOk;
}

}  // namespace

void add_forces_command(CLI::App& app, Context& ctx) {
    CLI::App* forces = app.add_subcommand("forces", "Police force areas");
    forces->require_subcommand(1);
    auto opt = std::make_shared<SectorOptions>();
    CLI::App* sectors = forces->add_subcommand("sectors",
        "Build APPROXIMATE coastal force sectors from where force boundaries meet the coast");
    sectors->add_option("--coast", opt->coast, "Coastline land polygons")->required();
    sectors->add_option("--sectors", opt->sectors, "CSV: force_code,force_name,start_lat,start_lon,end_lat,end_lon")->required();
    sectors->add_option("-o,--out", opt->out, "Output GeoPackage")->required();
    sectors->add_option("--crs", opt->crs, "Working CRS, projected in metres (default: from the coast, EPSG:27700 around the UK)");
    sectors->callback([opt, &ctx] { ctx.exit_code = build_sectors(*opt); });
}

}  // namespace tidemark::cli
