#include "layers/plan/plan_check.h"

#include "geo/duration.h"
#include "geo/length_text.h"
#include "layers/layer.h"
#include "layers/tracks/planned_patrol.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace tidemark::layers::plan {
namespace {

using Severity = geo::Problem::Severity;

std::string km(double m) { return geo::format_km(m); }

class Findings {
public:
    Findings(PlanCheck& out, const std::string& source, const std::string& plan) : out_(out), source_(source), layer_("plan " + plan) {}
    void add(Severity s, const std::string& feature, const std::string& reason, std::vector<Stretch> places = {}) {
        out_.places.push_back(std::move(places));
        geo::Problem p;
        p.severity = s;
        p.source = source_;
        p.layer = layer_;
        p.feature = feature;
        p.reason = reason;
        out_.problems.push_back(std::move(p));
        if (s == Severity::Error) ++out_.errors;
        if (s == Severity::Warning) ++out_.warnings;
    }

private:
    PlanCheck& out_;
    const std::string& source_;
    std::string layer_;
};

std::string task_name(const Task& t) { return "task " + std::to_string(t.id); }

std::string where(const PlanCoast& coast, Stretch s) {
    std::string text = "segments " + format_stretch(s);
    const std::string force = coast.force_code(s.from);
    for (const auto& f : coast.forces)
        if (!force.empty() && f.code == force) return text + " (" + f.name + ")";
    return text;
}

std::string span(geo::UnixTime a, geo::UnixTime b) { return geo::format_iso8601(a) + " to " + geo::format_iso8601(b); }

void check_ownership(const PlanBook& book, const Plan& plan, const PlanCoast& coast, PlanCheck& out, Findings& f) {
    std::vector<bool> unowned(coast.segments.size(), false);
    for (std::size_t i = 0; i < coast.segments.size(); ++i) {
        out.coast_m += coast.segments[i].length_m;
        const bool owned = !plan.lead[i].empty() && book.find_agency(plan.lead[i]);
        unowned[i] = !owned;
        if (owned) out.lead_m += coast.segments[i].length_m;
    }
    for (Stretch s : coast.runs(unowned)) {
        const std::string& lead = plan.lead[s.from];
        f.add(Severity::Error, where(coast, s),
              (lead.empty() ? "no lead agency" : "lead agency '" + lead + "' is not a known agency") + " for " +
                  km(coast.length_of(s)) + " of coast; assign one with `tidemark plan assign --segments " +
                  format_stretch(s) + " --lead CODE`",
              {s});
    }
    const double missing = out.coast_m - out.lead_m;
    if (std::fabs(missing) >= 1)
        f.add(Severity::Error, "", "lead agencies own " + km(out.lead_m) + " of " + km(out.coast_m) + " of coast: " +
                                       km(missing) + " has no lead");
}

void check_objectives(const PlanBook& book, const Plan& plan, const PlanCoast& coast, PlanCheck& out, Findings& f) {
    const SegmentObjectives obj = segment_objectives(plan, coast);
    const std::vector<double> gap = planned_max_gap(book, plan, coast);
    std::vector<bool> unmet(coast.segments.size(), false);
    for (std::size_t i = 0; i < coast.segments.size(); ++i) {
        unmet[i] = !obj.risk_accepted[i] && gap[i] > obj.target_s[i];
        if (unmet[i]) out.objective_unmet_m += coast.segments[i].length_m;
    }
    // Explicit objectives one by one; the default target summed up per lead agency.
    std::vector<bool> explicit_target(coast.segments.size(), false);
    for (const Objective& o : plan.objectives) {
        if (o.revisit_s <= 0) continue;
        std::string error;
        double worst = 0, unmet_m = 0;
        for (auto i : coast.segments_of(o.stretch, &error)) {
            explicit_target[i] = true;
            if (unmet[i]) {
                worst = std::max(worst, gap[i]);
                unmet_m += coast.segments[i].length_m;
            }
        }
        if (unmet_m > 0)
            f.add(Severity::Warning, where(coast, o.stretch),
                  "objective " + geo::format_duration(o.revisit_s) + (o.reason.empty() ? "" : " (" + o.reason + ")") +
                      " is not met by the accepted tasks on " + km(unmet_m) + ": up to " + geo::format_duration(worst) +
                      " unwatched",
                  {o.stretch});
    }
    std::map<std::string, std::pair<double, double>> per_lead;  // unmet m, coast m
    std::map<std::string, double> worst;
    for (std::size_t i = 0; i < coast.segments.size(); ++i) {
        if (explicit_target[i]) continue;
        auto& [unmet_m, total_m] = per_lead[plan.lead[i]];
        total_m += coast.segments[i].length_m;
        if (unmet[i]) {
            unmet_m += coast.segments[i].length_m;
            worst[plan.lead[i]] = std::max(worst[plan.lead[i]], gap[i]);
        }
    }
    for (const auto& [lead, m] : per_lead) {
        if (m.first <= 0) continue;
        std::vector<bool> unmet_here(coast.segments.size(), false);
        for (std::size_t i = 0; i < coast.segments.size(); ++i)
            unmet_here[i] = unmet[i] && !explicit_target[i] && plan.lead[i] == lead;
        f.add(Severity::Warning, agency_label(book, lead),
              "leads " + km(m.second) + " of coast; " + km(m.first) + " of it has no accepted task meeting the " +
                  geo::format_duration(plan.revisit_s) + " revisit objective (longest planned gap " +
                  geo::format_duration(worst[lead]) + ")",
              coast.runs(unmet_here));
    }
}

void check_last_gaps(const PlanBook& book, const Plan& plan, const PlanCoast& coast, const LastGaps& last, Findings& f) {
    if (!last.ok) {
        f.add(Severity::Info, "", "last period's gaps not checked: " + last.why);
        return;
    }
    std::vector<bool> answered(coast.segments.size(), false);
    std::string error;
    for (const Task* t : book.tasks_of(plan.name))
        if (is_live(t->status))
            for (auto i : coast.segments_of(t->stretch, &error)) answered[i] = true;
    for (const Objective& o : plan.objectives)
        if (!o.risk_accepted.empty())
            for (auto i : coast.segments_of(o.stretch, &error)) answered[i] = true;
    std::vector<const geo::Gap*> by_risk;
    for (const geo::Gap& g : last.analysis.gaps) by_risk.push_back(&g);
    std::stable_sort(by_risk.begin(), by_risk.end(), [](auto* a, auto* b) { return a->risk > b->risk; });
    for (const geo::Gap* gp : by_risk) {
        const geo::Gap& g = *gp;
        if (std::any_of(g.segments.begin(), g.segments.end(), [&](std::uint32_t i) { return answered[i]; })) continue;
        char risk[32];
        std::snprintf(risk, sizeof risk, "%.1f", g.risk);
        f.add(Severity::Warning, where(coast, {g.segments.front(), g.segments.back()}),
              "last period's gap " + std::to_string(g.id) + " of " + km(g.length_m) + " (unwatched up to " +
                  geo::format_duration(g.worst_gap_s) + ", risk " + risk +
                  ") has neither a task nor a risk-accepted note",
              {{g.segments.front(), g.segments.back()}});
    }
}

void check_assets(const PlanBook& book, const Plan& plan, const std::vector<Vessel>& fleet, Findings& f) {
    std::vector<const Task*> live;
    for (const Task* t : book.tasks_of(plan.name))
        if (is_live(t->status) && !t->asset.empty()) live.push_back(t);
    // Double-booking is checked against every plan's tasks: one vessel cannot be in two plans at once.
    for (const Task* a : live)
        for (const Task& b : book.tasks)
            if (b.id != a->id && is_live(b.status) && b.asset == a->asset && b.from < a->to && a->from < b.to &&
                (b.plan != a->plan || b.id > a->id))
                f.add(Severity::Error, task_name(*a),
                      a->asset + " is double-booked: " + task_name(*a) + " (" + span(a->from, a->to) + ") and " +
                          task_name(b) + (b.plan != a->plan ? " of plan " + b.plan : "") + " (" + span(b.from, b.to) +
                          ") overlap from " + span(std::max(a->from, b.from), std::min(a->to, b.to)),
                      {a->stretch});
    for (const Task* t : live) {
        const Vessel* v = find_vessel(fleet, 0, t->asset);
        if (!v) {
            f.add(Severity::Error, task_name(*t), "asset '" + t->asset + "' is not in the fleet register", {t->stretch});
            continue;
        }
        for (const auto& off : v->unavailable)
            if (off.from < t->to && t->from < off.to)
                f.add(Severity::Error, task_name(*t),
                      v->name + " is unavailable " + span(off.from, off.to) + " but tasked " + span(t->from, t->to),
                      {t->stretch});
        if (v->endurance_h > 0 && t->route.empty() && t->kind == TaskKind::SeaPatrol && t->to - t->from > v->endurance_h * 3600)
            f.add(Severity::Error, task_name(*t),
                  "window of " + geo::format_duration(t->to - t->from) + " is beyond " + v->name + "'s endurance of " +
                      geo::format_duration(v->endurance_h * 3600) + "; split it into sorties",
                  {t->stretch});
        const Agency* owner = book.find_agency(v->agency);
        if (owner && owner->code != t->agency)
            f.add(Severity::Warning, task_name(*t),
                  v->name + " belongs to " + agency_label(book, owner->code) + ", not to the tasked agency " +
                      agency_label(book, t->agency),
                  {t->stretch});
        if (t->route.empty()) continue;
        PlannedPatrol patrol;
        patrol.vessel = v->name;
        patrol.start = t->from;
        patrol.speed_kn = t->route_speed_kn > 0 ? t->route_speed_kn : v->cruise_speed_kn;
        patrol.waypoints = t->route;
        patrol.source = task_name(*t);
        const geo::Track track = plan_track(patrol);
        for (geo::Problem p : check_patrol(patrol, track, v))
            f.add(Severity::Error, task_name(*t), p.reason, {t->stretch});
        if (!track.legs.empty() && track.legs[0].fixes.back().t > t->to + 1)
            f.add(Severity::Error, task_name(*t),
                  "route takes " + geo::format_duration(track.legs[0].fixes.back().t - t->from) + " at " +
                      std::to_string(static_cast<int>(patrol.speed_kn)) + " kn, longer than the task window of " +
                      geo::format_duration(t->to - t->from),
                  {t->stretch});
    }
}

void check_responsibility(const PlanBook& book, const Plan& plan, const PlanCoast& coast, Findings& f) {
    for (const Task* t : book.tasks_of(plan.name)) {
        if (!is_live(t->status)) continue;
        std::string error;
        const auto segs = coast.segments_of(t->stretch, &error);
        if (segs.empty()) {
            f.add(Severity::Error, task_name(*t), error);
            continue;
        }
        std::vector<bool> outside(coast.segments.size(), false);
        bool any = false;
        for (auto i : segs) {
            const auto& sup = plan.support[i];
            outside[i] = plan.lead[i] != t->agency && std::find(sup.begin(), sup.end(), t->agency) == sup.end();
            any = any || outside[i];
        }
        if (!any) continue;
        for (Stretch s : coast.runs(outside))
            f.add(Severity::Warning, task_name(*t),
                  agency_label(book, t->agency) + " is tasked on " + where(coast, s) +
                      " where it neither leads nor supports (lead: " + agency_label(book, plan.lead[s.from]) + ")",
                  {s});
    }
}

}  // namespace

