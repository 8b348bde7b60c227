#include "layers/plan/plan_store.h"

#include "layers/plan/plan_coast.h"
#include "layers/plan/plan_lines.h"
#include "layers/style/style.h"
#include "layers/workspace.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>

namespace tidemark::layers::plan {
namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string s;
    for (const auto& i : items) s += (s.empty() ? "" : ";") + i;
    return s;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        std::string part = text.substr(start, end - start);
        while (!part.empty() && part.front() == ' ') part.erase(part.begin());
        while (!part.empty() && part.back() == ' ') part.pop_back();
        if (!part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}

Value time_value(geo::UnixTime t) { return t > 0 ? Value{geo::format_iso8601(t)} : Value{}; }

// Reads one row's fields by name, collecting what is missing or wrong as problems.
class RowReader {
public:
    RowReader(const Workspace& ws, const Layer& l, const Feature& f, geo::Problems& problems)
        : ws_(ws), layer_(l), f_(f), problems_(problems) {}
    std::string text(const char* field) const { return to_string(layer_.value(f_, field)); }
    double number(const char* field, double fallback) const {
        return to_number(layer_.value(f_, field)).value_or(fallback);
    }
    std::string required_text(const char* field) {
        std::string s = text(field);
        if (s.empty()) fail(field, "is empty; expected a value");
        return s;
    }
    double required_number(const char* field) {
        auto v = to_number(layer_.value(f_, field));
        if (!v || !std::isfinite(*v)) {
            fail(field, "is not a number");
            return 0;
        }
        return *v;
    }
    geo::UnixTime time(const char* field, bool required) {
        const std::string s = text(field);
        if (s.empty() && !required) return 0;
        auto t = geo::parse_iso8601(s);
        if (!t) fail(field, "'" + s + "' is not an ISO 8601 time");
        return t.value_or(0);
    }
    void fail(const char* field, const std::string& reason) {
        geo::Problem p;
        p.severity = geo::Problem::Severity::Error;
        p.source = ws_.path();
        p.layer = layer_.name;
        p.feature = std::to_string(f_.fid);
        p.reason = std::string("field ") + field + " " + reason + "; the row is left out";
        problems_.push_back(std::move(p));
        ok = false;
    }
    bool ok = true;

private:
    const Workspace& ws_;
    const Layer& layer_;
    const Feature& f_;
    geo::Problems& problems_;
};

std::string route_json(const Task& t) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& w : t.route) j.push_back({w.p.x, w.p.y, w.loiter_min});
    return t.route.empty() ? std::string() : j.dump();
}

bool parse_route(const std::string& text, std::vector<PlannedWaypoint>& route) {
    if (text.empty()) return true;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return false;
    for (const auto& w : j) {
        if (!w.is_array() || w.size() < 2 || !w[0].is_number() || !w[1].is_number()) return false;
        PlannedWaypoint p;
        p.p = {w[0].get<double>(), w[1].get<double>()};
        if (w.size() > 2 && w[2].is_number()) p.loiter_min = w[2].get<double>();
        route.push_back(p);
    }
    return true;
}

Layer agencies_layer(const PlanBook& book) {
    Layer l;
    l.name = kAgenciesLayer;
    l.role = LayerRole::Table;
    l.fields = {{"code", FieldType::String}, {"name", FieldType::String}, {"kind", FieldType::String},
                {"colour", FieldType::String}, {"version", FieldType::Integer}};
    std::int64_t fid = 0;
    for (const Agency& a : book.agencies) {
        Feature f;
        f.fid = ++fid;
        f.values = {a.code, a.name, std::string(kind_name(a.kind)), a.colour, a.version};
        l.features().push_back(std::move(f));
    }
    return l;
}

