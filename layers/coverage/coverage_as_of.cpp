#include "layers/coverage/coverage_as_of.h"

#include "layers/coverage/sightings_text.h"

#include <algorithm>
#include <limits>
#include <map>

namespace tidemark::layers {

void CoverageHistory::add_segment(const std::vector<double>& from, const std::vector<double>& to,
                                  const std::vector<std::uint32_t>& who) {
    double reach = -std::numeric_limits<double>::infinity();
    std::uint32_t reach_who = 0;
    for (std::size_t i = 0; i < from.size(); ++i) {
        if (to[i] >= reach) {
            reach = to[i];
            reach_who = who[i];
        }
        from_.push_back(from[i]);
        reach_.push_back(reach);
        who_.push_back(reach_who);
    }
    offset_.push_back(static_cast<std::uint32_t>(from_.size()));
}

CoverageHistory CoverageHistory::from_layer(const Layer& segments, geo::Problems* problems) {
    CoverageHistory h;
    const int sightings = segments.field_index("sightings"), observers = segments.field_index("observers");
    h.has_sightings_ = sightings >= 0;
    std::map<std::string, std::uint32_t> name_index;
    std::vector<double> from, to;
    std::vector<std::uint32_t> who;
    for (const Feature& f : segments.features()) {
        from.clear();
        to.clear();
        who.clear();
        if (sightings >= 0 && sightings < static_cast<int>(f.values.size())) {
            const std::vector<std::string> names =
                observers >= 0 && observers < static_cast<int>(f.values.size())
                    ? split_observers(to_string(f.values[observers])) : std::vector<std::string>{};
            std::string error;
            if (auto entries = parse_sightings(to_string(f.values[sightings]), names.size(), &error)) {
                for (const SightingEntry& e : *entries) {
                    auto [it, added] = name_index.try_emplace(names[e.observer], static_cast<std::uint32_t>(h.names_.size()));
                    if (added) h.names_.push_back(names[e.observer]);
                    from.push_back(e.from);
                    to.push_back(e.to);
                    who.push_back(it->second);
                }
            } else if (problems) {
                geo::Problem p;
                p.source = segments.source;
                p.layer = segments.name;
                p.feature = std::to_string(f.fid);
                p.reason = "field sightings: " + error + "; the segment counts as never seen (re-run coverage)";
                problems->push_back(p);
            }
        }
        h.add_segment(from, to, who);
    }
    return h;
}

CoverageHistory CoverageHistory::from_entries(const std::vector<std::vector<Entry>>& per_segment) {
    CoverageHistory h;
    h.has_sightings_ = true;
    std::map<std::string, std::uint32_t> name_index;
    for (auto entries : per_segment) {
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.from < b.from; });
        std::vector<double> from, to;
        std::vector<std::uint32_t> who;
        for (const Entry& e : entries) {
            auto [it, added] = name_index.try_emplace(e.vessel, static_cast<std::uint32_t>(h.names_.size()));
            if (added) h.names_.push_back(e.vessel);
            from.push_back(e.from);
            to.push_back(e.to);
            who.push_back(it->second);
        }
        h.add_segment(from, to, who);
    }
    return h;
}

std::optional<LastSeen> CoverageHistory::last_seen(std::size_t s, geo::UnixTime t) const {
    if (s + 1 >= offset_.size()) return std::nullopt;
    const auto begin = from_.begin() + offset_[s], end = from_.begin() + offset_[s + 1];
    const auto after = std::upper_bound(begin, end, t);  // first sighting starting after t
    if (after == begin) return std::nullopt;
    const std::size_t i = static_cast<std::size_t>(after - from_.begin()) - 1;
    LastSeen seen;
    seen.in_sight = reach_[i] >= t;
    seen.at = std::min(reach_[i], t);
    seen.vessel = names_[who_[i]];
    return seen;
}

void CoverageHistory::classes_at(geo::UnixTime t, double target_s, std::vector<int>& out) const {
    const std::size_t n = segments();
    out.resize(n);
    const double* from = from_.data();
    for (std::size_t s = 0; s < n; ++s) {
        const double* begin = from + offset_[s];
        const double* end = from + offset_[s + 1];
        const double* after = std::upper_bound(begin, end, t);
        if (after == begin) {
            out[s] = kNotSeenBeforeT;
            continue;
        }
        const double age = t - std::min(reach_[static_cast<std::size_t>(after - from) - 1], t);
        out[s] = age <= target_s ? kSeenWithinTarget : age <= 2 * target_s ? kSeenUpTo2x
                                   : age <= 4 * target_s                   ? kSeenUpTo4x
                                                                           : kSeenOver4x;
    }
}

Classification as_of_classification(double target_s) {
    Classification c;
    c.field = "sightings";
    const std::string t1 = target_text(target_s), t2 = target_text(2 * target_s), t4 = target_text(4 * target_s);
    c.classes = {
        {"seen within " + t1 + " (revisit target met)", coverage_class_colour(0), {}},
        {"last seen " + t1 + " – " + t2 + " before (up to 2× target)", coverage_class_colour(1), {}},
        {"last seen " + t2 + " – " + t4 + " before (up to 4× target)", coverage_class_colour(2), {}},
        {"last seen over " + t4 + " before (over 4× target)", coverage_class_colour(3), {}},
        {"never seen before T", coverage_class_colour(4), {}},
    };
    return c;
}

std::string as_of_title(geo::UnixTime t) {
    std::string s = geo::format_iso8601(t);  // 2026-03-05T12:00:00Z
    if (s.size() >= 16) s = s.substr(0, 10) + " " + s.substr(11, 5);
    return "Coast as of " + s + " UTC: time since last seen";
}

}  // namespace tidemark::layers
