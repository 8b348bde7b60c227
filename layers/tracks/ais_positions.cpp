#include "layers/tracks/ais_positions.h"
#include "layers/tracks/track_problem.h"

#include <cmath>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProblemsPerReason = 20;  // individual reports per reason; the rest are counted

}  // namespace

AisPositions::AisPositions(const geo::Transformer& to_working, std::string source)
    : to_working_(to_working), source_(std::move(source)) {}

void AisPositions::message(const ais::Message& m, const ais::Assembled& a) {
    if (!m.shipname.empty()) names_[m.mmsi] = m.shipname;
    if (!m.has_position() || m.type == 4) return;  // base stations are not vessels
    auto lon = m.lon_deg(), lat = m.lat_deg();
    if (!lon || !lat) return;
    if (std::isnan(a.time)) {
        if (untimed_++ == 0) first_untimed_ = a.line;
        return;
    }
    geo::PositionReport rep;
    rep.mmsi = m.mmsi;
    rep.line = a.line;
    rep.fix.t = a.time;
    rep.fix.p = to_working_.forward(geo::XY{*lon, *lat});
    if (!std::isfinite(rep.fix.p.x) || !std::isfinite(rep.fix.p.y)) return;
    if (auto s = m.speed_kn()) rep.fix.speed_kn = *s;
    if (auto c = m.course_deg()) rep.fix.course_deg = *c;
    reports.push_back(std::move(rep));
}

void AisPositions::reject(long line, ais::LineOutcome outcome, const char* reason) {
    const char* name = ais::outcome_name(outcome);
    if (rejected_[name]++ < kProblemsPerReason) listed_.push_back(track_problem(source_, line, std::string(name) + ": " + reason));
}

void AisPositions::name_vessels() {
    std::map<std::string, int> name_uses;
    for (const auto& [mmsi, name] : names_) ++name_uses[name];
    for (auto& rep : reports) {
        auto it = names_.find(rep.mmsi);
        std::string id = "MMSI " + std::to_string(rep.mmsi);
        rep.vessel = it == names_.end() ? id : name_uses[it->second] > 1 ? it->second + " (" + id + ")" : it->second;
    }
}

geo::Problems AisPositions::problems() const {
    geo::Problems out = listed_;
    for (const auto& [name, count] : rejected_)
        if (count > kProblemsPerReason)
            out.push_back(track_problem(source_, 0, std::to_string(count) + " lines rejected as " + name + " in all (first " +
                                                  std::to_string(kProblemsPerReason) + " listed)"));
    if (untimed_)
        out.push_back(track_problem(source_, first_untimed_,
                              std::to_string(untimed_) + " position report(s) have no time and were not used for "
                              "tracks; expected a tag block (\\c:unix_seconds*hh\\) or a leading timestamp column",
                              geo::Problem::Severity::Error));
    return out;
}

}  // namespace tidemark::layers
