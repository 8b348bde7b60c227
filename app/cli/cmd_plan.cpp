// `tidemark plan ...`: joint plans. This file registers the subcommands and holds the plan,
// agency, responsibility and objective commands; tasks are in cmd_plan_task.cpp, checks and
// forecasts in cmd_plan_check.cpp, briefing packs in cmd_plan_brief.cpp.
#include "app/cli/commands.h"
#include "app/cli/workspace_option.h"
#include "app/cli/plan_commands.h"
#include "app/cli/plan_session.h"
#include "geo/duration.h"
#include "layers/io/import.h"
#include "layers/plan/plan_objectives.h"

#include <cstdio>
#include <iostream>

namespace tidemark::cli {

using namespace layers::plan;

std::optional<geo::UnixTime> parse_time_option(const std::string& option, const std::string& text, std::string* error) {
    auto t = geo::parse_iso8601(text);
    if (!t) *error = option + " '" + text + "' is not an ISO 8601 time (e.g. 2026-03-02T00:00:00Z)";
    return t;
}

std::optional<std::vector<Stretch>> parse_stretches(const std::vector<std::string>& texts, std::string* error) {
    std::vector<Stretch> out;
    for (const auto& t : texts) {
        auto s = parse_stretch(t);
        if (!s) {
            *error = "--segments '" + t + "' is not a segment run; expected FROM-TO (e.g. 120-134) or one id";
            return std::nullopt;
        }
        out.push_back(*s);
    }
    return out;
}

std::optional<double> parse_duration_option(const std::string& option, const std::string& text, std::string* error) {
    auto d = geo::parse_duration(text);
    if (!d || *d <= 0) *error = option + " '" + text + "' is not a duration (e.g. 24h, 12 h, 90min, 1d)";
    return d && *d > 0 ? d : std::nullopt;
}

int finish_edit(PlanSession& s, const EditError& e, const std::string& done) {
    if (!e.empty()) return fail(s.ws.path() + ": " + e + "; nothing was changed");
    std::string error;
    if (!s.save(&error)) return fail(error);
    std::cout << done << "\n";
    return kOk;
}

namespace {

// Every run of coast segments whose midpoint lies in the polygons of `path`.
std::optional<std::vector<Stretch>> stretches_in_area(const std::string& path, PlanSession& s, const PlanCoast& coast,
                                                      std::string* error) {
    geo::Problems problems;
    auto layer = layers::import_layer(path, s.ws.crs(), layers::LayerRole::Generic, "area", problems, error);
    if (!layer) return std::nullopt;
    std::vector<geo::Polygon> polygons;
    for (const auto& f : layer->features()) polygons.insert(polygons.end(), f.geometry.polygons.begin(), f.geometry.polygons.end());
    if (polygons.empty()) {
        *error = "--area " + path + ": no polygons; expected a polygon layer";
        return std::nullopt;
    }
    return coast.runs(coast.inside(polygons));
}

struct NewOptions {
    std::string workspace, name, from, to, revisit = "24h";
    double segment_m = 0;
};

int run_new(const NewOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    NewPlan np;
    np.name = opt.name;
    auto from = parse_time_option("--from", opt.from, &error);
    auto to = from ? parse_time_option("--to", opt.to, &error) : std::nullopt;
    auto revisit = to ? parse_duration_option("--revisit", opt.revisit, &error) : std::nullopt;
    if (!revisit) return fail(error);
    np.from = *from;
    np.to = *to;
    np.revisit_s = *revisit;
    // The coverage run's segment length by default, so last period's gaps line up with the plan.
    np.segment_m = opt.segment_m > 0 ? opt.segment_m : s->ws.settings.value("/coverage/segment_m"_json_pointer, 1000.0);
    if (np.segment_m < geo::kMinSegmentLengthM || np.segment_m > geo::kMaxSegmentLengthM)
        return fail("--segment-m must be between 100 and 10000 m");
    const EditContext ctx = s->context(np.segment_m);
    const EditError e = new_plan(s->book, ctx, np);
    const Plan* p = s->book.find_plan(opt.name);
    return finish_edit(*s, e,
                       p ? "plan '" + p->name + "': " + geo::format_iso8601(p->from) + " to " + geo::format_iso8601(p->to) + ", " +
                               std::to_string(p->segment_count) + " segments of " + std::to_string(static_cast<int>(p->segment_m)) +
                               " m; each police force leads its coast, Border Force supports everywhere"
                         : "");
}

int run_list(const std::string& workspace) {
    std::string error;
    auto s = PlanSession::open(workspace, &error);
    if (!s) return fail(error);
    if (s->book.plans.empty()) std::cout << "no plans; create one with `tidemark plan new`\n";
    for (const Plan& p : s->book.plans)
        std::cout << p.name << "\t" << geo::format_iso8601(p.from) << " to " << geo::format_iso8601(p.to) << "\t"
                  << s->book.tasks_of(p.name).size() << " tasks\trevisit " << geo::format_duration(p.revisit_s) << "\n";
    return kOk;
}

struct AgencyOptions {
    std::string workspace, code, name, kind = "other", colour;
};

int run_agency_add(const AgencyOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    auto kind = agency_kind_from_name(opt.kind);
    if (!kind) return fail("--kind '" + opt.kind + "': expected border_force, police, coastguard, nca or other");
    return finish_edit(*s, add_agency(s->book, {opt.code, opt.name, *kind, opt.colour, 1}), "added agency " + opt.code);
}

int run_agency_list(const std::string& workspace) {
    std::string error;
    auto s = PlanSession::open(workspace, &error);
    if (!s) return fail(error);
    if (s->book.agencies.empty()) {
        // Show what a new plan would seed, without writing anything.
        seed_agencies(s->book, s->coast(1000));
        std::cout << "(no agencies stored yet; `plan new` adds these)\n";
    }
    for (const Agency& a : s->book.agencies)
        std::cout << a.code << "\t" << a.name << "\t" << kind_name(a.kind) << "\t" << a.colour << "\n";
    return kOk;
}

struct AssignOptions {
    std::string workspace, plan, lead, area;
    bool lead_given = false;
    std::vector<std::string> segments, support, no_support;
};

int run_assign(const AssignOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    const EditContext ctx = s->context(p->segment_m);
    Assignment a;
    auto stretches = parse_stretches(opt.segments, &error);
    if (!stretches) return fail(error);
    a.stretches = *stretches;
    if (!opt.area.empty()) {
        auto more = stretches_in_area(opt.area, *s, *ctx.coast, &error);
        if (!more) return fail(error);
        a.stretches.insert(a.stretches.end(), more->begin(), more->end());
    }
    if (opt.lead_given) a.lead = opt.lead;
    a.add_support = opt.support;
    a.remove_support = opt.no_support;
    double km = 0;
    for (const Stretch& st : a.stretches) km += ctx.coast->length_of(st) / 1000;
    char done[160];
    std::snprintf(done, sizeof done, "assigned %zu stretch(es), %.1f km of coast, in plan '%s'", a.stretches.size(), km,
                  p->name.c_str());
    const std::string plan_name = p->name;
    return finish_edit(*s, assign(s->book, ctx, plan_name, a), done);
}

struct ObjectiveOptions {
    std::string workspace, plan, revisit, reason, risk_accepted, area;
    std::vector<std::string> segments;
};

int run_objective_add(const ObjectiveOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    auto stretches = parse_stretches(opt.segments, &error);
    if (!stretches) return fail(error);
    if (!opt.area.empty()) {
        auto more = stretches_in_area(opt.area, *s, s->coast(p->segment_m), &error);
        if (!more) return fail(error);
        stretches->insert(stretches->end(), more->begin(), more->end());
    }
    if (stretches->empty()) return fail("no stretch: give --segments FROM-TO or an --area over the coast");
    Objective o;
    if (!opt.revisit.empty()) {
        auto r = parse_duration_option("--revisit", opt.revisit, &error);
        if (!r) return fail(error);
        o.revisit_s = *r;
    }
    o.reason = opt.reason;
    o.risk_accepted = opt.risk_accepted;
    const std::string plan_name = p->name;
    const EditContext ctx = s->context(p->segment_m);
    EditError e;
    for (const Stretch& st : *stretches) {
        o.stretch = st;
        if (e = set_objective(s->book, ctx, plan_name, o); !e.empty()) break;
    }
    return finish_edit(*s, e, "objective set on " + std::to_string(stretches->size()) + " stretch(es)");
}

struct SuggestOptions {
    std::string workspace, plan;
    bool apply = false;
    std::size_t top = 20;
};

int run_objectives_suggest(const SuggestOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    const PlanCoast& coast = s->coast(p->segment_m);
    const LastGaps last = last_period_gaps(s->ws, coast);
    if (!last.ok) return fail(s->ws.path() + ": " + last.why);
    auto suggestions = suggest_objectives(*p, coast, last);
    std::cout << suggestions.size() << " stretch(es) where last period's gap risk suggests a tighter revisit target than "
              << geo::format_duration(p->revisit_s) << ":\n";
    for (std::size_t i = 0; i < suggestions.size() && i < opt.top; ++i) {
        const Objective& o = suggestions[i].objective;
        std::cout << "  segments " << format_stretch(o.stretch) << "\t" << geo::format_duration(o.revisit_s) << "\t" << o.reason << "\n";
    }
    if (suggestions.size() > opt.top) std::cout << "  ... and " << suggestions.size() - opt.top << " more (--top N)\n";
    if (!opt.apply) {
        if (!suggestions.empty()) std::cout << "nothing changed; add --apply to set these objectives\n";
        return kOk;
    }
    const std::string plan_name = p->name;
    const EditContext ctx = s->context(p->segment_m);
    EditError e;
    for (const auto& sug : suggestions)
        if (e = set_objective(s->book, ctx, plan_name, sug.objective); !e.empty()) break;
    return finish_edit(*s, e, "set " + std::to_string(suggestions.size()) + " objective(s)");
}

}  // namespace

void add_plan_command(CLI::App& app, Context& ctx) {
    CLI::App* plan = app.add_subcommand("plan", "Joint plans: agencies, responsibility, objectives, tasks, checks, forecasts, suggested patrols, briefs");
    plan->require_subcommand(1);

    auto nopt = std::make_shared<NewOptions>();
    CLI::App* cmd = plan->add_subcommand("new", "A new plan for a period: each police force leads its coast, Border Force supports");
    cmd->add_option("workspace", nopt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--name", nopt->name, "Plan name (unique in the workspace)")->required();
    cmd->add_option("--from", nopt->from, "Period start, ISO 8601")->required();
    cmd->add_option("--to", nopt->to, "Period end, ISO 8601")->required();
    cmd->add_option("--revisit", nopt->revisit, "Default revisit objective (e.g. 24h)")->capture_default_str();
    cmd->add_option("--segment-m", nopt->segment_m, "Segment length (default: the coverage run's, else 1000 m)");
    cmd->callback([nopt, &ctx] { ctx.exit_code = run_new(*nopt); });

    auto lws = std::make_shared<std::string>();
    cmd = plan->add_subcommand("list", "The plans in a workspace");
    cmd->add_option("workspace", *lws, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->callback([lws, &ctx] { ctx.exit_code = run_list(*lws); });

    CLI::App* agency = plan->add_subcommand("agency", "Agencies taking part in plans");
    agency->require_subcommand(1);
    auto aopt = std::make_shared<AgencyOptions>();
    cmd = agency->add_subcommand("add", "Add an agency");
    cmd->add_option("workspace", aopt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("code", aopt->code, "Short code, one word (e.g. HMCG)")->required();
    cmd->add_option("name", aopt->name, "Name (e.g. \"HM Coastguard\")")->required();
    cmd->add_option("--kind", aopt->kind, "border_force | police | coastguard | nca | other")->capture_default_str();
    cmd->add_option("--colour", aopt->colour, "Colour on maps, #rrggbb (default: a distinct one)");
    cmd->callback([aopt, &ctx] { ctx.exit_code = run_agency_add(*aopt); });
    auto alws = std::make_shared<std::string>();
    cmd = agency->add_subcommand("list", "List the agencies");
    cmd->add_option("workspace", *alws, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->callback([alws, &ctx] { ctx.exit_code = run_agency_list(*alws); });

    auto sopt = std::make_shared<AssignOptions>();
    cmd = plan->add_subcommand("assign", "Set the lead and supporting agencies of stretches of coast");
    cmd->add_option("workspace", sopt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", sopt->plan, "Plan name")->required();
    cmd->add_option("--segments", sopt->segments, "Segment runs FROM-TO (repeatable)");
    cmd->add_option("--area", sopt->area, "A polygon file: the segments whose midpoint lies inside");
    cmd->add_option("--lead,--agency", sopt->lead, "Lead agency code or name (\"\" clears)")->each([sopt](const std::string&) {
        sopt->lead_given = true;
    });
    cmd->add_option("--support", sopt->support, "Add a supporting agency (repeatable)");
    cmd->add_option("--no-support", sopt->no_support, "Remove a supporting agency (repeatable)");
    cmd->callback([sopt, &ctx] { ctx.exit_code = run_assign(*sopt); });

    CLI::App* objective = plan->add_subcommand("objective", "Revisit objectives on stretches");
    objective->require_subcommand(1);
    auto oopt = std::make_shared<ObjectiveOptions>();
    cmd = objective->add_subcommand("add", "Set a revisit target, or accept the risk, on stretches");
    cmd->add_option("workspace", oopt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", oopt->plan, "Plan name")->required();
    cmd->add_option("--segments", oopt->segments, "Segment runs FROM-TO (repeatable)");
    cmd->add_option("--area", oopt->area, "A polygon file: every stretch whose segment midpoints lie inside");
    cmd->add_option("--revisit", oopt->revisit, "Revisit target (e.g. 12h)");
    cmd->add_option("--reason", oopt->reason, "Why this target");
    cmd->add_option("--risk-accepted", oopt->risk_accepted, "Accept leaving it uncovered, with this note");
    cmd->callback([oopt, &ctx] { ctx.exit_code = run_objective_add(*oopt); });

    CLI::App* objectives = plan->add_subcommand("objectives", "Objective suggestions");
    objectives->require_subcommand(1);
    auto gopt = std::make_shared<SuggestOptions>();
    cmd = objectives->add_subcommand("suggest", "Tighter revisit targets where last period's gap risk says so");
    cmd->add_option("workspace", gopt->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", gopt->plan, "Plan name")->required();
    cmd->add_option("--top", gopt->top, "How many to print")->capture_default_str();
    cmd->add_flag("--apply", gopt->apply, "Set the suggested objectives in the plan");
    cmd->callback([gopt, &ctx] { ctx.exit_code = run_objectives_suggest(*gopt); });

    add_plan_task_commands(*plan, ctx);
    add_plan_check_commands(*plan, ctx);
    add_plan_brief_command(*plan, ctx);
    add_plan_suggest_command(*plan, ctx);
}

}  // namespace tidemark::cli