Layer plans_layer(const PlanBook& book) {
    Layer l;
    l.name = kPlansLayer;
    l.role = LayerRole::Table;
    l.fields = {{"name", FieldType::String},       {"period_from", FieldType::DateTime}, {"period_to", FieldType::DateTime},
                {"segment_m", FieldType::Real},    {"segment_count", FieldType::Integer}, {"revisit_s", FieldType::Real},
                {"created_by", FieldType::String}, {"created_at", FieldType::DateTime},  {"updated_by", FieldType::String},
                {"updated_at", FieldType::DateTime}, {"version", FieldType::Integer}};
    std::int64_t fid = 0;
    for (const Plan& p : book.plans) {
        Feature f;
        f.fid = ++fid;
        f.values = {p.name, time_value(p.from), time_value(p.to), p.segment_m, static_cast<std::int64_t>(p.segment_count),
                    p.revisit_s, p.created_by, time_value(p.created_at), p.updated_by, time_value(p.updated_at),
                    p.version};
        l.features().push_back(std::move(f));
    }
    return l;
}

}  // namespace

Feature line_feature(const std::vector<geo::Path>& lines, std::vector<Value> values, std::int64_t fid) {
    Feature f;
    f.fid = fid;
    if (!lines.empty()) {
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = lines;
    }
    f.values = std::move(values);
    return f;
}

Layer lines_layer(const char* name, std::vector<Field> fields) {
    Layer l;
    l.name = name;
    l.role = LayerRole::Generic;
    l.force_multi = true;
    l.empty_kind = geo::GeometryKind::Line;
    l.fields = std::move(fields);
    return l;
}


PlanBook load_plan_book(const Workspace& ws, geo::Problems& problems) {
    PlanBook book;
    if (const Layer* l = ws.find(kAgenciesLayer))
        for (const Feature& f : l->features()) {
            RowReader r(ws, *l, f, problems);
            Agency a;
            a.code = r.required_text("code");
            a.name = r.text("name");
            if (a.name.empty()) a.name = a.code;
            a.kind = agency_kind_from_name(r.text("kind")).value_or(AgencyKind::Other);
            a.colour = r.text("colour");
            a.version = static_cast<std::int64_t>(r.number("version", 1));
            if (r.ok) book.agencies.push_back(std::move(a));
        }
    if (const Layer* l = ws.find(kPlansLayer))
        for (const Feature& f : l->features()) {
            RowReader r(ws, *l, f, problems);
            Plan p;
            p.name = r.required_text("name");
            p.from = r.time("period_from", true);
            p.to = r.time("period_to", true);
            p.segment_m = r.required_number("segment_m");
            const double count = r.required_number("segment_count");
            if (r.ok && (count < 0 || count > 50'000'000)) r.fail("segment_count", "is out of range");
            p.segment_count = static_cast<std::uint32_t>(count);
            p.revisit_s = r.number("revisit_s", p.revisit_s);
            p.created_by = r.text("created_by");
            p.created_at = r.time("created_at", false);
            p.updated_by = r.text("updated_by");
            p.updated_at = r.time("updated_at", false);
            p.version = static_cast<std::int64_t>(r.number("version", 1));
            if (!r.ok) continue;
            p.lead.assign(p.segment_count, std::string());
            p.support.assign(p.segment_count, {});
            book.plans.push_back(std::move(p));
        }
    if (const Layer* l = ws.find(kResponsibilityLayer))
        for (const Feature& f : l->features()) {
            RowReader r(ws, *l, f, problems);
            Plan* p = book.find_plan(r.text("plan"));
            if (!p) {
                r.fail("plan", "'" + r.text("plan") + "' names no plan in table " + kPlansLayer);
                continue;
            }
            const double from = r.required_number("from_segment"), to = r.required_number("to_segment");
            if (r.ok && (from < 0 || to < from || to >= p->segment_count)) r.fail("to_segment", "is outside the plan's segments");
            if (!r.ok) continue;
            const std::string lead = r.text("lead_agency");
            const auto support = split(r.text("supporting"));
            for (auto i = static_cast<std::size_t>(from); i <= static_cast<std::size_t>(to); ++i) {
                p->lead[i] = lead;
                p->support[i] = support;
            }
        }
    if (const Layer* l = ws.find(kObjectivesLayer))
        for (const Feature& f : l->features()) {
            RowReader r(ws, *l, f, problems);
            Plan* p = book.find_plan(r.text("plan"));
            if (!p) {
                r.fail("plan", "'" + r.text("plan") + "' names no plan in table " + kPlansLayer);
                continue;
            }
            Objective o;
            o.stretch = {static_cast<std::uint32_t>(r.required_number("from_segment")),
                         static_cast<std::uint32_t>(r.required_number("to_segment"))};
            o.revisit_s = r.number("revisit_s", 0);
            o.reason = r.text("reason");
            o.risk_accepted = r.text("risk_accepted");
            if (r.ok) p->objectives.push_back(std::move(o));
        }
    if (const Layer* l = ws.find(kTasksLayer))
        for (const Feature& f : l->features()) {
            RowReader r(ws, *l, f, problems);
            Task t;
            t.id = static_cast<std::int64_t>(r.required_number("task_id"));
            t.plan = r.required_text("plan");
            t.agency = r.required_text("agency");
            t.asset = r.text("asset");
            auto kind = task_kind_from_name(r.text("kind"));
            if (!kind) r.fail("kind", "'" + r.text("kind") + "' is not sea_patrol, shore_patrol, surveillance or report_response");
            t.kind = kind.value_or(TaskKind::SeaPatrol);
            t.stretch = {static_cast<std::uint32_t>(r.required_number("from_segment")),
                         static_cast<std::uint32_t>(r.required_number("to_segment"))};
            t.from = r.time("window_from", true);
            t.to = r.time("window_to", true);
            if (!parse_route(r.text("route"), t.route)) r.fail("route", "is not a JSON array of [x, y, loiter_min]");
            t.route_speed_kn = r.number("route_speed_kn", 0);
            auto status = task_status_from_name(r.text("status"));
            if (!status) r.fail("status", "'" + r.text("status") + "' is not a task status");
            t.status = status.value_or(TaskStatus::Proposed);
            t.notes = r.text("notes");
            t.reports = split(r.text("reports"));
            t.created_by = r.text("created_by");
            t.created_at = r.time("created_at", false);
            t.updated_by = r.text("updated_by");
            t.updated_at = r.time("updated_at", false);
            t.version = static_cast<std::int64_t>(r.number("version", 1));
            if (r.ok) book.tasks.push_back(std::move(t));
        }
    return book;
}

