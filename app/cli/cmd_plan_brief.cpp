// `tidemark plan brief WS --plan P --agency A -o brief.pdf`: the briefing pack for one agency,
// or, without --agency, one PDF per agency that leads coast or has tasks, into the folder -o.
#include "app/cli/plan_commands.h"
#include "app/cli/workspace_option.h"
#include "app/render/plan_brief.h"

#include <filesystem>
#include <iostream>

namespace tidemark::cli {
namespace {

using namespace layers::plan;

struct BriefOptions {
    std::string workspace, plan, agency, output, marking = "OFFICIAL-SENSITIVE";
    bool forecast = true;
};

bool involved(const PlanBook& book, const Plan& p, const std::string& code) {
    if (std::find(p.lead.begin(), p.lead.end(), code) != p.lead.end()) return true;
    for (const Task* t : book.tasks_of(p.name))
        if (t->agency == code) return true;
    return false;
}

std::string file_name(const Agency& a) {
    std::string s;
    for (char c : a.name) s += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return "brief_" + a.code + "_" + s + ".pdf";
}

int run_brief(const BriefOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    std::vector<const Agency*> agencies;
    if (!opt.agency.empty()) {
        const Agency* a = s->book.find_agency(opt.agency);
        if (!a) return fail("--agency '" + opt.agency + "' is not a known agency (see `tidemark plan agency list`)");
        agencies.push_back(a);
    } else {
        for (const Agency& a : s->book.agencies)
            if (involved(s->book, *p, a.code)) agencies.push_back(&a);
        std::error_code ec;
        std::filesystem::create_directories(opt.output, ec);
        if (ec) return fail(opt.output + ": cannot create the folder for the briefs: " + ec.message());
    }
    std::optional<Forecast> forecast;
    if (opt.forecast) forecast = forecast_plan(s->ws, s->book, *p);
    render::BriefOptions bo;
    bo.marking = opt.marking;
    for (const Agency* a : agencies) {
        const std::string path = opt.agency.empty() ? (std::filesystem::path(opt.output) / file_name(*a)).string() : opt.output;
        if (!render::write_plan_brief(s->ws, s->book, *p, a->code, forecast ? &*forecast : nullptr, bo, path, &error))
            return fail(path + ": " + error);
        std::cout << "wrote " << path << " (" << agency_label(s->book, a->code) << ")\n";
    }
    return kOk;
}

}  // namespace

void add_plan_brief_command(CLI::App& plan, Context& ctx) {
    auto opt = std::make_shared<BriefOptions>();
    CLI::App* cmd = plan.add_subcommand("brief", "Briefing pack (PDF) for an agency: its coast, tasks, objectives, gaps, reports, forecast");
    cmd->add_option("workspace", opt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", opt->plan, "Plan name")->required();
    cmd->add_option("--agency", opt->agency, "Agency code or name; without it, one PDF per agency into the folder -o");
    cmd->add_option("-o,--output", opt->output, "The PDF (with --agency) or a folder")->required();
    cmd->add_option("--marking", opt->marking, "Protective marking printed top and bottom")->capture_default_str();
    cmd->add_flag("!--no-forecast", opt->forecast, "Leave the forecast section out (faster)");
    cmd->callback([opt, &ctx] { ctx.exit_code = run_brief(*opt); });
}

}  // namespace tidemark::cli
