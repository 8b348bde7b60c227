#include "layers/plan/plan_reconcile.h"

#include "geo/coverage.h"
#include "layers/tracks/fleet.h"
#include "layers/style/style.h"
#include "layers/tracks/track_io.h"
#include "layers/workspace.h"

#include <algorithm>
#include <map>

namespace tidemark::layers::plan {
namespace {

using SegmentIntervals = std::vector<std::vector<geo::Interval>>;  // per segment

// Observed intervals per segment in the plan period, seen by `tracks` (the engine's rule).
class Observations {
public:
    Observations(const PlanCoast& coast, const Plan& plan, std::vector<geo::Track> tracks, const std::vector<Vessel>& fleet)
        : coast_(coast), plan_(plan), tracks_(std::move(tracks)), fleet_(fleet) {}

    const std::vector<geo::Track>& tracks() const { return tracks_; }

    // Intervals seen by the tracks whose vessel satisfies `take` (cached under `key`): the union of
    // each such vessel's own intervals. "Observed by at least one vessel" is exactly that union,
    // so each vessel's tracks go through the engine once, however many agencies and tasks ask.
    template <typename Pred>
    const SegmentIntervals& seen_by(const std::string& key, Pred take) {
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        std::vector<const SegmentIntervals*> parts;
        for (const Vessel& v : fleet_)
            if (take(v))
                if (const SegmentIntervals* own = of_vessel(v)) parts.push_back(own);
        SegmentIntervals out(coast_.segments.size());
        if (parts.size() == 1) out = *parts.front();
        if (parts.size() > 1)
            for (std::size_t i = 0; i < out.size(); ++i) {
                std::vector<geo::Interval> all;
                for (const auto* p : parts) all.insert(all.end(), (*p)[i].begin(), (*p)[i].end());
                if (!all.empty()) out[i] = geo::summarise_intervals(std::move(all), plan_.from, plan_.to).observed;
            }
        return cache_.emplace(key, std::move(out)).first->second;
    }

    // Whether any fix of the chosen vessels lies in [from, to).
    template <typename Pred>
    bool has_fixes(Pred take, geo::UnixTime from, geo::UnixTime to) const {
        for (const auto& t : tracks_) {
            const Vessel* v = find_vessel(fleet_, t.mmsi, t.vessel);
            if (!v || !take(*v)) continue;
            for (const auto& leg : t.legs)
                for (const auto& f : leg.fixes)
                    if (f.t >= from && f.t < to) return true;
        }
        return false;
    }

private:
    // The intervals seen by one vessel's tracks (nullptr when it has none), computed once.
    const SegmentIntervals* of_vessel(const Vessel& v) {
        auto it = by_vessel_.find(&v);
        if (it != by_vessel_.end()) return it->second.empty() ? nullptr : &it->second;
        std::vector<geo::Track> chosen;
        for (const auto& t : tracks_)
            if (find_vessel(fleet_, t.mmsi, t.vessel) == &v) chosen.push_back(t);
        SegmentIntervals out;
        if (!chosen.empty()) {
            out.resize(coast_.segments.size());
            geo::CoverageOptions o;
            o.from = plan_.from;
            o.to = plan_.to;
            const std::vector<double> ranges(chosen.size(), sensor_range_m(v));
            auto result = geo::compute_coverage(coast_.segments, chosen, ranges, o);
            for (std::size_t i = 0; i < out.size() && i < result.segments.size(); ++i) out[i] = std::move(result.segments[i].observed);
        }
        it = by_vessel_.emplace(&v, std::move(out)).first;
        return it->second.empty() ? nullptr : &it->second;
    }

