// `tidemark plan check` and `tidemark plan forecast`.
#include "app/cli/plan_commands.h"
#include "app/cli/problem_printer.h"
#include "geo/duration.h"
#include "layers/plan/plan_check.h"
#include "layers/plan/plan_forecast.h"

#include <cstdio>
#include <iostream>

namespace tidemark::cli {
namespace {

using namespace layers::plan;

struct CheckOptions {
    std::string workspace, plan;
    std::size_t limit = 40;
    bool strict = false;
};

int run_check(const CheckOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    const PlanCoast& coast = s->coast(p->segment_m);
    const LastGaps last = last_period_gaps(s->ws, coast);
    const PlanCheck c = check_plan(s->book, *p, coast, s->fleet, last, s->ws.path());
    char head[256];
    std::snprintf(head, sizeof head, "plan '%s': %zu tasks; lead agencies own %.3f of %.3f km of coast; %.1f km below objective\n",
                  p->name.c_str(), s->book.tasks_of(p->name).size(), c.lead_m / 1000, c.coast_m / 1000, c.objective_unmet_m / 1000);
    std::cout << head;
    // Errors first, then warnings, then notes: the first lines are the ones to act on.
    geo::Problems ordered;
    for (auto sev : {geo::Problem::Severity::Error, geo::Problem::Severity::Warning, geo::Problem::Severity::Info})
        for (const auto& pr : c.problems)
            if (pr.severity == sev) ordered.push_back(pr);
    print_problems(std::cout, ordered, opt.limit, "--limit 0");
    std::cout << c.errors << " error(s), " << c.warnings << " warning(s)\n";
    // Findings are the answer, not a failure of the command; --strict makes errors fail (for scripts).
    return opt.strict && c.errors > 0 ? kBadInput : kOk;
}

struct ForecastOptions {
    std::string workspace, plan;
    bool store = true, quiet = false;
};

std::string pct_row(const ObjectiveRow& r) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "  %-44s %8.1f km %8.1f km %6.1f %%", (r.name + (r.code.empty() || r.code == r.name ? "" : " (" + r.code + ")")).c_str(),
                  r.coast_m / 1000, r.met_m / 1000, r.pct());
    return buf;
}

int run_forecast(const ForecastOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    layers::plan::ForecastOptions fo;
    if (!opt.quiet)
        fo.progress = [](double f) { std::cerr << "\rforecast: " << static_cast<int>(f * 100) << " %" << std::flush; };
    const Forecast fc = forecast_plan(s->ws, s->book, *p, fo);
    if (!opt.quiet) std::cerr << "\n";
    if (!fc.run.ok) return fail(s->ws.path() + ": " + fc.run.error);
    print_problems(std::cerr, fc.problems);
    std::cout << "forecast of plan '" << p->name << "' (" << geo::format_iso8601(p->from) << " to " << geo::format_iso8601(p->to)
              << "): " << fc.routed.size() << " routed task(s) sailed, " << fc.run.fixes << " planned fixes, "
              << fc.run.segments << " segments, " << fc.run.gaps.gaps.size() << " gap(s) would remain\n";
    for (const auto& n : fc.not_forecast) std::cout << "  not forecast: " << n << "\n";
    std::cout << "objectives met (forecast max gap within each segment's target, or risk accepted):\n"
              << "  by lead agency                                  coast        met\n";
    for (const auto& r : fc.by_agency) std::cout << pct_row(r) << "\n";
    std::cout << "  by police force area\n";
    for (const auto& r : fc.by_force) std::cout << pct_row(r) << "\n";
    char took[64];
    std::snprintf(took, sizeof took, "forecast took %.2f s\n", fc.seconds);
    std::cout << took;
    if (!opt.store) return kOk;
    store_forecast(s->ws, fc);
    if (!s->ws.save(&error)) return fail(error);
    std::cout << "stored layers " << kForecastSegmentsLayer << ", " << kForecastGapsLayer << ", " << kForecastSummaryLayer << "\n";
    return kOk;
}

}  // namespace

void add_plan_check_commands(CLI::App& plan, Context& ctx) {
    auto copt = std::make_shared<CheckOptions>();
    CLI::App* cmd = plan.add_subcommand("check", "What is wrong with a plan: ownership, objectives, gaps, assets, responsibility");
    cmd->add_option("workspace", copt->workspace, "The workspace (.gpkg)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--plan", copt->plan, "Plan name")->required();
    cmd->add_option("--limit", copt->limit, "Findings to print in full (0: all)")->capture_default_str();
    cmd->add_flag("--strict", copt->strict, "Exit 1 when there are errors");
    cmd->callback([copt, &ctx] { ctx.exit_code = run_check(*copt); });

    auto fopt = std::make_shared<ForecastOptions>();
    cmd = plan.add_subcommand("forecast", "Sail the plan's routed tasks through the coverage engine and judge the objectives");
    cmd->add_option("workspace", fopt->workspace, "The workspace (.gpkg)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--plan", fopt->plan, "Plan name")->required();
    cmd->add_flag("!--no-store", fopt->store, "Print only; do not store the forecast layers");
    cmd->add_flag("--quiet,-q", fopt->quiet, "No progress on stderr");
    cmd->callback([fopt, &ctx] { ctx.exit_code = run_forecast(*fopt); });
}

}  // namespace tidemark::cli
