#include "layers/plan/plan_edit.h"

#include "layers/io/csv_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace tidemark::layers::plan {
namespace {

// Hues a golden angle apart, so any number of agencies get colours that stay distinct.
std::string agency_colour(std::size_t i) {
    const double h = std::fmod(i * 137.508, 360.0) / 60.0, s = 0.65, v = i % 2 ? 0.75 : 0.9;
    const double c = v * s, x = c * (1 - std::fabs(std::fmod(h, 2.0) - 1)), m = v - c;
    double r = 0, g = 0, b = 0;
    switch (static_cast<int>(h)) {
    case 0: r = c, g = x; break;
    case 1: r = x, g = c; break;
    case 2: g = c, b = x; break;
    case 3: g = x, b = c; break;
    case 4: r = x, b = c; break;
    default: r = c, b = x; break;
    }
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", static_cast<int>((r + m) * 255), static_cast<int>((g + m) * 255),
                  static_cast<int>((b + m) * 255));
    return buf;
}

std::string time_text(geo::UnixTime t) { return geo::format_iso8601(t); }

EditError check_stretch(const EditContext& ctx, const Plan& p, Stretch s) {
    if (!ctx.coast) return {};
    if (ctx.coast->segments.size() != p.segment_count)
        return "plan '" + p.name + "' was made on " + std::to_string(p.segment_count) + " segments of " +
               std::to_string(static_cast<int>(p.segment_m)) + " m but the coastline now cuts into " +
               std::to_string(ctx.coast->segments.size()) + "; the coastline changed since the plan was made";
    std::string error;
    if (ctx.coast->segments_of(s, &error).empty()) return error;
    return {};
}

EditError known_agency(const PlanBook& book, const std::string& code, const char* what) {
    if (book.find_agency(code)) return {};
    std::string known;
    for (std::size_t i = 0; i < book.agencies.size() && i < 8; ++i) known += (i ? ", " : "") + book.agencies[i].code;
    return std::string(what) + " '" + code + "' is not a known agency (known: " + known +
           (book.agencies.size() > 8 ? ", …" : "") + "; see `tidemark plan agency list`)";
}

const Vessel* asset_of(const EditContext& ctx, const std::string& name) {
    return ctx.fleet ? find_vessel(*ctx.fleet, 0, name) : nullptr;
}

EditError check_task(const PlanBook& book, const EditContext& ctx, const Task& t) {
    const Plan* p = book.find_plan(t.plan);
    if (!p) return "plan '" + t.plan + "' does not exist; create it with `tidemark plan new`";
    if (auto e = known_agency(book, t.agency, "agency"); !e.empty()) return e;
    if (!t.asset.empty()) {
        if (!ctx.fleet || !asset_of(ctx, t.asset))
            return "asset '" + t.asset + "' is not in the fleet register; expected a vessel name from the fleet table";
    }
    if (!(t.to > t.from))
        return "task window " + time_text(t.from) + " to " + time_text(t.to) + " is reversed or empty; the end must follow the start";
    if (t.from < p->from || t.to > p->to)
        return "task window " + time_text(t.from) + " to " + time_text(t.to) + " lies outside plan '" + p->name + "' (" +
               time_text(p->from) + " to " + time_text(p->to) + ")";
    if (t.route.size() == 1) return "a route needs at least two waypoints";
    if (t.route_speed_kn < 0 || t.route_speed_kn > 60) return "route speed must be between 0 and 60 kn";
    return check_stretch(ctx, *p, t.stretch);
}

}  // namespace

void seed_agencies(PlanBook& book, const PlanCoast& coast) {
    auto add = [&](const std::string& code, const std::string& name, AgencyKind kind) {
        if (book.find_agency(code)) return;
        book.agencies.push_back({code, name, kind, agency_colour(book.agencies.size()), 1});
    };
    add(kBorderForceCode, "Border Force Maritime Command", AgencyKind::BorderForce);
    for (const auto& f : coast.forces)
        if (!f.code.empty()) add(f.code, f.name.empty() ? f.code : f.name, AgencyKind::Police);
}