    const PlanCoast& coast_;
    const Plan& plan_;
    std::vector<geo::Track> tracks_;
    const std::vector<Vessel>& fleet_;
    std::map<std::string, SegmentIntervals> cache_;
    std::map<const Vessel*, SegmentIntervals> by_vessel_;
};

struct StretchSeen {
    double observed_m = 0, length_m = 0, seconds = 0;
    std::optional<geo::UnixTime> first, last;
};

StretchSeen seen_on(const PlanCoast& coast, const std::vector<std::uint32_t>& segments, const SegmentIntervals& seen,
                    geo::UnixTime from, geo::UnixTime to) {
    StretchSeen s;
    for (auto i : segments) {
        s.length_m += coast.segments[i].length_m;
        double d = 0;
        for (const auto& iv : seen[i]) {
            const double a = std::max(iv.from, from), b = std::min(iv.to, to);
            if (b <= a) continue;
            d += b - a;
            s.first = s.first ? std::min(*s.first, a) : a;
            s.last = s.last ? std::max(*s.last, b) : b;
        }
        if (d > 0) s.observed_m += coast.segments[i].length_m;
        s.seconds += d;
    }
    return s;
}

std::vector<geo::Track> known_at(std::vector<geo::Track> tracks, const std::optional<geo::UnixTime>& as_of, std::size_t& fixes) {
    for (auto& t : tracks) {
        for (auto& leg : t.legs) {
            if (as_of) std::erase_if(leg.fixes, [&](const geo::Fix& f) { return f.t > *as_of; });
            fixes += leg.fixes.size();
        }
        std::erase_if(t.legs, [](const geo::TrackLeg& l) { return l.fixes.size() < 2; });
    }
    std::erase_if(tracks, [](const geo::Track& t) { return t.legs.empty() || t.planned; });
    return tracks;
}

// The task in `row`, with the segment-hours it planned and achieved there.
void count(ComplianceRow& row, const TaskOutcome& o, double planned_segment_h, double achieved_segment_h) {
    ++row.tasks;
    row.planned_segment_h += planned_segment_h;
    row.achieved_segment_h += achieved_segment_h;
    if (!o.earned) ++row.unjudged;
    else if (*o.earned == TaskStatus::Done) ++row.done;
    else if (*o.earned == TaskStatus::PartlyDone) ++row.partly;
    else ++row.missed;
}

}  // namespace

Reconciliation reconcile_plan(const Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast,
                              const ReconcileOptions& options) {
    Reconciliation r;
    const std::vector<Vessel> fleet = load_fleet(ws);
    Observations obs(coast, plan, known_at(load_tracks(ws), options.as_of, r.fixes), fleet);
    auto of_agency = [&](const std::string& code) {
        return [&book, code](const Vessel& v) {
            const Agency* a = book.find_agency(v.agency);
            return a && a->code == code;
        };
    };
    std::map<std::string, ComplianceRow> agencies, forces;
    std::vector<bool> tasked(coast.segments.size(), false);
    for (const Task* t : book.tasks_of(plan.name)) {
        if (!is_live(t->status)) continue;
        std::string error;
        const auto segments = coast.segments_of(t->stretch, &error);
        if (segments.empty()) continue;
        for (auto i : segments) tasked[i] = true;
        TaskOutcome o;
        o.task = t->id;
        const auto& by_agency = obs.seen_by("agency " + t->agency, of_agency(t->agency));
        const StretchSeen agency_seen = seen_on(coast, segments, by_agency, t->from, t->to);
        const SegmentIntervals* own_seen = &by_agency;
        StretchSeen own = agency_seen;
        std::string judged = "the vessels of " + agency_label(book, t->agency);
        if (!t->asset.empty()) {
            const std::string asset = t->asset;
            auto is_asset = [asset](const Vessel& v) { return v.name == asset; };
            own_seen = &obs.seen_by("vessel " + asset, is_asset);
            own = seen_on(coast, segments, *own_seen, t->from, t->to);
            o.has_tracks = obs.has_fixes(is_asset, t->from, t->to);
            judged = asset;
        } else {
            o.has_tracks = obs.has_fixes(of_agency(t->agency), t->from, t->to);
        }
        o.own_fraction = own.length_m > 0 ? own.observed_m / own.length_m : 0;
        o.agency_fraction = agency_seen.length_m > 0 ? agency_seen.observed_m / agency_seen.length_m : 0;
        o.first_seen = own.first;
        o.last_seen = own.last;
        o.planned_segment_h = static_cast<double>(segments.size()) * (t->to - t->from) / 3600;
        o.achieved_segment_h = own.seconds / 3600;
        if (options.as_of && *options.as_of < t->to) {
            o.note = "window not over at " + geo::format_iso8601(*options.as_of);
        } else if (!o.has_tracks) {
            o.note = "no tracks for " + judged + " in the window";
        } else {
            o.earned = o.own_fraction >= options.done_threshold ? TaskStatus::Done
                       : o.own_fraction > 0                     ? TaskStatus::PartlyDone
                                                                : TaskStatus::Missed;
        }
        ComplianceRow& a = agencies[t->agency];
        a.code = t->agency;
        a.name = agency_label(book, t->agency);
        count(a, o, o.planned_segment_h, o.achieved_segment_h);
        // A stretch across force boundaries counts in each force, with the segment-hours there.
        std::map<int, std::vector<std::uint32_t>> by_force;
        for (auto i : segments) by_force[coast.segments[i].force].push_back(i);
        for (const auto& [force, part] : by_force) {
            ComplianceRow& f = forces[force >= 0 ? coast.forces[force].code : std::string()];
            f.code = force >= 0 ? coast.forces[force].code : std::string();
            f.name = force >= 0 ? coast.forces[force].name : std::string("(no force area)");
            count(f, o, static_cast<double>(part.size()) * (t->to - t->from) / 3600,
                  seen_on(coast, part, *own_seen, t->from, t->to).seconds / 3600);
        }
        r.tasks.push_back(std::move(o));
    }
    const auto& all = obs.seen_by("all", [](const Vessel&) { return true; });
    for (std::size_t i = 0; i < coast.segments.size(); ++i) {
        if (all[i].empty()) continue;
        r.observed_m += coast.segments[i].length_m;
        if (!tasked[i]) r.unplanned_m += coast.segments[i].length_m;
    }
    for (auto& [code, row] : agencies) r.by_agency.push_back(row);
    for (auto& [code, row] : forces) r.by_force.push_back(row);
    return r;
}

Layer reconciliation_layer(const PlanBook& book, const PlanCoast& coast, const Reconciliation& r) {
    Layer l;
    l.name = kReconciliationLayer;
    l.force_multi = true;
    l.empty_kind = geo::GeometryKind::Line;
    l.fields = {{"task_id", FieldType::Integer},   {"agency", FieldType::String},        {"asset", FieldType::String},
                {"planned_status", FieldType::String}, {"earned_status", FieldType::String}, {"own_fraction", FieldType::Real},
                {"agency_fraction", FieldType::Real}, {"first_seen", FieldType::DateTime}, {"last_seen", FieldType::DateTime},
                {"planned_segment_h", FieldType::Real}, {"achieved_segment_h", FieldType::Real}, {"note", FieldType::String}};
    auto time = [](const std::optional<geo::UnixTime>& t) { return t ? Value{geo::format_iso8601(*t)} : Value{}; };
    for (const TaskOutcome& o : r.tasks) {
        const Task* t = book.find_task(o.task);
        if (!t) continue;
        Feature f;
        f.fid = o.task;
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = coast.lines_of(t->stretch);
        f.values = {o.task, t->agency, t->asset, std::string(status_name(t->status)),
                    o.earned ? Value{std::string(status_name(*o.earned))} : Value{}, o.own_fraction, o.agency_fraction,
                    time(o.first_seen), time(o.last_seen), o.planned_segment_h, o.achieved_segment_h, o.note};
        l.features().push_back(std::move(f));
    }
    return l;
}

void store_reconciliation(Workspace& ws, const PlanBook& book, const PlanCoast& coast, const Reconciliation& r) {
    auto& styles = ws.settings["styles"];
    if (!styles.contains(kReconciliationLayer)) {
        Style st = default_style(LayerRole::Generic);
        st.visible = false;
        st.stroke_width_px = 3;
        st.colour_by = "earned_status";
        styles[kReconciliationLayer] = to_json(st);
    }
    ws.put(reconciliation_layer(book, coast, r));
}

std::string apply_earned_statuses(PlanBook& book, const EditContext& ctx, const Reconciliation& r, int* changed) {
    *changed = 0;
    for (const TaskOutcome& o : r.tasks) {
        const Task* t = book.find_task(o.task);
        if (!o.earned || !t || t->status == *o.earned || !status_move_allowed(t->status, *o.earned)) continue;
        if (auto e = set_status(book, ctx, o.task, *o.earned, "reconciled with tracks"); !e.empty()) return e;
        ++*changed;
    }
    return {};
}

}  // namespace tidemark::layers::plan
