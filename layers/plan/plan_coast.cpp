#include "layers/plan/plan_coast.h"

#include <algorithm>

#include "layers/coverage/coverage_store.h"
#include "layers/roles.h"
#include "layers/workspace.h"

#include <charconv>

namespace tidemark::layers::plan {

double PlanCoast::length_m() const {
    double total = 0;
    for (const auto& s : segments) total += s.length_m;
    return total;
}

std::vector<std::uint32_t> PlanCoast::segments_of(Stretch s, std::string* error) const {
    const auto n = segments.size();
    if (s.from >= n || s.to >= n) {
        *error = "segment run " + format_stretch(s) + ": the coast has segments 0-" + std::to_string(n ? n - 1 : 0) +
                 " at this plan's segment length";
        return {};
    }
    const auto& a = segments[s.from];
    const auto& b = segments[s.to];
    if (a.line_id != b.line_id) {
        *error = "segment run " + format_stretch(s) + " crosses from coastline line " + std::to_string(a.line_id) +
                 " to line " + std::to_string(b.line_id) + "; a stretch follows one line: give one run per line";
        return {};
    }
    std::vector<std::uint32_t> out;
    if (s.from <= s.to) {
        for (std::uint32_t i = s.from; i <= s.to; ++i) out.push_back(i);
        return out;
    }
    if (!a.line_closed) {
        *error = "segment run " + format_stretch(s) + " runs backwards on an open coastline line; give the lower id first";
        return {};
    }
    // A ring: from `from` to the ring's last segment, then from its first to `to`.
    std::uint32_t first = s.from, last = s.from;
    while (first > 0 && segments[first - 1].line_id == a.line_id) --first;
    while (last + 1 < n && segments[last + 1].line_id == a.line_id) ++last;
    for (std::uint32_t i = s.from; i <= last; ++i) out.push_back(i);
    for (std::uint32_t i = first; i <= s.to; ++i) out.push_back(i);
    return out;
}

std::vector<Stretch> PlanCoast::runs(const std::vector<bool>& selected) const {
    std::vector<Stretch> out;
    for (std::uint32_t i = 0; i < segments.size() && i < selected.size(); ++i) {
        if (!selected[i]) continue;
        const bool continues = !out.empty() && out.back().to + 1 == i && segments[out.back().to].line_id == segments[i].line_id;
        if (continues)
            out.back().to = i;
        else
            out.push_back({i, i});
    }
    // On a ring, a run through the ring's start is one stretch: from near its end, wrapping.
    for (std::size_t k = 0; k < out.size(); ++k) {
        const geo::CoastSegment& last = segments[out[k].to];
        const bool ring_end = last.line_closed && (out[k].to + 1 == segments.size() || segments[out[k].to + 1].line_id != last.line_id);
        if (!ring_end) continue;
        std::uint32_t first = out[k].to;
        while (first > 0 && segments[first - 1].line_id == last.line_id) --first;
        if (out[k].from == first) continue;  // the whole ring
        const auto head = std::find_if(out.begin(), out.begin() + k, [&](Stretch s) { return s.from == first; });
        if (head == out.begin() + k) continue;
        out[k].to = head->to;
        out.erase(head);
        --k;
    }
    return out;
}

std::vector<bool> PlanCoast::inside(const std::vector<geo::Polygon>& area) const {
    std::vector<bool> out(segments.size(), false);
    for (std::size_t i = 0; i < segments.size(); ++i)
        for (const auto& poly : area)
            if (geo::contains(poly, segments[i].midpoint)) {
                out[i] = true;
                break;
            }
    return out;
}

double PlanCoast::length_of(Stretch s) const {
    std::string error;
    double total = 0;
    for (auto i : segments_of(s, &error)) total += segments[i].length_m;
    return total;
}

std::vector<geo::Path> PlanCoast::lines_of(Stretch s) const {
    std::string error;
    std::vector<geo::Path> lines;
    for (auto i : segments_of(s, &error)) {
        const geo::Path& p = segments[i].path;
        if (!lines.empty() && lines.back().back() == p.front())
            lines.back().insert(lines.back().end(), p.begin() + 1, p.end());
        else
            lines.push_back(p);
    }
    return lines;
}

std::string PlanCoast::force_code(std::uint32_t segment) const {
    if (segment >= segments.size()) return {};
    const int f = segments[segment].force;
    return f >= 0 && static_cast<std::size_t>(f) < forces.size() ? forces[f].code : std::string{};
}

PlanCoast plan_coast(const Workspace& ws, double segment_m, geo::Problems& problems) {
    PlanCoast coast;
    const Layer* coastline = ws.find_role(LayerRole::Coastline);
    if (!coastline) {
        geo::Problem p;
        p.severity = geo::Problem::Severity::Error;
        p.source = ws.path();
        p.reason = "the workspace has no coastline layer; add one with `tidemark workspace add WS FILE --role coastline`";
        problems.push_back(p);
        return coast;
    }
    if (const Layer* forces = ws.find_role(LayerRole::Forces)) {
        Layer copy = *forces;
        if (prepare_for_role(copy, LayerRole::Forces, problems)) coast.forces = force_areas(copy);
    }
    if (const Layer* ports = ws.find_role(LayerRole::Ports)) coast.ports = layer_points(*ports);
    coast.segments = geo::cut_coast_segments(coast_lines(*coastline), segment_m);
    geo::assign_forces(coast.segments, coast.forces);
    geo::assign_port_distances(coast.segments, coast.ports);
    return coast;
}

std::optional<Stretch> parse_stretch(const std::string& text) {
    auto number = [](std::string_view s) -> std::optional<std::uint32_t> {
        std::uint32_t v = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
        if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
        return v;
    };
    const auto dash = text.find('-');
    if (dash == std::string::npos) {
        auto v = number(text);
        if (!v) return std::nullopt;
        return Stretch{*v, *v};
    }
    auto a = number(std::string_view(text).substr(0, dash));
    auto b = number(std::string_view(text).substr(dash + 1));
    if (!a || !b) return std::nullopt;
    return Stretch{*a, *b};
}

std::string format_stretch(Stretch s) {
    return s.from == s.to ? std::to_string(s.from) : std::to_string(s.from) + "-" + std::to_string(s.to);
}

}  // namespace tidemark::layers::plan