EditError add_agency(PlanBook& book, Agency agency) {
    if (agency.code.empty() || agency.code.find_first_of(" ;,") != std::string::npos)
        return "agency code '" + agency.code + "' must be one word without ';' or ','";
    for (const Agency& a : book.agencies)
        if (iequals(a.code, agency.code)) return "agency '" + agency.code + "' exists already (" + a.name + ")";
    if (agency.name.empty()) agency.name = agency.code;
    if (agency.colour.empty()) agency.colour = agency_colour(book.agencies.size());
    book.agencies.push_back(std::move(agency));
    return {};
}

EditError new_plan(PlanBook& book, const EditContext& ctx, const NewPlan& np) {
    if (np.name.empty()) return "a plan needs a name (--name)";
    if (book.find_plan(np.name)) return "plan '" + np.name + "' exists already; choose another name";
    if (!geo::plausible_time(np.from) || !geo::plausible_time(np.to) || np.from <= 0)
        return "plan period " + time_text(np.from) + " to " + time_text(np.to) + " is outside the times data can hold: " +
               geo::kPlausibleTimeText;
    if (!(np.to > np.from))
        return "plan period " + time_text(np.from) + " to " + time_text(np.to) + " is reversed or empty; --to must follow --from";
    if (np.to - np.from > 366 * 86400.0) return "a plan period is at most a year; split longer periods into several plans";
    if (np.revisit_s <= 0) return "the revisit objective must be a positive duration";
    if (!ctx.coast || ctx.coast->segments.empty()) return "the workspace has no coastline to plan on";
    seed_agencies(book, *ctx.coast);
    Plan p;
    p.name = np.name;
    p.from = np.from;
    p.to = np.to;
    p.segment_m = np.segment_m;
    p.revisit_s = np.revisit_s;
    p.segment_count = static_cast<std::uint32_t>(ctx.coast->segments.size());
    p.lead.resize(p.segment_count);
    p.support.assign(p.segment_count, {kBorderForceCode});
    for (std::uint32_t i = 0; i < p.segment_count; ++i) {
        const std::string force = ctx.coast->force_code(i);
        if (!force.empty() && book.find_agency(force)) p.lead[i] = book.find_agency(force)->code;
    }
    p.created_by = p.updated_by = ctx.user;
    p.created_at = p.updated_at = ctx.now;
    book.plans.push_back(std::move(p));
    return {};
}

EditError assign(PlanBook& book, const EditContext& ctx, const std::string& plan_name, const Assignment& a) {
    Plan* p = book.find_plan(plan_name);
    if (!p) return "plan '" + plan_name + "' does not exist";
    if (a.stretches.empty()) return "no segments to assign: give --segments S1-S2 or an --area that touches the coast";
    if (a.lead && !a.lead->empty())
        if (auto e = known_agency(book, *a.lead, "lead agency"); !e.empty()) return e;
    for (const auto& code : a.add_support)
        if (auto e = known_agency(book, code, "supporting agency"); !e.empty()) return e;
    std::vector<std::uint32_t> all;
    for (const Stretch& s : a.stretches) {
        if (auto e = check_stretch(ctx, *p, s); !e.empty()) return e;
        std::string error;
        auto segs = ctx.coast->segments_of(s, &error);
        all.insert(all.end(), segs.begin(), segs.end());
    }
    const std::string lead = a.lead && !a.lead->empty() ? book.find_agency(*a.lead)->code : std::string();
    for (auto i : all) {
        if (a.lead) p->lead[i] = lead;
        auto& sup = p->support[i];
        for (const auto& code : a.add_support) {
            const std::string c = book.find_agency(code)->code;
            if (std::find(sup.begin(), sup.end(), c) == sup.end()) sup.push_back(c);
        }
        for (const auto& code : a.remove_support)
            sup.erase(std::remove_if(sup.begin(), sup.end(), [&](const std::string& c) { return iequals(c, code); }), sup.end());
        std::sort(sup.begin(), sup.end());
    }
    p->updated_by = ctx.user;
    p->updated_at = ctx.now;
    ++p->version;
    return {};
}

