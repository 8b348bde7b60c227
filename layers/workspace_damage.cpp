#include "layers/workspace_damage.h"

#include "geo/coast_segments.h"
#include "geo/sensor_range.h"
#include "layers/tracks/fleet.h"
#include "layers/reports/report_store.h"
#include "layers/reports/reports.h"
#include "layers/tracks/track_store.h"
#include "layers/workspace.h"
#include "layers/store/workspace_store.h"

#include <cmath>
#include <cstdio>

namespace tidemark::layers {
namespace {

// The tolerance between a fix's ISO time and its exact unix_time: the ISO text is written
// from unix_time, rounded to the millisecond at most.
constexpr double kTimeAgreementS = 1.0;

std::string number_text(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

class Finder {
public:
    Finder(const Workspace& ws, WorkspaceDamage& out) : ws_(ws), out_(out) {}

    void row(const Layer& layer, const Feature& f, const std::string& field, const std::string& reason) {
        const bool first = out_.rows[layer.name].insert(f.fid).second;
        (void)first;  // a row with two damaged fields is one row, named twice
        push(layer.name, std::to_string(f.fid), "field " + field + ": " + reason);
    }
    void setting(const std::string& key, const std::string& reason) {
        ++out_.settings;
        push(kSettingsTable, key, reason);
    }

    // A time value: empty when fine, else what is wrong with it.
    static std::string time_problem(const std::optional<double>& t, const std::string& text) {
        if (!t) return text.empty() ? "NULL; expected a time" : "'" + text + "' is not an ISO 8601 time";
        if (!std::isfinite(*t) || !geo::plausible_time(*t))
            return (text.empty() ? number_text(*t) : text) + " refused; " + geo::kPlausibleTimeText;
        return {};
    }

    void track_points(const Layer& l) {
        for (const Feature& f : l.features()) {
            if (f.geometry.points.empty()) row(l, f, "geom", "no point; a fix needs a position");
            const Value& unix_value = l.value(f, "unix_time");
            const std::string text = to_string(l.value(f, "time"));
            const auto parsed = text.empty() ? std::nullopt : geo::parse_iso8601(text);
            if (auto seconds = to_number(unix_value)) {
                if (auto why = time_problem(seconds, {}); !why.empty()) {
                    row(l, f, "unix_time", why);
                } else if (parsed && std::fabs(*parsed - *seconds) > kTimeAgreementS) {
                    row(l, f, "time", "'" + text + "' contradicts unix_time " + number_text(*seconds) + " (" +
                                          geo::format_iso8601(*seconds) + ") of the same fix");
                }
            } else if (auto why = time_problem(parsed, text); !why.empty()) {
                row(l, f, "time", why + (text.empty() ? " (unix_time is NULL too)" : " and unix_time is NULL"));
            }
        }
    }

    // A packed leg (track_store.h) is one row: damage anywhere in it names that row and field.
    void track_legs(const Layer& l) {
        std::string field, why;
        for (const Feature& f : l.features()) {
            const auto leg = decode_leg(l, f, &field, &why);
            if (!leg) {
                row(l, f, field, why);
                continue;
            }
            for (const geo::Fix& fix : leg->fixes)
                if (auto bad = time_problem(fix.t, {}); !bad.empty()) {
                    row(l, f, kFixTimesField, bad);
                    break;
                }
        }
    }

    void fleet(const Layer& l) {
        for (const Feature& f : l.features()) {
            const auto height = to_number(l.value(f, "antenna_height_m"));
            if (!height)
                row(l, f, "antenna_height_m", "NULL; expected the antenna's height above the sea in metres");
            else if (!std::isfinite(*height) || *height < 0 || geo::radar_horizon_nm(*height) > geo::kMaxSensorRangeNm)
                row(l, f, "antenna_height_m", number_text(*height) + " m gives no possible radar horizon; expected 0 to " +
                                                  "about 1,900 m (a horizon of at most 100 nautical miles)");
            for (const char* field : {"radar_range_nm", "visual_range_nm"}) {
                const Value& v = l.value(f, field);
                if (std::holds_alternative<std::monostate>(v)) continue;  // unknown: the horizon alone
                const auto nm = to_number(v);
                if (!nm || !std::isfinite(*nm) || *nm < 0 || *nm > geo::kMaxSensorRangeNm)
                    row(l, f, field, (nm ? number_text(*nm) : "'" + to_string(v) + "'") +
                                         " is not a sensor range; expected 0 to 100 nautical miles");
            }
        }
    }

    void reports(const Layer& l) {
        namespace col = report_columns;
        for (const Feature& f : l.features()) {
            if (f.geometry.points.empty()) row(l, f, "geom", "no point; a report needs a position");
            const std::string reported = to_string(l.value(f, col::kReportedAt));
            if (auto why = time_problem(geo::parse_iso8601(reported), reported); !why.empty())
                row(l, f, col::kReportedAt, why);
            const std::string observed = to_string(l.value(f, col::kObservedAt));
            if (observed.empty()) continue;  // unknown: the report time stands in
            if (auto why = time_problem(geo::parse_iso8601(observed), observed); !why.empty())
                row(l, f, col::kObservedAt, why);
        }
    }

    void window() {
        const auto& from = ws_.window_from;
        const auto& to = ws_.window_to;
        for (auto [t, key] : {std::pair{from, "window_from"}, std::pair{to, "window_to"}})
            if (t && (!std::isfinite(*t) || !geo::plausible_time(*t))) {
                out_.window = true;
                setting(key, number_text(*t) + " refused; " + geo::kPlausibleTimeText);
            }
        if (!out_.window && from && to && !(*to > *from)) {
            out_.window = true;
            setting("window_from", "window_from " + geo::format_iso8601(*from) + " contradicts window_to " +
                                       geo::format_iso8601(*to) + ": the window ends before it starts");
        }
    }

    void coverage_settings() {
        const nlohmann::json& s = ws_.settings;
        if (!s.is_object() || !s.contains("coverage") || !s["coverage"].is_object()) return;
        const nlohmann::json& c = s["coverage"];
        auto number = [&](const char* key) -> std::optional<double> {
            if (!c.contains(key) || !c[key].is_number()) return std::nullopt;
            return c[key].get<double>();
        };
        if (auto r = number("radius_nm"); r && !(*r > 0 && *r <= geo::kMaxSensorRangeNm))
            setting("settings", "coverage.radius_nm " + number_text(*r) + " is not a sensor range; expected above 0 and "
                                "at most 100 nautical miles");
        if (auto m = number("segment_m"); m && !(*m >= geo::kMinSegmentLengthM && *m <= geo::kMaxSegmentLengthM))
            setting("settings", "coverage.segment_m " + number_text(*m) + " is outside 100 to 10000 metres");
        if (auto h = number("revisit_target_h"); h && !(*h > 0))
            setting("settings", "coverage.revisit_target_h " + number_text(*h) + " is not a revisit time; expected above 0");
        if (c.contains("from") && c.contains("to") && c["from"].is_string() && c["to"].is_string()) {
            auto from = geo::parse_iso8601(c["from"].get<std::string>());
            auto to = geo::parse_iso8601(c["to"].get<std::string>());
            if (from && to && !(*to > *from))
                setting("settings", "coverage.from " + c["from"].get<std::string>() + " contradicts coverage.to " +
                                        c["to"].get<std::string>() + ": the run's window ends before it starts");
        }
    }

    void crs() {
        if (ws_.crs().is_geographic())
            out_.fatal.push_back("setting crs: " + ws_.crs().name() +
                                 " is in degrees; a workspace works in a projected CRS in metres");
        for (const std::string& c : ws_.crs_conflicts()) out_.fatal.push_back(c);
        for (const std::string& line : out_.fatal) push(kSettingsTable, "crs", line);
    }

private:
    void push(const std::string& layer, const std::string& feature, const std::string& reason) {
        geo::Problem p;
        p.severity = geo::Problem::Severity::Error;
        p.source = ws_.path();
        p.layer = layer;
        p.feature = feature;
        p.reason = reason;
        out_.problems.push_back(std::move(p));
    }

    const Workspace& ws_;
    WorkspaceDamage& out_;
};

}  // namespace

std::size_t WorkspaceDamage::row_count() const {
    std::size_t n = unreadable;
    for (const auto& [layer, fids] : rows) n += fids.size();
    return n;
}

std::string WorkspaceDamage::summary() const {
    std::string what;
    if (row_count()) what = std::to_string(row_count()) + " damaged row(s)";
    if (unreadable) what += " (" + std::to_string(unreadable) + " of them unreadable, named when the file was opened)";
    if (settings) what += (what.empty() ? "" : " and ") + std::to_string(settings) + " damaged setting(s)";
    return what;
}

WorkspaceDamage find_damage(const Workspace& ws) {
    WorkspaceDamage d;
    ws.read_all_rows();  // damage anywhere counts, also in layers a lazily opened workspace has not used
    d.unreadable = ws.features_left_out();
    Finder find(ws, d);
    find.crs();
    find.window();
    find.coverage_settings();
    if (const Layer* l = ws.find(kTrackPointsLayer)) find.track_points(*l);  // an old workspace's, when damaged
    if (const Layer* l = ws.find(kTrackLegsLayer); l && has_packed_tracks(ws)) find.track_legs(*l);
    if (const Layer* l = ws.find(kFleetLayer)) find.fleet(*l);
    const Layer* reports = ws.find(kReportsLayer);
    if (!reports) reports = ws.find_role(LayerRole::Reports);
    if (reports) find.reports(*reports);
    return d;
}

DamageHidden::DamageHidden(Workspace& ws, const WorkspaceDamage& damage)
    : ws_(ws), from_(ws.window_from), to_(ws.window_to) {
    for (const auto& [name, fids] : damage.rows) {
        Layer* l = ws.find(name);
        if (!l || fids.empty()) continue;
        Layer kept = *l;
        std::erase_if(kept.features(), [&](const Feature& f) { return fids.count(f.fid) > 0; });
        originals_.push_back(std::move(*l));
        *l = std::move(kept);
    }
    if (damage.window) ws.window_from = ws.window_to = std::nullopt;
}

DamageHidden::~DamageHidden() {
    for (Layer& l : originals_) ws_.put(std::move(l));
    ws_.window_from = from_;
    ws_.window_to = to_;
}

}  // namespace tidemark::layers
