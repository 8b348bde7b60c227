// AppState's joint-plan commands: the one edit path (apply_plan_edit, undo, redo), the coast
// a plan is made on, picking a run of segments, checks, forecasts and the coast colouring.
#include "app/gui/app_state.h"
#include "app/gui/plan_format.h"

#include "layers/coverage/coverage_store.h"
#include "layers/plan/plan_findings.h"
#include "layers/plan/plan_objectives.h"
#include "layers/plan/plan_store.h"
#include "layers/team/pg_connection.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <limits>

namespace tidemark::gui {
namespace {

namespace plan = layers::plan;

constexpr const char* kPlanLayers[] = {plan::kAgenciesLayer, plan::kPlansLayer, plan::kResponsibilityLayer,
                                       plan::kObjectivesLayer, plan::kTasksLayer};

// Who stamps the rows: the same variables `tidemark plan` reads, so the CLI and the app agree.
std::string current_user() {
    for (const char* var : {"TIDEMARK_USER", "USER", "LOGNAME"})
        if (const char* v = std::getenv(var); v && *v) return v;
    return "unknown";
}

geo::UnixTime now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

void AppState::load_plans() {
    plan = PlanState();
    // On a team workspace the database knows the person: rows are stamped with the login.
    const std::string login = workspace ? layers::team::url_login(workspace->path()) : std::string();
    plan.user = login.empty() ? current_user() : login;
    if (!workspace) return;
    plan.fleet = layers::load_fleet(*workspace);
    plan.editor = plan::PlanEditor(plan::load_plan_book(*workspace, problems));
    // Plan tables written before the agency colour fields existed are rewritten in the current
    // form (same content), so the lead-agency map has its colours without waiting for an edit.
    const layers::Layer* resp = workspace->find(plan::kResponsibilityLayer);
    if (resp && resp->field_index("lead_agency_colour") < 0) plan::store_plan_book(*workspace, plan.book());
    // A forecast stored by `tidemark plan forecast` has no style yet: its role's default would
    // draw it over the coverage it is meant to be compared with. Until the user styles it, it
    // starts hidden (the Plan panel's "forecast" colouring shows it).
    auto& styles = workspace->settings["styles"];
    for (const char* name : {plan::kForecastSegmentsLayer, plan::kForecastGapsLayer})
        if (const layers::Layer* l = workspace->find(name); l && !styles.contains(name)) {
            layers::Style st = layers::default_style(l->role);
            st.visible = false;
            styles[name] = layers::to_json(st);
        }
    // The latest plan is the one people open the workspace to work on.
    const auto& plans = plan.book().plans;
    if (!plans.empty())
        plan.current = std::max_element(plans.begin(), plans.end(), [](const auto& a, const auto& b) {
                           return a.from < b.from;
                       })->name;
}

void AppState::reload_plans() {
    const std::string current = plan.current;
    load_plans();
    if (plan.book().find_plan(current)) plan.current = current;
    for (const char* name : kPlanLayers) redraw(name);  // as saved: redrawn, not unsaved
}

void AppState::store_plans() {
    plan::store_plan_book(*workspace, plan.book());
    for (const char* name : kPlanLayers) touch(name);
}

plan::EditError AppState::apply_plan_edit(const std::string& label, const PlanEdit& edit) {
    if (!workspace) return "open a workspace first";
    if (as_of_) return as_of_banner() + ": go back to live (File > Back to live) to change the plan";
    plan::EditError e = plan.editor.apply(label, edit);
    if (!e.empty()) return e;
    store_plans();
    status = label + " (Edit > Undo takes it back)";
    return {};
}

bool AppState::undo() {
    if (!workspace) return false;
    const std::string label = plan.editor.undo_label();
    if (!plan.editor.undo()) return false;
    store_plans();
    if (!plan.plan()) set_current_plan(plan.book().plans.empty() ? "" : plan.book().plans.back().name);
    status = "Undone: " + label;
    return true;
}

bool AppState::redo() {
    if (!workspace) return false;
    const std::string label = plan.editor.redo_label();
    if (!plan.editor.redo()) return false;
    store_plans();
    if (!plan.plan()) set_current_plan(plan.book().plans.empty() ? "" : plan.book().plans.back().name);
    status = "Redone: " + label;
    return true;
}

const plan::PlanCoast& AppState::plan_coast(double segment_m) {
    const layers::Layer* coastline = workspace ? workspace->find_role(layers::LayerRole::Coastline) : nullptr;
    const std::uint64_t rev = coastline ? revision(coastline->name) : 0;
    if (rev != plan.coast_revision) {
        plan.coasts.clear();
        plan.coast_revision = rev;
    }
    auto it = plan.coasts.find(segment_m);
    if (it == plan.coasts.end()) {
        plan::PlanCoast coast;
        if (workspace) coast = plan::plan_coast(*workspace, segment_m, problems);
        it = plan.coasts.emplace(segment_m, std::move(coast)).first;
    }
    return it->second;
}

plan::EditContext AppState::plan_context(double segment_m) {
    plan::EditContext ctx;
    ctx.coast = &plan_coast(segment_m);
    ctx.fleet = &plan.fleet;
    ctx.user = plan.user;
    ctx.now = now();
    return ctx;
}

void AppState::set_current_plan(const std::string& name) {
    if (plan.current == name) return;
    plan.current = name;
    plan.selection.reset();
    plan.pick_anchor.reset();
}

bool AppState::pick_segment(geo::XY world, double tolerance_m, bool extend) {
    const plan::Plan* p = plan.plan();
    if (!p) {
        status = "Choose or create a plan first (Plan panel): segments are cut at the plan's segment length";
        return false;
    }
    const plan::PlanCoast& coast = plan_coast(p->segment_m);
    double best = std::numeric_limits<double>::infinity();
    std::int64_t pick = -1;
    for (const geo::CoastSegment& s : coast.segments) {
        if (!s.box.grown(tolerance_m).contains(world)) continue;
        const double d = geo::distance_to_path(world, s.path);
        if (d <= tolerance_m && d < best) best = d, pick = s.id;
    }
    if (pick < 0) {
        status = "No coast segment of plan '" + p->name + "' under the click: click on the coast line";
        if (!extend) plan.selection.reset(), plan.pick_anchor.reset();
        return false;
    }
    const auto b = static_cast<std::uint32_t>(pick);
    if (!extend || !plan.pick_anchor || *plan.pick_anchor >= coast.segments.size() ||
        coast.segments[*plan.pick_anchor].line_id != coast.segments[b].line_id) {
        if (extend && plan.pick_anchor)
            status = "Segment " + std::to_string(b) + " is on another coastline line: a stretch follows one line, so "
                     "the selection starts again here";
        else
            status = "Picked segment " + std::to_string(b) + ": shift-click another on the same coast for a run";
        plan.pick_anchor = b;
        plan.selection = plan::Stretch{b, b};
        return true;
    }
    status = "Picked segments from " + std::to_string(*plan.pick_anchor) + " to " + std::to_string(b) +
             ": New task here in the Plan panel";
    const std::uint32_t lo = std::min(*plan.pick_anchor, b), hi = std::max(*plan.pick_anchor, b);
    plan.selection = plan::Stretch{lo, hi};
    if (coast.segments[b].line_closed) {
        // On a ring take the shorter way round: past the ring's last segment when that is shorter.
        std::uint32_t first = lo, last = hi;
        while (first > 0 && coast.segments[first - 1].line_id == coast.segments[b].line_id) --first;
        while (last + 1 < coast.segments.size() && coast.segments[last + 1].line_id == coast.segments[b].line_id) ++last;
        if ((last - hi + 1) + (lo - first + 1) < hi - lo + 1) plan.selection = plan::Stretch{hi, lo};
    }
    return true;
}

bool AppState::pick_box(const geo::Box& world) {
    const plan::Plan* p = plan.plan();
    if (!p) {
        status = "Choose or create a plan first (Plan panel): segments are cut at the plan's segment length";
        return false;
    }
    const plan::PlanCoast& coast = plan_coast(p->segment_m);
    std::vector<bool> in_box(coast.segments.size(), false);
    for (std::size_t i = 0; i < coast.segments.size(); ++i) in_box[i] = world.contains(coast.segments[i].midpoint);
    const std::vector<plan::Stretch> runs = coast.runs(in_box);
    if (runs.empty()) {
        status = "No coast segment of plan '" + p->name + "' has its middle inside the box";
        return false;
    }
    // A box across an estuary or a headland holds several runs; a task follows one.
    const plan::Stretch longest = *std::max_element(runs.begin(), runs.end(), [&](plan::Stretch a, plan::Stretch b) {
        return coast.length_of(a) < coast.length_of(b);
    });
    plan.selection = longest;
    plan.pick_anchor = longest.from;
    status = "Picked segments " + plan::format_stretch(longest) + " (" + km_text(coast.length_of(longest)) + ")";
    if (runs.size() > 1)
        status += ", the longest of the " + std::to_string(runs.size()) + " runs of coast in the box";
    status += ": New task here in the Plan panel";
    return true;
}

bool AppState::check_current_plan(std::string* error) {
    const plan::Plan* p = plan.plan();
    if (!workspace || !p) {
        *error = "choose or create a plan first";
        return false;
    }
    const plan::PlanCoast& coast = plan_coast(p->segment_m);
    const plan::LastGaps last = plan::last_period_gaps(*workspace, coast);
    plan::PlanCheck c = plan::check_plan(plan.book(), *p, coast, plan.fleet, last, workspace->path());
    // A check replaces that plan's earlier findings instead of piling up copies of them.
    const std::string layer = "plan " + p->name;
    std::erase_if(problems, [&](const geo::Problem& pr) { return pr.layer == layer; });
    problems.insert(problems.end(), c.problems.begin(), c.problems.end());
    plan::store_findings(*workspace, p->name, c, coast);
    touch(plan::kFindingsLayer);
    status = "Checked plan '" + p->name + "': " + std::to_string(c.errors) + " error(s), " + std::to_string(c.warnings) +
             " warning(s), drawn on the map as layer " + plan::kFindingsLayer + " and listed in Problems";
    plan.check = std::move(c);
    plan.checked_plan = p->name;
    plan.checked_revision = plan.editor.revision();
    return true;
}

bool AppState::start_forecast(std::string* error) {
    if (!workspace || !plan.plan()) {
        *error = "choose or create a plan first";
        return false;
    }
    forecast_error.clear();
    if (!forecast.start(*workspace, plan.book(), plan.current, error)) return false;
    status = "Forecast of plan '" + plan.current + "' running...";
    return true;
}

void AppState::land_forecast() {
    auto outcome = forecast.take_outcome();
    if (!outcome) return;
    status = outcome->summary;
    forecast_error = outcome->error;
    if (!outcome->forecast || !workspace) return;
    if (workspace->path() != outcome->workspace_path) {
        status = "Forecast discarded: another workspace was opened while it ran";
        return;
    }
    problems.insert(problems.end(), outcome->forecast->problems.begin(), outcome->forecast->problems.end());
    plan::store_forecast(*workspace, *outcome->forecast);
    for (const char* name : {plan::kForecastSegmentsLayer, plan::kForecastGapsLayer, plan::kForecastSummaryLayer})
        if (workspace->find(name)) touch(name);  // new geometry: the renderer rebuilds its buffers
    plan.forecast = std::move(outcome->forecast);
    plan.forecast_plan = outcome->plan;
    set_coast_mode(CoastMode::Forecast);
}

bool AppState::start_reconcile(std::string* error) {
    if (!workspace || !plan.plan()) {
        *error = "choose or create a plan first";
        return false;
    }
    reconcile_error.clear();
    if (!reconcile.start(*workspace, plan.book(), plan.current, error)) return false;
    status = "Reconciling plan '" + plan.current + "' with the tracks...";
    return true;
}

void AppState::land_reconcile() {
    auto outcome = reconcile.take_outcome();
    if (!outcome) return;
    status = outcome->summary;
    reconcile_error = outcome->error;
    if (!outcome->reconciliation || !workspace) return;
    if (workspace->path() != outcome->workspace_path) {
        status = "Reconciliation discarded: another workspace was opened while it ran";
        return;
    }
    const plan::Plan* p = plan.book().find_plan(outcome->plan);
    if (!p) return;  // the plan was undone away while it ran
    // Stored as `plan reconcile` does, for exports; drawn on request only (hidden).
    plan::store_reconciliation(*workspace, plan.book(), plan_coast(p->segment_m), *outcome->reconciliation);
    touch(plan::kReconciliationLayer);
    plan.reconciliation = std::move(outcome->reconciliation);
    plan.reconciled_plan = outcome->plan;
}

plan::EditError AppState::apply_earned_statuses() {
    const plan::Plan* p = plan.plan();
    if (!p || !plan.reconciliation || plan.reconciled_plan != p->name) return "reconcile the plan first";
    const plan::EditContext ctx = plan_context(p->segment_m);
    const plan::Reconciliation& r = *plan.reconciliation;
    return apply_plan_edit("Set earned statuses", [&](plan::PlanBook& b) -> plan::EditError {
        int changed = 0;
        if (auto e = plan::apply_earned_statuses(b, ctx, r, &changed); !e.empty()) return e;
        return changed ? plan::EditError{} : plan::EditError{"every judged task already has the status it earned"};
    });
}

void AppState::set_coast_mode(CoastMode mode) {
    if (!workspace) return;
    auto show = [&](const char* name, bool visible, const char* colour_by) {
        const layers::Layer* l = workspace->find(name);
        if (!l) return;
        layers::Style s = style(*l);
        // Coverage keeps the colouring the Coverage panel chose (max gap or observed time).
        if (s.visible == visible && (!visible || !colour_by || s.colour_by == colour_by)) return;
        s.visible = visible;
        if (visible && colour_by) s.colour_by = colour_by;
        set_style(name, s);
    };
    show(layers::kSegmentsLayer, mode == CoastMode::Coverage, nullptr);
    show(plan::kResponsibilityLayer, mode == CoastMode::LeadAgency, "lead_agency");
    show(plan::kForecastSegmentsLayer, mode == CoastMode::Forecast, "max_gap_s");
    // Each colouring brings its own gaps; the lead-agency map stays uncluttered.
    show(layers::kGapsLayer, mode == CoastMode::Coverage, nullptr);
    show(plan::kForecastGapsLayer, mode == CoastMode::Forecast, nullptr);
}

CoastMode AppState::coast_mode() const {
    auto visible = [&](const char* name) {
        const layers::Layer* l = workspace ? workspace->find(name) : nullptr;
        return l && style(*l).visible;
    };
    if (visible(plan::kResponsibilityLayer)) return CoastMode::LeadAgency;
    if (visible(plan::kForecastSegmentsLayer) && !visible(layers::kSegmentsLayer)) return CoastMode::Forecast;
    return CoastMode::Coverage;
}

}  // namespace tidemark::gui