SegmentObjectives segment_objectives(const Plan& plan, const PlanCoast& coast) {
    SegmentObjectives o;
    o.target_s.assign(coast.segments.size(), plan.revisit_s);
    o.risk_accepted.assign(coast.segments.size(), false);
    std::vector<bool> explicit_target(coast.segments.size(), false);
    std::string error;
    for (const Objective& obj : plan.objectives)
        for (auto i : coast.segments_of(obj.stretch, &error)) {
            if (obj.revisit_s > 0) {
                o.target_s[i] = explicit_target[i] ? std::min(o.target_s[i], obj.revisit_s) : obj.revisit_s;
                explicit_target[i] = true;
            }
            if (!obj.risk_accepted.empty()) o.risk_accepted[i] = true;
        }
    return o;
}

std::vector<double> planned_max_gap(const PlanBook& book, const Plan& plan, const PlanCoast& coast) {
    std::vector<std::vector<geo::Interval>> watched(coast.segments.size());
    std::string error;
    for (const Task* t : book.tasks_of(plan.name))
        if (is_committed(t->status))
            for (auto i : coast.segments_of(t->stretch, &error)) watched[i].push_back({t->from, t->to});
    std::vector<double> gap(coast.segments.size());
    for (std::size_t i = 0; i < coast.segments.size(); ++i)
        gap[i] = geo::summarise_intervals(std::move(watched[i]), plan.from, plan.to).max_gap_s;
    return gap;
}

PlanCheck check_plan(const PlanBook& book, const Plan& plan, const PlanCoast& coast, const std::vector<Vessel>& fleet,
                     const LastGaps& last, const std::string& source) {
    PlanCheck out;
    Findings f(out, source, plan.name);
    if (coast.segments.size() != plan.segment_count || plan.lead.size() != plan.segment_count) {
        f.add(Severity::Error, "", "the plan was made on " + std::to_string(plan.segment_count) +
                                       " coast segments but the coastline now cuts into " +
                                       std::to_string(coast.segments.size()) + "; the coastline changed since");
        return out;
    }
    check_ownership(book, plan, coast, out, f);
    check_objectives(book, plan, coast, out, f);
    check_last_gaps(book, plan, coast, last, f);
    check_assets(book, plan, fleet, f);
    check_responsibility(book, plan, coast, f);
    return out;
}

}  // namespace tidemark::layers::plan