EditError set_objective(PlanBook& book, const EditContext& ctx, const std::string& plan_name, const Objective& o) {
    Plan* p = book.find_plan(plan_name);
    if (!p) return "plan '" + plan_name + "' does not exist";
    if (auto e = check_stretch(ctx, *p, o.stretch); !e.empty()) return e;
    if (o.revisit_s < 0 || (o.revisit_s > 0 && o.revisit_s < 600))
        return "a revisit target must be at least 10 minutes";
    if (o.revisit_s == 0 && o.risk_accepted.empty())
        return "an objective needs a revisit target (--revisit) or a risk-accepted note (--risk-accepted)";
    p->objectives.push_back(o);
    p->updated_by = ctx.user;
    p->updated_at = ctx.now;
    ++p->version;
    return {};
}

EditError add_task(PlanBook& book, const EditContext& ctx, Task& task) {
    if (auto e = check_task(book, ctx, task); !e.empty()) return e;
    task.agency = book.find_agency(task.agency)->code;
    if (const Vessel* v = asset_of(ctx, task.asset)) task.asset = v->name;
    task.id = book.next_task_id();
    task.created_by = task.updated_by = ctx.user;
    task.created_at = task.updated_at = ctx.now;
    task.version = 1;
    book.tasks.push_back(task);
    return {};
}

EditError edit_task(PlanBook& book, const EditContext& ctx, const Task& edited, std::int64_t expected_version) {
    Task* t = book.find_task(edited.id);
    if (!t) return "task " + std::to_string(edited.id) + " does not exist";
    if (t->version != expected_version)
        return "task " + std::to_string(t->id) + " was changed by " + (t->updated_by.empty() ? "someone" : t->updated_by) +
               " at " + time_text(t->updated_at) + " (now version " + std::to_string(t->version) + ", you edited version " +
               std::to_string(expected_version) + "); reload and apply your change again";
    if (!status_move_allowed(t->status, edited.status))
        return std::string("task status cannot go from ") + status_name(t->status) + " to " + status_name(edited.status);
    if (auto e = check_task(book, ctx, edited); !e.empty()) return e;
    Task updated = edited;
    updated.agency = book.find_agency(updated.agency)->code;
    updated.created_by = t->created_by;
    updated.created_at = t->created_at;
    updated.updated_by = ctx.user;
    updated.updated_at = ctx.now;
    updated.version = t->version + 1;
    *t = std::move(updated);
    return {};
}

EditError set_status(PlanBook& book, const EditContext& ctx, std::int64_t task_id, TaskStatus status, const std::string& note) {
    const Task* t = book.find_task(task_id);
    if (!t) return "task " + std::to_string(task_id) + " does not exist";
    Task edited = *t;
    edited.status = status;
    if (!note.empty()) edited.notes += (edited.notes.empty() ? "" : "\n") + note;
    return edit_task(book, ctx, edited, t->version);
}

EditError PlanEditor::apply(const std::string& label, const std::function<EditError(PlanBook&)>& edit) {
    PlanBook copy = book_;
    EditError e = edit(copy);
    if (!e.empty()) return e;
    undo_.push_back({label, std::move(book_)});
    redo_.clear();
    book_ = std::move(copy);
    ++revision_;
    return {};
}

bool PlanEditor::undo() {
    if (undo_.empty()) return false;
    redo_.push_back({undo_.back().label, std::move(book_)});
    book_ = std::move(undo_.back().book);
    undo_.pop_back();
    ++revision_;
    return true;
}

bool PlanEditor::redo() {
    if (redo_.empty()) return false;
    undo_.push_back({redo_.back().label, std::move(book_)});
    book_ = std::move(redo_.back().book);
    redo_.pop_back();
    ++revision_;
    return true;
}

}  // namespace tidemark::layers::plan
