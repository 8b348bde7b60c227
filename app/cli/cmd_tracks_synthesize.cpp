// `tidemark tracks synthesize --fleet F --ports P --from ISO --to ISO [--seed N] [--coast LAND] -o DIR`
#include "app/cli/problem_printer.h"
#include "app/cli/tracks_commands.h"
#include "layers/ogr_reader.h"
#include "layers/synthetic_patrols.h"

#include <iostream>

namespace tidemark::cli {
namespace {

struct SynthOptions {
    std::string fleet, ports, from, to, coast, out_dir;
    unsigned seed = 42;
};

int synthesize(const SynthOptions& opt) {
    layers::FleetReadResult fleet = layers::read_fleet_csv(opt.fleet);
    if (!fleet.ok) return fail(fleet.error);
    layers::PortsReadResult ports = layers::read_ports_csv(opt.ports);
    if (!ports.ok) return fail(ports.error);
    layers::SynthesisOptions o;
    auto from = geo::parse_iso8601(opt.from), to = geo::parse_iso8601(opt.to);
    if (!from) return fail("--from '" + opt.from + "' is not an ISO 8601 time (e.g. 2026-03-01T00:00:00Z)");
    if (!to) return fail("--to '" + opt.to + "' is not an ISO 8601 time (e.g. 2026-03-08T00:00:00Z)");
    o.from = *from;
    o.to = *to;
    o.seed = opt.seed;
    if (!opt.coast.empty()) {
        layers::ReadOptions ro;
        ro.working_crs = geo::Crs::british_national_grid();
        ro.validate_polygons = false;
        layers::ReadResult land = layers::read_vector(opt.coast, ro);
        if (!land.ok) return fail(land.error);
        for (const auto& l : land.layers)
            for (const auto& f : l.features)
                for (const auto& p : f.geometry.polygons) o.land_bng.push_back(p);
        if (o.land_bng.empty()) return fail(opt.coast + ": no land polygons found; --coast needs polygons of land");
    } else {
        std::cerr << "note: no --coast given: patrol boxes are not checked against land\n";
    }
    layers::SynthesisResult r = layers::synthesize_patrols(fleet.vessels, ports.ports, o, opt.out_dir);
    if (!r.ok) return fail(r.error);
    std::cout << "SYNTHETIC demo patrols (seed " << opt.seed << "): " << r.files.size() << " AIS log(s), " << r.sentences
              << " sentences in " << opt.out_dir << "\n";
    for (const auto& f : r.files) std::cout << "  " << f << "\n";
    geo::Problems all = fleet.problems;
    all.insert(all.end(), ports.problems.begin(), ports.problems.end());
    all.insert(all.end(), r.problems.begin(), r.problems.end());
    print_problems(std::cerr, all);
    return kOk;
}

}  // namespace

void add_tracks_synthesize_command(CLI::App& tracks, Context& ctx) {
    auto opt = std::make_shared<SynthOptions>();
    CLI::App* cmd = tracks.add_subcommand(
        "synthesize", "Write SYNTHETIC demo patrols (one AIS NMEA log per vessel, tag-blocked) for the fleet register");
    cmd->add_option("--fleet", opt->fleet, "Fleet register CSV (data/fleet.csv)")->required();
    cmd->add_option("--ports", opt->ports, "Ports CSV with name,kind,lat,lon (data/ports.csv)")->required();
    cmd->add_option("--from", opt->from, "Start of the window, ISO 8601 UTC")->required();
    cmd->add_option("--to", opt->to, "End of the window, ISO 8601 UTC")->required();
    cmd->add_option("--seed", opt->seed, "Random seed: the same seed gives the same files")->capture_default_str();
    cmd->add_option("--coast", opt->coast, "Land polygons (any GDAL source) to keep patrols at sea");
    cmd->add_option("-o,--out", opt->out_dir, "Folder for synthetic_*.nmea")->required();
    cmd->callback([opt, &ctx] { ctx.exit_code = synthesize(*opt); });
}

}  // namespace tidemark::cli