void store_plan_book(Workspace& ws, const PlanBook& book) {
    std::map<double, PlanCoast> coasts;  // by segment length
    auto coast_for = [&](const Plan& p) -> const PlanCoast& {
        auto it = coasts.find(p.segment_m);
        if (it == coasts.end()) {
            geo::Problems ignored;  // a workspace without a coastline stores rows without geometry
            it = coasts.emplace(p.segment_m, plan_coast(ws, p.segment_m, ignored)).first;
        }
        return it->second;
    };
    auto name_of = [&](const std::string& code) -> Value {
        const Agency* a = book.find_agency(code);
        return a ? Value{a->name} : Value{};
    };
    auto colour_of = [&](const std::string& code) -> Value {
        const Agency* a = book.find_agency(code);
        return a && !a->colour.empty() ? Value{a->colour} : Value{};
    };

    Layer resp = lines_layer(kResponsibilityLayer, {{"plan", FieldType::String},        {"from_segment", FieldType::Integer},
                                                    {"to_segment", FieldType::Integer}, {"lead_agency", FieldType::String},
                                                    {"lead_agency_label", FieldType::String},
                                                    {"lead_agency_colour", FieldType::String},
                                                    {"supporting", FieldType::String},
                                                    {"length_m", FieldType::Real}});
    Layer objectives = lines_layer(kObjectivesLayer, {{"plan", FieldType::String},        {"from_segment", FieldType::Integer},
                                                      {"to_segment", FieldType::Integer}, {"revisit_s", FieldType::Real},
                                                      {"reason", FieldType::String},      {"risk_accepted", FieldType::String},
                                                      {"length_m", FieldType::Real}});
    Layer tasks = lines_layer(kTasksLayer, {{"task_id", FieldType::Integer},       {"plan", FieldType::String},
                                            {"agency", FieldType::String},         {"agency_label", FieldType::String},
                                            {"agency_colour", FieldType::String},
                                            {"asset", FieldType::String},          {"kind", FieldType::String},
                                            {"from_segment", FieldType::Integer},  {"to_segment", FieldType::Integer},
                                            {"length_m", FieldType::Real},         {"window_from", FieldType::DateTime},
                                            {"window_to", FieldType::DateTime},    {"status", FieldType::String},
                                            {"notes", FieldType::String},          {"reports", FieldType::String},
                                            {"route", FieldType::String},          {"route_speed_kn", FieldType::Real},
                                            {"created_by", FieldType::String},     {"created_at", FieldType::DateTime},
                                            {"updated_by", FieldType::String},     {"updated_at", FieldType::DateTime},
                                            {"version", FieldType::Integer}});
    // Keyed by task id with a version per task: a team workspace saves tasks row by row, so people
    // editing different tasks, or different fields of one task, do not conflict.
    tasks.row_versions = true;
    for (const Plan& p : book.plans) {
        const PlanCoast& coast = coast_for(p);
        const bool same_coast = coast.segments.size() == p.segment_count;
        // Runs of segments with the same lead and supporting agencies, never across two lines.
        for (std::uint32_t i = 0; i < p.segment_count;) {
            std::uint32_t j = i;
            while (j + 1 < p.segment_count && p.lead[j + 1] == p.lead[i] && p.support[j + 1] == p.support[i] &&
                   (!same_coast || coast.segments[j + 1].line_id == coast.segments[i].line_id))
                ++j;
            const Stretch s{i, j};
            resp.features().push_back(line_feature(
                same_coast ? coast.lines_of(s) : std::vector<geo::Path>{},
                {p.name, static_cast<std::int64_t>(i), static_cast<std::int64_t>(j), p.lead[i], name_of(p.lead[i]),
                 colour_of(p.lead[i]), joined(p.support[i]), same_coast ? Value{coast.length_of(s)} : Value{}},
                static_cast<std::int64_t>(resp.features().size() + 1)));
            i = j + 1;
        }
        for (const Objective& o : p.objectives)
            objectives.features().push_back(line_feature(
                same_coast ? coast.lines_of(o.stretch) : std::vector<geo::Path>{},
                {p.name, static_cast<std::int64_t>(o.stretch.from), static_cast<std::int64_t>(o.stretch.to),
                 o.revisit_s > 0 ? Value{o.revisit_s} : Value{}, o.reason, o.risk_accepted,
                 same_coast ? Value{coast.length_of(o.stretch)} : Value{}},
                static_cast<std::int64_t>(objectives.features().size() + 1)));
    }
    for (const Task& t : book.tasks) {
        const Plan* p = book.find_plan(t.plan);
        const PlanCoast* coast = p ? &coast_for(*p) : nullptr;
        const bool same_coast = coast && coast->segments.size() == p->segment_count;
        tasks.features().push_back(line_feature(
            same_coast ? coast->lines_of(t.stretch) : std::vector<geo::Path>{},
            {t.id, t.plan, t.agency, name_of(t.agency), colour_of(t.agency), t.asset, std::string(kind_name(t.kind)),
             static_cast<std::int64_t>(t.stretch.from), static_cast<std::int64_t>(t.stretch.to),
             same_coast ? Value{coast->length_of(t.stretch)} : Value{}, time_value(t.from), time_value(t.to),
             std::string(status_name(t.status)), t.notes, joined(t.reports), route_json(t), t.route_speed_kn,
             t.created_by, time_value(t.created_at), t.updated_by, time_value(t.updated_at), t.version},
            t.id));
    }
    // Plan lines sit on the coast: hidden until asked for (the app's plan view, a brief), so a
    // coverage map stays readable; a style the user saved is kept.
    auto& styles = ws.settings["styles"];
    for (const auto& [layer, colour_by] : {std::pair{kResponsibilityLayer, "lead_agency"}, std::pair{kObjectivesLayer, ""},
                                           std::pair{kTasksLayer, "agency"}})
        if (!styles.contains(layer)) {
            Style st = default_style(LayerRole::Generic);
            st.visible = false;
            st.stroke_width_px = 3;
            st.colour_by = colour_by;
            styles[layer] = to_json(st);
        }
    ws.put(agencies_layer(book));
    ws.put(plans_layer(book));
    ws.put(std::move(resp));
    ws.put(std::move(objectives));
    ws.put(std::move(tasks));
}

}  // namespace tidemark::layers::plan
