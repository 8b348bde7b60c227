#include "app/render/plan_brief.h"

#include "app/render/attribution.h"
#include "app/render/map_page.h"
#include "geo/duration.h"
#include "geo/length_text.h"
#include "layers/export/export_atomic.h"
#include "layers/plan/plan_check.h"
#include "layers/plan/plan_objectives.h"
#include "layers/reports/reports.h"
#include "layers/style/style.h"
#include "layers/style/style_classes.h"

#include <cairo-pdf.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <memory>

namespace tidemark::render {
namespace {

using namespace layers::plan;

constexpr double kPageW = 842, kPageH = 595;  // A4 landscape, points
constexpr double kMargin = 40;

std::string short_time(geo::UnixTime t) {
    std::string s = geo::format_iso8601(t);
    return s.size() >= 16 ? s.substr(0, 10) + " " + s.substr(11, 5) + "Z" : s;
}

std::string km(double m) { return geo::format_km(m); }


// Text pages: a running y, a new page (with marking and footer) when the next line does not fit.
class TextPages {
public:
    TextPages(cairo_t* cr, std::string marking, std::string footer)
        : cr_(cr), marking_(std::move(marking)), footer_(std::move(footer)) {}
    void start() {
        y_ = kMargin + 20;
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_paint(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
        if (!marking_.empty()) {
            centred(marking_, 16, true);
            centred_at(marking_, kPageH - 14, true);
        }
        cairo_select_font_face(cr_, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, 7);
        cairo_move_to(cr_, kMargin, kPageH - 28);
        cairo_show_text(cr_, footer_.c_str());
        started_ = true;
    }
    void heading(const std::string& text) {
        need(30);
        y_ += 10;
        write(kMargin, text, 12, true);
        y_ += 16;
    }
    void line(const std::string& text, double size = 9, bool bold = false) {
        need(size + 4);
        write(kMargin, text, size, bold);
        y_ += size + 4;
    }
    // One table row: cells at the given x offsets from the margin.
    void row(const std::vector<std::string>& cells, const std::vector<double>& x, bool bold = false) {
        need(12);
        for (std::size_t i = 0; i < cells.size() && i < x.size(); ++i) write(kMargin + x[i], cells[i], 8, bold);
        y_ += 11;
    }
    void finish() {
        if (started_) cairo_show_page(cr_);
        started_ = false;
    }

private:
    void need(double h) {
        if (!started_) start();
        if (y_ + h > kPageH - 40) {
            finish();
            start();
        }
    }
    void write(double x, const std::string& text, double size, bool bold) {
        cairo_select_font_face(cr_, "sans-serif", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, size);
        cairo_move_to(cr_, x, y_);
        cairo_show_text(cr_, text.c_str());
    }
    void centred(const std::string& text, double y, bool bold) { centred_at(text, y, bold); }
    void centred_at(const std::string& text, double y, bool bold) {
        cairo_select_font_face(cr_, "sans-serif", CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
        cairo_set_font_size(cr_, 10);
        cairo_text_extents_t e;
        cairo_text_extents(cr_, text.c_str(), &e);
        cairo_set_source_rgb(cr_, 0.7, 0, 0);
        cairo_move_to(cr_, (kPageW - e.width) / 2, y);
        cairo_show_text(cr_, text.c_str());
        cairo_set_source_rgb(cr_, 0, 0, 0);
    }

    cairo_t* cr_;
    std::string marking_, footer_;
    double y_ = 0;
    bool started_ = false;
};

// The map page's workspace: the agency's lead coast and tasks as layers of their own, tracks
// and other plan layers hidden so the page reads as the agency's stretch.
layers::Workspace map_workspace(const layers::Workspace& ws, const PlanBook& book, const Plan& plan, const PlanCoast& coast,
                                const std::string& code, geo::Box& extent) {
    layers::Workspace view = ws;
    const Agency* agency = book.find_agency(code);
    auto line_layer = [](const char* name, const char* attribution) {
        layers::Layer l;
        l.name = name;
        l.attribution = attribution;
        l.force_multi = true;
        l.empty_kind = geo::GeometryKind::Line;
        return l;
    };
    layers::Layer lead = line_layer("lead_coast", "");
    std::vector<bool> leads(coast.segments.size(), false);
    for (std::size_t i = 0; i < coast.segments.size() && i < plan.lead.size(); ++i) leads[i] = plan.lead[i] == code;
    for (Stretch s : coast.runs(leads)) {
        layers::Feature f;
        f.fid = static_cast<std::int64_t>(lead.features().size() + 1);
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = coast.lines_of(s);
        for (const auto& l : f.geometry.lines) extent.expand(geo::bounds_of(l));
        lead.features().push_back(std::move(f));
    }
    layers::Layer tasks = line_layer("agency_tasks", "");
    for (const Task* t : book.tasks_of(plan.name)) {
        if (t->agency != code || !is_live(t->status)) continue;
        layers::Feature f;
        f.fid = t->id;
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = coast.lines_of(t->stretch);
        for (const auto& l : f.geometry.lines) extent.expand(geo::bounds_of(l));
        tasks.features().push_back(std::move(f));
    }
    auto& styles = view.settings["styles"];
    for (const layers::Layer& l : view.layers) {
        const bool hide = l.role == layers::LayerRole::Tracks || l.role == layers::LayerRole::TrackLegs ||
                          l.role == layers::LayerRole::Segments || l.role == layers::LayerRole::Table ||
                          l.name.rfind("plan_", 0) == 0 || l.name.rfind("forecast_", 0) == 0;
        if (!hide) continue;
        layers::Style s = layers::style_for(view.settings, l);
        s.visible = false;
        styles[l.name] = layers::to_json(s);
    }
    layers::Style lead_style = layers::default_style(layers::LayerRole::Generic);
    lead_style.stroke = layers::parse_hex_rgb(agency ? agency->colour : "").value_or(layers::Rgba{0.3f, 0.3f, 0.3f, 1});
    lead_style.stroke_width_px = 3;
    styles["lead_coast"] = layers::to_json(lead_style);
    layers::Style task_style = layers::default_style(layers::LayerRole::Generic);
    task_style.stroke = {0.05f, 0.05f, 0.05f, 0.8f};
    task_style.stroke_width_px = 6;
    styles["agency_tasks"] = layers::to_json(task_style);
    view.put(std::move(lead));
    view.put(std::move(tasks));
    return view;
}

struct ReportOnCoast {
    const layers::Report* report;
    std::uint32_t segment;
};

// Graded reports of the last coverage window attached (nearest segment within 5 km) to the agency's lead coast.
std::vector<ReportOnCoast> reports_on_coast(const std::vector<layers::Report>& reports, const PlanCoast& coast,
                                            const Plan& plan, const std::string& code, const LastGaps& last) {
    std::vector<geo::Box> boxes;
    for (const auto& s : coast.segments) boxes.push_back(s.box);
    const geo::SpatialIndex index(boxes);
    std::vector<ReportOnCoast> out;
    for (const auto& r : reports) {
        const bool recent = last.ok ? r.observed_at >= last.from && r.observed_at < last.to : true;
        if (!recent || r.possible_duplicate || r.source_evaluation == 0 || r.assessment == 0) continue;
        const auto s = index.nearest(r.position, [&](std::uint32_t id) { return geo::distance_to_path(r.position, coast.segments[id].path); },
                                     geo::kNearM);
        if (s >= 0 && static_cast<std::size_t>(s) < plan.lead.size() && plan.lead[s] == code)
            out.push_back({&r, static_cast<std::uint32_t>(s)});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.report->observed_at > b.report->observed_at; });
    return out;
}

void write_text_pages(TextPages& pages, const layers::Workspace& ws, const PlanBook& book, const Plan& plan,
                      const PlanCoast& coast, const std::string& code, const Forecast* forecast) {
    const std::string label = agency_label(book, code);
    double lead_m = 0, support_m = 0;
    for (std::size_t i = 0; i < coast.segments.size() && i < plan.lead.size(); ++i) {
        if (plan.lead[i] == code) lead_m += coast.segments[i].length_m;
        else if (std::find(plan.support[i].begin(), plan.support[i].end(), code) != plan.support[i].end())
            support_m += coast.segments[i].length_m;
    }
    pages.heading("Joint plan '" + plan.name + "': " + label);
    pages.line("Plan period " + short_time(plan.from) + " to " + short_time(plan.to) + " (" +
               geo::format_duration(plan.to - plan.from) + "); default revisit objective " + geo::format_duration(plan.revisit_s));
    pages.line("Leads " + km(lead_m) + " of coast; supports on a further " + km(support_m) + ".");

    pages.heading("Tasks");
    const std::vector<double> cols{0, 30, 200, 270, 400, 480, 560, 610};
    pages.row({"id", "window (UTC)", "duration", "asset", "kind", "segments", "km", "status"}, cols, true);
    int n = 0;
    for (const Task* t : book.tasks_of(plan.name)) {
        if (t->agency != code) continue;
        char len[32];
        std::snprintf(len, sizeof len, "%.1f", coast.length_of(t->stretch) / 1000);
        pages.row({std::to_string(t->id), short_time(t->from) + " – " + short_time(t->to), geo::format_duration(t->to - t->from),
                   t->asset.empty() ? "-" : t->asset.substr(0, 24), kind_name(t->kind), format_stretch(t->stretch), len,
                   status_name(t->status)},
                  cols);
        if (!t->notes.empty()) pages.line("      " + t->notes.substr(0, 140), 7);
        ++n;
    }
    if (n == 0) pages.line("No tasks for this agency in the plan.");

    pages.heading("Objectives on its coast");
    const SegmentObjectives obj = segment_objectives(plan, coast);
    n = 0;
    for (const Objective& o : plan.objectives) {
        std::string error;
        const auto segs = coast.segments_of(o.stretch, &error);
        if (segs.empty() || plan.lead[segs.front()] != code) continue;
        pages.line("Segments " + format_stretch(o.stretch) + " (" + km(coast.length_of(o.stretch)) + "): " +
                   (o.revisit_s > 0 ? "revisit within " + geo::format_duration(o.revisit_s) : std::string("no target")) +
                   (o.reason.empty() ? "" : " — " + o.reason.substr(0, 110)) +
                   (o.risk_accepted.empty() ? "" : "; RISK ACCEPTED: " + o.risk_accepted.substr(0, 80)));
        ++n;
    }
    if (n == 0) pages.line("The plan's default: every stretch revisited within " + geo::format_duration(plan.revisit_s) + ".");

    const LastGaps last = last_period_gaps(ws, coast);
    pages.heading("Last period's gaps on its coast");
    if (!last.ok) {
        pages.line("Not known: " + last.why);
    } else {
        pages.line("Coverage window " + short_time(last.from) + " to " + short_time(last.to) + ", revisit target " +
                   geo::format_duration(last.revisit_s) + "; highest risk first.");
        std::vector<const geo::Gap*> gaps;
        for (const auto& g : last.analysis.gaps)
            if (!g.segments.empty() && plan.lead[g.segments.front()] == code) gaps.push_back(&g);
        std::sort(gaps.begin(), gaps.end(), [](auto* a, auto* b) { return a->risk > b->risk; });
        const std::vector<double> gc{0, 90, 160, 260, 320, 400};
        pages.row({"segments", "length", "unwatched up to", "ports", "reports", "risk"}, gc, true);
        for (std::size_t i = 0; i < gaps.size() && i < 15; ++i) {
            const geo::Gap& g = *gaps[i];
            char rep[16], risk[16];
            std::snprintf(rep, sizeof rep, "%.1f", g.reports);
            std::snprintf(risk, sizeof risk, "%.1f", g.risk);
            pages.row({format_stretch({g.segments.front(), g.segments.back()}), km(g.length_m), geo::format_duration(g.worst_gap_s),
                       std::to_string(g.ports), rep, risk},
                      gc);
        }
        if (gaps.size() > 15) pages.line(std::to_string(gaps.size() - 15) + " more gaps of lower risk (see `tidemark plan check`).", 8);
        if (gaps.empty()) pages.line("None: its coast met the target.");
    }

    pages.heading("Recent graded Project Kraken reports on its coast");
    const auto reports = layers::load_reports(ws);
    const auto on_coast = reports_on_coast(reports, coast, plan, code, last);
    const std::vector<double> rc{0, 110, 210, 250, 320};
    if (on_coast.empty()) pages.line("None in the last coverage window.");
    else pages.row({"observed (UTC)", "category", "grading", "segment", "report"}, rc, true);
    for (std::size_t i = 0; i < on_coast.size() && i < 25; ++i) {
        const layers::Report& r = *on_coast[i].report;
        const std::string grading = std::to_string(r.source_evaluation) + std::string(1, r.assessment) +
                                    (r.handling ? std::string(1, r.handling) : std::string());
        pages.row({short_time(r.observed_at), r.category, grading, std::to_string(on_coast[i].segment),
                   r.report_id + (r.synthetic ? " (synthetic)" : "")},
                  rc);
    }

    pages.heading("Forecast against its objectives");
    if (!forecast || !forecast->run.ok) {
        pages.line("No forecast: run `tidemark plan forecast WS --plan '" + plan.name + "'` (needs routed tasks).");
        return;
    }
    for (const auto& r : forecast->by_agency)
        if (r.code == code) {
            char buf[200];
            std::snprintf(buf, sizeof buf, "Of %.1f km it leads, %.1f km (%.1f %%) is forecast to meet its objective with the plan's %zu routed task(s).",
                          r.coast_m / 1000, r.met_m / 1000, r.pct(), forecast->routed.size());
            pages.line(buf);
        }
    pages.line("Forecast gaps across the whole coast: " + std::to_string(forecast->run.gaps.gaps.size()) + ".");
}

}  // namespace

bool write_plan_brief(const layers::Workspace& ws, const PlanBook& book, const Plan& plan, const std::string& agency_code,
                      const Forecast* forecast, const BriefOptions& options, const std::string& path, std::string* error) {
    const Agency* agency = book.find_agency(agency_code);
    if (!agency) {
        *error = "agency '" + agency_code + "' is not a known agency (see `tidemark plan agency list`)";
        return false;
    }
    geo::Problems problems;
    const PlanCoast coast = plan_coast(ws, plan.segment_m, problems);
    if (coast.segments.size() != plan.segment_count) {
        *error = "plan '" + plan.name + "' was made on another coastline than the workspace's now";
        return false;
    }
    const std::string code = agency->code;
    geo::Box extent;
    const layers::Workspace view = map_workspace(ws, book, plan, coast, code, extent);
    const geo::UnixTime now = options.generated_at.value_or(static_cast<double>(std::time(nullptr)));

    RenderOptions ro;
    ro.width_px = static_cast<int>(kPageW);
    ro.height_px = static_cast<int>(kPageH);
    ro.dpi = 72;
    ro.title = "Joint plan '" + plan.name + "': " + agency_label(book, code);
    ro.marking = options.marking;
    ro.generated_at = now;
    if (!extent.empty()) {
        const double margin = std::max({extent.width(), extent.height(), 20000.0}) * 0.15;
        ro.bbox = extent.grown(margin);
    }
    const MapScene scene = build_scene(view, std::nullopt);
    std::vector<const layers::Layer*> shown;
    for (const auto& d : scene.layers) shown.push_back(d.layer);
    std::string footer = "As of " + short_time(now) + " · Tidemark 0.1.0";
    for (const auto& a : attributions(shown)) footer += " · " + a;

    return layers::produce_file_atomically(path, [&](const std::string& temp, std::string* why) {
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> pdf(cairo_pdf_surface_create(temp.c_str(), kPageW, kPageH),
                                                                                &cairo_surface_destroy);
        cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_TITLE, ro.title.c_str());
        cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_CREATOR, "Tidemark 0.1.0");
        if (!draw_map_page(pdf.get(), view, scene, ro, 1.0, kPageW, kPageH, why)) return false;
        std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(pdf.get()), &cairo_destroy);
        TextPages pages(cr.get(), options.marking, footer);
        write_text_pages(pages, ws, book, plan, coast, code, forecast);
        pages.finish();
        cr.reset();
        cairo_surface_finish(pdf.get());
        if (cairo_surface_status(pdf.get()) != CAIRO_STATUS_SUCCESS) {
            *why = std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(pdf.get()));
            return false;
        }
        return true;
    }, error);
}

}  // namespace tidemark::render
