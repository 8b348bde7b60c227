#include "geo/coast_segments.h"

#include <cmath>

namespace tidemark::geo {
namespace {

double dist(XY a, XY b) { return std::hypot(a.x - b.x, a.y - b.y); }

double distance_to_rings(const Polygon& poly, XY p) {
    double d = distance_to_path(p, poly.outer);
    for (const Path& h : poly.holes) d = std::min(d, distance_to_path(p, h));
    return d;
}

}  // namespace

XY point_along(const Path& path, double along_m) {
    if (path.empty()) return {};
    double walked = 0;
    for (std::size_t i = 1; i < path.size(); ++i) {
        const double step = dist(path[i - 1], path[i]);
        if (walked + step >= along_m && step > 0) {
            const double f = std::clamp((along_m - walked) / step, 0.0, 1.0);
            return {path[i - 1].x + f * (path[i].x - path[i - 1].x), path[i - 1].y + f * (path[i].y - path[i - 1].y)};
        }
        walked += step;
    }
    return path.back();
}

std::vector<CoastSegment> cut_coast_segments(const std::vector<Path>& lines, double target_length_m) {
    std::vector<CoastSegment> out;
    const double target = std::max(target_length_m, 1.0);
    for (std::size_t line_id = 0; line_id < lines.size(); ++line_id) {
        const Path& line = lines[line_id];
        const double total = length(line);
        if (line.size() < 2 || total <= 0) continue;
        const bool closed = line.size() > 2 && line.front() == line.back();
        const auto pieces = static_cast<std::size_t>(std::max(1.0, std::round(total / target)));
        const double piece_len = total / static_cast<double>(pieces);

        std::size_t i = 1;       // next vertex of `line` to reach
        double walked = 0;       // distance along the line at vertex i - 1
        XY cursor = line.front();
        for (std::size_t k = 0; k < pieces; ++k) {
            const double end_along = (k + 1 == pieces) ? total : piece_len * static_cast<double>(k + 1);
            CoastSegment seg;
            seg.line_id = static_cast<std::uint32_t>(line_id);
            seg.line_closed = closed;
            seg.path.push_back(cursor);
            while (i < line.size()) {
                const double step = dist(line[i - 1], line[i]);
                if (walked + step < end_along || k + 1 == pieces) {
                    if (!(line[i] == seg.path.back())) seg.path.push_back(line[i]);
                    walked += step;
                    ++i;
                    continue;
                }
                const double f = step > 0 ? std::clamp((end_along - walked) / step, 0.0, 1.0) : 1.0;
                cursor = {line[i - 1].x + f * (line[i].x - line[i - 1].x), line[i - 1].y + f * (line[i].y - line[i - 1].y)};
                if (!(cursor == seg.path.back())) seg.path.push_back(cursor);
                break;
            }
            if (seg.path.size() < 2) seg.path.push_back(seg.path.back());  // zero-length remainder
            seg.length_m = length(seg.path);
            seg.midpoint = point_along(seg.path, seg.length_m / 2);
            seg.box = bounds_of(seg.path);
            seg.id = static_cast<std::uint32_t>(out.size());
            out.push_back(std::move(seg));
        }
    }
    return out;
}

ForceLocator::ForceLocator(const std::vector<ForceArea>& forces) {
    std::vector<Box> boxes;
    for (std::size_t f = 0; f < forces.size(); ++f)
        for (const Polygon& poly : forces[f].polygons) {
            parts_.push_back({static_cast<int>(f), &poly});
            boxes.push_back(bounds_of(poly.outer));
        }
    index_ = SpatialIndex(boxes);
}

int ForceLocator::locate(XY p, double max_distance_m) const {
    int found = -1;
    index_.query(Box{p.x, p.y, p.x, p.y}, [&](std::uint32_t id) {
        if (!contains(*parts_[id].polygon, p)) return true;
        found = parts_[id].force;
        return false;
    });
    if (found >= 0 || max_distance_m <= 0) return found;
    const std::int64_t nearest = index_.nearest(
        p, [&](std::uint32_t id) { return distance_to_rings(*parts_[id].polygon, p); }, max_distance_m);
    return nearest < 0 ? -1 : parts_[static_cast<std::size_t>(nearest)].force;
}

void assign_forces(std::vector<CoastSegment>& segments, const std::vector<ForceArea>& forces) {
    const ForceLocator locator(forces);
    for (CoastSegment& s : segments) s.force = locator.locate(s.midpoint);
}

void assign_port_distances(std::vector<CoastSegment>& segments, const std::vector<XY>& ports) {
    if (ports.empty()) return;
    std::vector<Box> boxes;
    for (XY p : ports) boxes.push_back(Box{p.x, p.y, p.x, p.y});
    const SpatialIndex index(boxes);
    for (CoastSegment& s : segments) {
        // The port nearest the midpoint bounds the answer; any nearer port lies in the grown box.
        double bound = 0;
        if (index.nearest(s.midpoint, [&](std::uint32_t id) { return dist(ports[id], s.midpoint); },
                          std::numeric_limits<double>::infinity(), &bound) < 0)
            continue;
        double best = bound;
        index.query(s.box.grown(bound), [&](std::uint32_t id) {
            best = std::min(best, distance_to_path(ports[id], s.path));
            return true;
        });
        s.port_distance_m = best;
    }
}

}  // namespace tidemark::geo
