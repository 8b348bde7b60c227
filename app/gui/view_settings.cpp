#include "app/gui/view_settings.h"

#include "app/gui/app_state.h"

#include <cmath>

namespace tidemark::gui {
namespace {

geo::Problem view_problem(const AppState& app, const std::string& key, const std::string& reason) {
    geo::Problem p;
    p.source = app.workspace ? app.workspace->path() : std::string();
    p.layer = "tidemark_settings";
    p.feature = std::string(kViewSetting) + "." + key;
    p.reason = reason;
    return p;
}

}  // namespace

nlohmann::json view_to_json(const AppState& app) {
    const layers::ReportFilterText& f = app.report_filter;
    return {{"centre", {app.view.centre.x, app.view.centre.y}},
            {"metres_per_pixel", app.view.metres_per_pixel},
            {"time", geo::format_iso8601(app.time_t)},
            {"legend", app.show_legend},
            {"heat_layer", app.heat_layer},
            {"coverage_as_of", app.coverage_as_of},
            {"full_tracks", app.full_tracks},
            {"report_filter",
             {{"from", f.from}, {"to", f.to}, {"category", f.category}, {"grading", f.grading},
              {"hide_duplicates", f.hide_duplicates}}}};
}

bool restore_view(AppState& app, const nlohmann::json& v, geo::Problems* problems) {
    if (!v.is_object()) {
        if (!v.is_null() && problems)
            problems->push_back(view_problem(app, "", "expected an object of view settings, got " + v.dump()));
        return false;
    }
    auto complain = [&](const std::string& key, const std::string& expected) {
        const std::string got = v.contains(key) ? v[key].dump() : std::string("nothing");
        if (problems) problems->push_back(view_problem(app, key, "expected " + expected + ", got " + got + "; not restored"));
    };
    bool restored = false;
    if (v.contains("centre") || v.contains("metres_per_pixel")) {
        const auto& c = v.value("centre", nlohmann::json());
        const auto& m = v.value("metres_per_pixel", nlohmann::json());
        const bool centre_ok = c.is_array() && c.size() == 2 && c[0].is_number() && c[1].is_number() &&
                               std::isfinite(c[0].get<double>()) && std::isfinite(c[1].get<double>());
        const bool scale_ok = m.is_number() && m.get<double>() >= ViewTransform::kMinMetresPerPixel &&
                              m.get<double>() <= ViewTransform::kMaxMetresPerPixel;
        if (!centre_ok) complain("centre", "[x, y] in the working CRS");
        if (!scale_ok) complain("metres_per_pixel", "metres per pixel between 0.05 and 50000");
        if (centre_ok && scale_ok) {
            app.view.centre = {c[0].get<double>(), c[1].get<double>()};
            app.view.metres_per_pixel = m.get<double>();
            restored = true;
        }
    }
    if (v.contains("time")) {
        const auto t = v["time"].is_string() ? geo::parse_iso8601(v["time"].get<std::string>()) : std::nullopt;
        if (!t) complain("time", "an ISO 8601 time such as 2026-03-05T12:00:00Z");
        else if (*t < app.window_from() || *t > app.window_to()) complain("time", "a time inside the workspace's window");
        else app.time_t = *t;
    }
    for (auto [key, flag] : {std::pair{"legend", &app.show_legend}, std::pair{"heat_layer", &app.heat_layer},
                             std::pair{"coverage_as_of", &app.coverage_as_of}, std::pair{"full_tracks", &app.full_tracks}}) {
        if (!v.contains(key)) continue;
        if (v[key].is_boolean()) *flag = v[key].get<bool>();
        else complain(key, "true or false");
    }
    if (v.contains("report_filter")) {
        const auto& f = v["report_filter"];
        if (!f.is_object()) {
            complain("report_filter", "an object (from, to, category, grading, hide_duplicates)");
        } else {
            layers::ReportFilterText typed;
            for (auto [key, text] : {std::pair{"from", &typed.from}, std::pair{"to", &typed.to},
                                     std::pair{"category", &typed.category}, std::pair{"grading", &typed.grading}})
                if (f.contains(key) && f[key].is_string()) *text = f[key].get<std::string>();
            typed.hide_duplicates = f.contains("hide_duplicates") && f["hide_duplicates"].is_boolean() &&
                                    f["hide_duplicates"].get<bool>();
            app.report_filter = typed;
        }
    }
    return restored;
}

}  // namespace tidemark::gui
