// `tidemark plan task add|edit|status|list`: the tasks of a plan.
#include "app/cli/plan_commands.h"
#include "app/cli/workspace_option.h"
#include "geo/duration.h"
#include "layers/io/csv_text.h"
#include "layers/io/import.h"
#include "layers/plan/plan_route.h"
#include "layers/plan/plan_store.h"
#include "layers/workspace_places.h"
#include "layers/tracks/planned_patrol.h"

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace tidemark::cli {
namespace {

using namespace layers::plan;

struct TaskOptions {
    std::string workspace, plan, agency, asset, kind, segments, area, from, to, route, notes, status;
    bool sea_route = false;
    std::vector<std::string> reports;
    double speed_kn = -1;
    std::int64_t id = 0, version = 0;
};

// The longest run of coast segments whose midpoints lie in the polygons of `path` (a task
// follows one stretch; the other runs inside are named so the planner can add them).
std::optional<Stretch> longest_run_in_area(const std::string& path, PlanSession& s, const Plan& p, std::string* error) {
    geo::Problems problems;
    auto layer = layers::import_layer(path, s.ws.crs(), layers::LayerRole::Generic, "area", problems, error);
    if (!layer) return std::nullopt;
    std::vector<geo::Polygon> polygons;
    for (const auto& f : layer->features()) polygons.insert(polygons.end(), f.geometry.polygons.begin(), f.geometry.polygons.end());
    const PlanCoast& coast = s.coast(p.segment_m);
    const auto runs = coast.runs(coast.inside(polygons));
    if (runs.empty()) {
        *error = "--area " + path + ": no coast segment has its midpoint inside; expected polygons over the coast";
        return std::nullopt;
    }
    const Stretch best = *std::max_element(runs.begin(), runs.end(), [&](Stretch a, Stretch b) {
        return coast.length_of(a) < coast.length_of(b);
    });
    if (runs.size() > 1)
        std::cerr << "tidemark: --area " << path << ": " << runs.size() << " stretches inside; the task takes the longest, segments "
                  << format_stretch(best) << "\n";
    return best;
}

// Fills the fields given on the command line into `t`; false with `error` on a bad value.
bool apply_options(const TaskOptions& opt, PlanSession& s, Task& t, std::string* error) {
    if (!opt.agency.empty()) t.agency = opt.agency;
    if (!opt.asset.empty()) t.asset = opt.asset == "-" ? std::string() : opt.asset;
    if (!opt.kind.empty()) {
        auto k = task_kind_from_name(opt.kind);
        if (!k) {
            *error = "--kind '" + opt.kind + "': expected sea_patrol, shore_patrol, surveillance or report_response";
            return false;
        }
        t.kind = *k;
    }
    if (!opt.segments.empty()) {
        auto st = parse_stretches({opt.segments}, error);
        if (!st) return false;
        t.stretch = st->front();
    }
    if (!opt.area.empty()) {
        const layers::plan::Plan* p = s.book.find_plan(t.plan);
        if (!p) {
            *error = "plan '" + t.plan + "' does not exist";
            return false;
        }
        auto st = longest_run_in_area(opt.area, s, *p, error);
        if (!st) return false;
        t.stretch = *st;
    }
    if (!opt.from.empty()) {
        auto v = parse_time_option("--from", opt.from, error);
        if (!v) return false;
        t.from = *v;
    }
    if (!opt.to.empty()) {
        auto v = parse_time_option("--to", opt.to, error);
        if (!v) return false;
        t.to = *v;
    }
    if (!opt.route.empty()) {
        layers::PlanReadOptions ro;
        ro.vessel = t.asset;
        ro.start = t.from;
        auto r = layers::read_planned_patrols(opt.route, s.ws.crs(), ro);
        if (!r.ok) {
            *error = r.error;
            return false;
        }
        if (r.patrols.size() != 1 || r.patrols[0].waypoints.size() < 2) {
            *error = "--route " + opt.route + ": expected one route of at least two waypoints, found " +
                     std::to_string(r.patrols.size()) + " route(s)";
            return false;
        }
        t.route = r.patrols[0].waypoints;
        if (r.patrols[0].speed_kn > 0) t.route_speed_kn = r.patrols[0].speed_kn;
        if (opt.sea_route) {
            auto routed = sea_route(t.route, layers::land_polygons(s.ws), error);
            if (!routed) {
                *error = "--route " + opt.route + ": " + *error;
                return false;
            }
            t.route = std::move(*routed);
        }
    }
    if (opt.speed_kn >= 0) t.route_speed_kn = opt.speed_kn;
    if (!opt.notes.empty()) t.notes = opt.notes;
    if (!opt.reports.empty()) t.reports = opt.reports;
    if (!opt.status.empty()) {
        auto st = task_status_from_name(opt.status);
        if (!st) {
            *error = "status '" + opt.status + "': expected proposed, accepted, declined, done, partly_done, missed or cancelled";
            return false;
        }
        t.status = *st;
    }
    return true;
}

int run_add(const TaskOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    if (opt.segments.empty() && opt.area.empty()) return fail("give the task's stretch: --segments FROM-TO or --area FILE");
    Task t;
    t.plan = p->name;
    if (!apply_options(opt, *s, t, &error)) return fail(error);
    const EditContext ctx = s->context(p->segment_m);
    const EditError e = add_task(s->book, ctx, t);
    return finish_edit(*s, e, "added task " + std::to_string(t.id) + " to plan '" + t.plan + "'");
}

int run_edit(const TaskOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Task* stored = s->book.find_task(opt.id);
    if (!stored) return fail(s->ws.path() + ": task " + std::to_string(opt.id) + " does not exist");
    Task t = *stored;
    if (!apply_options(opt, *s, t, &error)) return fail(error);
    const Plan* p = s->plan(t.plan, &error);
    if (!p) return fail(error);
    const std::int64_t expected = opt.version > 0 ? opt.version : stored->version;
    const EditContext ctx = s->context(p->segment_m);
    const EditError e = edit_task(s->book, ctx, t, expected);
    if (!e.empty()) return finish_edit(*s, e, "");
    if (!s->save(&error)) return fail(error);
    // On a team workspace another person's change to other fields of the task, made meanwhile,
    // was merged in: the version is the one the server gave the merged row.
    geo::Problems problems;
    const PlanBook stored_book = load_plan_book(s->ws, problems);  // alive while `saved` points into it
    const Task* saved = stored_book.find_task(t.id);
    std::cout << "task " << t.id << " is now version " << (saved ? saved->version : expected + 1)
              << (s->ws.rows_merged_on_save() ? " (merged with another person's change to other fields, made meanwhile)" : "")
              << "\n";
    return kOk;
}

int run_status(const TaskOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Task* stored = s->book.find_task(opt.id);
    if (!stored) return fail(s->ws.path() + ": task " + std::to_string(opt.id) + " does not exist");
    auto status = task_status_from_name(opt.status);
    if (!status) return fail("status '" + opt.status + "': expected proposed, accepted, declined, done, partly_done, missed or cancelled");
    const Plan* p = s->plan(stored->plan, &error);
    if (!p) return fail(error);
    const EditContext ctx = s->context(p->segment_m);
    const EditError e = set_status(s->book, ctx, opt.id, *status, opt.notes);
    return finish_edit(*s, e, "task " + std::to_string(opt.id) + ": " + status_name(*status));
}

int run_list(const TaskOptions& opt) {
    std::string error;
    auto s = PlanSession::open(opt.workspace, &error);
    if (!s) return fail(error);
    const Plan* p = s->plan(opt.plan, &error);
    if (!p) return fail(error);
    std::optional<std::uint32_t> on_segment;
    if (!opt.segments.empty()) {
        auto st = parse_stretch(opt.segments);
        if (!st) return fail("--segment '" + opt.segments + "' is not a segment id");
        on_segment = st->from;
    }
    const PlanCoast& coast = s->coast(p->segment_m);
    std::cout << "id\tstatus\tagency\tasset\tkind\tsegments\tkm\twindow\tversion\n";
    std::size_t shown = 0;
    for (const Task* t : s->book.tasks_of(p->name)) {
        if (!opt.agency.empty()) {
            const Agency* a = s->book.find_agency(opt.agency);
            if (!a || a->code != t->agency) continue;
        }
        if (!opt.status.empty() && !layers::iequals(status_name(t->status), opt.status)) continue;
        if (on_segment) {
            std::string ignored;
            auto segs = coast.segments_of(t->stretch, &ignored);
            if (std::find(segs.begin(), segs.end(), *on_segment) == segs.end()) continue;
        }
        char km[32];
        std::snprintf(km, sizeof km, "%.1f", coast.length_of(t->stretch) / 1000);
        std::cout << t->id << "\t" << status_name(t->status) << "\t" << agency_label(s->book, t->agency) << "\t"
                  << (t->asset.empty() ? "-" : t->asset) << "\t" << kind_name(t->kind) << "\t" << format_stretch(t->stretch)
                  << "\t" << km << "\t" << geo::format_iso8601(t->from) << " to " << geo::format_iso8601(t->to) << " ("
                  << geo::format_duration(t->to - t->from) << ")" << (t->route.empty() ? "" : ", routed") << "\t" << t->version
                  << "\n";
        ++shown;
    }
    std::cerr << shown << " task(s)\n";
    return kOk;
}

void task_fields(CLI::App* cmd, TaskOptions& o) {
    cmd->add_option("--agency", o.agency, "Agency code or name");
    cmd->add_option("--asset", o.asset, "Vessel from the fleet register ('-' for none)");
    cmd->add_option("--kind", o.kind, "sea_patrol | shore_patrol | surveillance | report_response");
    cmd->add_option("--segments", o.segments, "The stretch, FROM-TO segment ids along one coastline line");
    cmd->add_option("--area", o.area, "Or: a polygon file; the task takes the longest stretch inside it");
    cmd->add_option("--from", o.from, "Window start, ISO 8601");
    cmd->add_option("--to", o.to, "Window end, ISO 8601");
    cmd->add_option("--route", o.route, "Route file (CSV vessel,start,lat,lon,loiter_min,speed_kn; GeoJSON; GPX)");
    cmd->add_flag("--sea-route", o.sea_route, "Join the route's waypoints by the shortest passages at sea");
    cmd->add_option("--speed", o.speed_kn, "Route speed in knots (default: the asset's cruise speed)");
    cmd->add_option("--notes", o.notes, "Notes");
    cmd->add_option("--report", o.reports, "Linked Kraken report id (repeatable)");
}

}  // namespace

void add_plan_task_commands(CLI::App& plan, Context& ctx) {
    CLI::App* task = plan.add_subcommand("task", "Tasks: who covers which stretch when");
    task->require_subcommand(1);

    auto add = std::make_shared<TaskOptions>();
    add->kind = "sea_patrol";
    CLI::App* cmd = task->add_subcommand("add", "Add a task (status proposed)");
    cmd->add_option("workspace", add->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", add->plan, "Plan name")->required();
    task_fields(cmd, *add);
    cmd->get_option("--agency")->required();
    cmd->get_option("--segments")->excludes("--area");
    cmd->get_option("--from")->required();
    cmd->get_option("--to")->required();
    cmd->add_option("--status", add->status, "Initial status (default proposed)");
    cmd->callback([add, &ctx] { ctx.exit_code = run_add(*add); });

    auto edit = std::make_shared<TaskOptions>();
    cmd = task->add_subcommand("edit", "Change a task's fields (refused when someone changed it since --version)");
    cmd->add_option("workspace", edit->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--task", edit->id, "Task id")->required();
    cmd->add_option("--version", edit->version, "The version you edited (from `task list`)");
    task_fields(cmd, *edit);
    cmd->callback([edit, &ctx] { ctx.exit_code = run_edit(*edit); });

    auto status = std::make_shared<TaskOptions>();
    cmd = task->add_subcommand("status", "Move a task through proposed -> accepted/declined -> done/partly_done/missed/cancelled");
    cmd->add_option("workspace", status->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--task", status->id, "Task id")->required();
    cmd->add_option("status", status->status, "The new status")->required();
    cmd->add_option("--note", status->notes, "Note appended to the task's notes");
    cmd->callback([status, &ctx] { ctx.exit_code = run_status(*status); });

    auto list = std::make_shared<TaskOptions>();
    cmd = task->add_subcommand("list", "List a plan's tasks");
    cmd->add_option("workspace", list->workspace, "The workspace (.gpkg)")->required()->check(workspace_location());
    cmd->add_option("--plan", list->plan, "Plan name")->required();
    cmd->add_option("--agency", list->agency, "Only this agency's tasks");
    cmd->add_option("--status", list->status, "Only tasks in this status");
    cmd->add_option("--segment", list->segments, "Only tasks covering this segment id");
    cmd->callback([list, &ctx] { ctx.exit_code = run_list(*list); });
}

}  // namespace tidemark::cli
