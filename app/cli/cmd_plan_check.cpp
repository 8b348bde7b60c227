// `tidemark plan check`, `plan forecast` and `plan reconcile`: a plan judged before, by the
// engine, and after, against the tracks.
#include "app/cli/plan_commands.h"
#include "app/cli/workspace_option.h"
#include "app/cli/damage_check.h"
#include "app/cli/open_workspace.h"
#include "app/cli/problem_printer.h"
#include "geo/duration.h"
#include "layers/plan/plan_check.h"
#include "layers/plan/plan_findings.h"
#include "layers/plan/plan_forecast.h"
#include "layers/plan/plan_reconcile.h"
#include "layers/plan/plan_store.h"
#include "layers/store_location.h"

#include <cstdio>
#include <iostream>

namespace tidemark::cli {
namespace {

using namespace layers::plan;

struct CheckOptions {
    std::string workspace, plan, as_of;
    std::size_t limit = 40;
    bool strict = false, store = false;
};

int run_check(const CheckOptions& opt) {
    std::string error;
    if (!opt.as_of.empty() && opt.store)
        return fail("--store with --as-of: a check of the workspace as it was known then is reported, not stored");
    auto s = PlanSession::open(opt.workspace, &error, opt.as_of);
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
    if (opt.store) {
        store_findings(s->ws, p->name, c, coast);
        if (!s->ws.save(&error)) return fail(error);
        std::cout << "stored layer " << kFindingsLayer << " (" << c.problems.size() << " findings)\n";
    }
    // Findings are the answer, not a failure of the command; --strict makes errors fail (for scripts).
    return opt.strict && c.errors > 0 ? kBadInput : kOk;
}

struct ForecastOptions {
    std::string workspace, plan;
    bool store = true, quiet = false, skip_damaged = false;
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
    layers::WorkspaceDamage damage;
    if (!check_damage(s->ws, opt.skip_damaged, "plan forecast", damage, &error)) return fail(error);
    const Forecast fc = [&] {
        layers::DamageHidden hidden(s->ws, damage);  // back before the forecast layers are saved
        return forecast_plan(s->ws, s->book, *p, fo);
    }();
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

struct ReconcileCliOptions {
    std::string workspace, plan, as_of;
    double threshold_pct = 90;
    bool apply = false, store = true, skip_damaged = false;
};

std::string compliance_row(const ComplianceRow& r) {
    char buf[320];
    std::snprintf(buf, sizeof buf, "  %-44s %5d %5d %5d %5d %5d  %9.0f %9.0f  %6.1f %%", r.name.substr(0, 44).c_str(), r.tasks, r.done,
                  r.partly, r.missed, r.unjudged, r.planned_segment_h, r.achieved_segment_h, r.compliance_pct());
    return buf;
}

int run_reconcile(const ReconcileCliOptions& opt) {
    std::string error;
    // On a team workspace --as-of also reads the workspace as it was known then (tracks that
    // arrived later, task edits made later left out), so Monday's reconciliation is reproduced
    // exactly; that is reported, not stored. A GeoPackage keeps no history: there it only
    // limits the fixes by their own time.
    const bool in_past = !opt.as_of.empty() && layers::is_server_location(opt.workspace);
    if (in_past && opt.apply)
        return fail("--apply with --as-of on a team workspace: the workspace as it was known then cannot be changed");
    auto s = PlanSession::open(opt.workspace, &error, in_past ? opt.as_of : std::string());
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    ReconcileOptions ro;
    ro.done_threshold = opt.threshold_pct / 100;
    if (!(ro.done_threshold > 0 && ro.done_threshold <= 1)) return fail("--threshold must be a percentage above 0 and at most 100");
    if (!opt.as_of.empty()) {
        ro.as_of = parse_time_option("--as-of", opt.as_of, &error);
        if (!ro.as_of) return fail(error);
    }
    const PlanCoast& coast = s->coast(p->segment_m);
    layers::WorkspaceDamage damage;
    if (!check_damage(s->ws, opt.skip_damaged, "plan reconcile", damage, &error)) return fail(error);
    const Reconciliation r = [&] {
        layers::DamageHidden hidden(s->ws, damage);  // back before anything is saved
        return reconcile_plan(s->ws, s->book, *p, coast, ro);
    }();
    std::cout << "plan '" << p->name << "' reconciled with " << r.fixes << " fixes"
              << (ro.as_of ? " known at " + geo::format_iso8601(*ro.as_of) : std::string()) << "\n";
    std::cout << "task\tagency\tasset\tplanned\tearned\town %\tagency %\tfirst seen\tlast seen\tnote\n";
    for (const TaskOutcome& o : r.tasks) {
        const Task* t = s->book.find_task(o.task);
        char pct[64];
        std::snprintf(pct, sizeof pct, "%.1f\t%.1f", 100 * o.own_fraction, 100 * o.agency_fraction);
        std::cout << o.task << "\t" << t->agency << "\t" << (t->asset.empty() ? "-" : t->asset) << "\t" << status_name(t->status)
                  << "\t" << (o.earned ? status_name(*o.earned) : "-") << "\t" << pct << "\t"
                  << (o.first_seen ? geo::format_iso8601(*o.first_seen) : "-") << "\t"
                  << (o.last_seen ? geo::format_iso8601(*o.last_seen) : "-") << "\t" << o.note << "\n";
    }
    char head[200];
    std::snprintf(head, sizeof head, "  %-44s %5s %5s %5s %5s %5s  %9s %9s  %8s\n", "", "tasks", "done", "partly", "missed",
                  "unjudged", "planned", "achieved", "compliance");
    std::cout << "by agency (segment-hours planned and achieved)\n" << head;
    for (const auto& row : r.by_agency) std::cout << compliance_row(row) << "\n";
    std::cout << "by police force area (a task counts in each force its stretch touches, with the segment-hours there)\n";
    for (const auto& row : r.by_force) std::cout << compliance_row(row) << "\n";
    char unplanned[160];
    std::snprintf(unplanned, sizeof unplanned, "observed %.1f km of coast in the plan period; %.1f km of it no task asked for\n",
                  r.observed_m / 1000, r.unplanned_m / 1000);
    std::cout << unplanned << "(compliance: done / judged tasks; columns: tasks, done, partly done, missed, not judged)\n";
    if ((!opt.store && !opt.apply) || in_past) return kOk;
    if (opt.apply) {
        int changed = 0;
        if (auto e = apply_earned_statuses(s->book, s->context(p->segment_m), r, &changed); !e.empty()) return fail(e);
        layers::plan::store_plan_book(s->ws, s->book);
        std::cout << changed << " task status(es) set from the tracks\n";
    }
    if (opt.store) store_reconciliation(s->ws, s->book, coast, r);
    if (!s->ws.save(&error)) return fail(error);
    if (opt.store) std::cout << "stored layer " << kReconciliationLayer << "\n";
    return kOk;
}

}  // namespace

void add_plan_check_commands(CLI::App& plan, Context& ctx) {
    auto copt = std::make_shared<CheckOptions>();
    CLI::App* cmd = plan.add_subcommand("check", "What is wrong with a plan: ownership, objectives, gaps, assets, responsibility");
    cmd->add_option("workspace", copt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", copt->plan, "Plan name")->required();
    cmd->add_option("--limit", copt->limit, "Findings to print in full (0: all)")->capture_default_str();
    cmd->add_flag("--strict", copt->strict, "Exit 1 when there are errors");
    cmd->add_flag("--store", copt->store, "Also store the findings as layer plan_findings (lines on the coast, for maps and exports)");
    cmd->add_option("--as-of", copt->as_of, std::string(kAsOfHelp) + "; reported, not stored");
    cmd->callback([copt, &ctx] { ctx.exit_code = run_check(*copt); });

    auto fopt = std::make_shared<ForecastOptions>();
    cmd = plan.add_subcommand("forecast", "Sail the plan's routed tasks through the coverage engine and judge the objectives");
    cmd->add_option("workspace", fopt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", fopt->plan, "Plan name")->required();
    cmd->add_flag("!--no-store", fopt->store, "Print only; do not store the forecast layers");
    cmd->add_flag("--quiet,-q", fopt->quiet, "No progress on stderr");
    add_skip_damaged_flag(*cmd, fopt->skip_damaged);
    cmd->callback([fopt, &ctx] { ctx.exit_code = run_forecast(*fopt); });

    auto ropt = std::make_shared<ReconcileCliOptions>();
    cmd = plan.add_subcommand("reconcile", "Planned vs actual: what each task achieved according to the tracks");
    cmd->add_option("workspace", ropt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", ropt->plan, "Plan name")->required();
    cmd->add_option("--as-of", ropt->as_of,
                    "Use only the fixes known at this time (ISO 8601); on a team workspace also read it as it was known "
                    "then (later tracks and edits left out), reported, not stored");
    cmd->add_option("--threshold", ropt->threshold_pct, "Percent of a stretch observed for done")->capture_default_str();
    cmd->add_flag("--apply", ropt->apply, "Set accepted tasks' statuses to the ones they earned");
    cmd->add_flag("!--no-store", ropt->store, "Do not store the plan_reconciliation layer");
    add_skip_damaged_flag(*cmd, ropt->skip_damaged);
    cmd->callback([ropt, &ctx] { ctx.exit_code = run_reconcile(*ropt); });
}

}  // namespace tidemark::cli
