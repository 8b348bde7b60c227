#include "geo/coverage.h"

#include "geo/observation.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

namespace tidemark::geo {
namespace {

// Intervals closer than this (seconds) are one: piece boundaries computed in floating point.
constexpr double kTouchS = 1e-6;
// Longest chunk of pieces swept with one index query.
constexpr std::size_t kMaxChunkPieces = 4096;

// Squared distance between two boxes (0 when they meet).
double box_gap2(const Box& a, const Box& b) {
    const double dx = std::max({a.min_x - b.max_x, b.min_x - a.max_x, 0.0});
    const double dy = std::max({a.min_y - b.max_y, b.min_y - a.max_y, 0.0});
    return dx * dx + dy * dy;
}

double segment_distance2(XY p, XY a, XY b) {
    const double ex = b.x - a.x, ey = b.y - a.y;
    const double len2 = ex * ex + ey * ey;
    // The clamped projection, dividing only when it falls inside the edge (same bits as
    // clamp(num / len2, 0, 1): division is correctly rounded, so num >= len2 gives >= 1).
    const double num = (p.x - a.x) * ex + (p.y - a.y) * ey;
    const double f = !(len2 > 0) || num <= 0 ? 0.0 : (num >= len2 ? 1.0 : num / len2);
    const double dx = p.x - a.x - f * ex, dy = p.y - a.y - f * ey;
    return dx * dx + dy * dy;
}

// Squared distance between segments [p, q] and [a, b].
double segments_gap2(XY p, XY q, XY a, XY b) {
    const double o1 = (q.x - p.x) * (a.y - p.y) - (q.y - p.y) * (a.x - p.x);
    const double o2 = (q.x - p.x) * (b.y - p.y) - (q.y - p.y) * (b.x - p.x);
    const double o3 = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    const double o4 = (b.x - a.x) * (q.y - a.y) - (b.y - a.y) * (q.x - a.x);
    if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return 0;
    return std::min({segment_distance2(p, a, b), segment_distance2(q, a, b), segment_distance2(a, p, q), segment_distance2(b, p, q)});
}

// True when every edge of the polyline is farther than sqrt(limit2) from the chord [a, b]
// (stops at the first edge that is not).
bool chord_beyond(const Path& path, XY a, XY b, double limit2) {
    for (std::size_t e = 0; e + 1 < path.size(); ++e)
        if (segments_gap2(path[e], path[e + 1], a, b) <= limit2) return false;
    return true;
}

// True when a vertex of `path` is within r of both ends of the chord [a, b] (then of all of it:
// distance to a point is convex along a line).
bool vertex_covers_chord(const Path& path, XY a, XY b, double r) {
    if (r <= 0) return false;
    for (XY v : path) {
        const double da = (v.x - a.x) * (v.x - a.x) + (v.y - a.y) * (v.y - a.y);
        const double db = (v.x - b.x) * (v.x - b.x) + (v.y - b.y) * (v.y - b.y);
        if (std::max(da, db) <= r * r) return true;
    }
    return false;
}

// True when one edge of `path` is within r of every point of `box` (distance to an edge is
// convex, so the four corners decide).
bool edge_covers_box(const Path& path, const Box& box, double r) {
    // Cheap first: a vertex within r of the box's farthest corner.
    for (XY v : path) {
        const double dx = std::max(v.x - box.min_x, box.max_x - v.x), dy = std::max(v.y - box.min_y, box.max_y - v.y);
        if (dx * dx + dy * dy <= r * r) return true;
    }
    const XY corners[4] = {{box.min_x, box.min_y}, {box.max_x, box.min_y}, {box.min_x, box.max_y}, {box.max_x, box.max_y}};
    const std::size_t edges = path.size() - 1;
    for (std::size_t e = 0; e < edges; ++e) {
        bool all = true;
        for (XY c : corners)
            if (segment_distance2(c, path[e], path[e + 1]) > r * r) {
                all = false;
                break;
            }
        if (all) return true;
    }
    return false;
}

// Per-thread sums: observed intervals (with the track that observed) and observers per
// segment, merged as they arrive when the same track continues an interval.
struct Accumulator {
    std::vector<std::vector<Sighting>> intervals;
    std::vector<std::vector<std::uint32_t>> observers;

    explicit Accumulator(std::size_t segments) : intervals(segments), observers(segments) {}

    void add(std::uint32_t segment, Interval iv, std::uint32_t track) {
        if (!(iv.to > iv.from)) return;
        auto& list = intervals[segment];
        if (!list.empty() && list.back().track == track && iv.from >= list.back().when.from &&
            iv.from <= list.back().when.to + kTouchS)
            list.back().when.to = std::max(list.back().when.to, iv.to);
        else
            list.push_back({iv, track});
        auto& obs = observers[segment];
        if (obs.empty() || obs.back() != track) obs.push_back(track);
    }
};

// A uniform grid over the segments' boxes, built in linear time on every call (an R-tree's sort
// was a fifth of a 20k-fix run). Cells hold segment ids in CSR form; a query visits each segment
// whose box meets the query box once, using the caller's per-thread stamps.
class SegmentGrid {
public:
    explicit SegmentGrid(const std::vector<CoastSegment>& segments) : segments_(segments) {
        double extent = 0;
        std::size_t n = 0;
        for (const CoastSegment& s : segments)
            if (usable(s.box)) {
                bounds_.expand(s.box);
                extent += std::max(s.box.width(), s.box.height());
                ++n;
            }
        if (n == 0) return;
        cell_ = std::max(2 * extent / static_cast<double>(n), 1.0);
        // No more than ~4 cells per segment, however spread out they are.
        while ((bounds_.width() / cell_ + 1) * (bounds_.height() / cell_ + 1) > 4.0 * static_cast<double>(n) + 16) cell_ *= 2;
        cols_ = static_cast<std::size_t>(bounds_.width() / cell_) + 1;
        rows_ = static_cast<std::size_t>(bounds_.height() / cell_) + 1;
        start_.assign(cols_ * rows_ + 1, 0);
        for_cells_of_segments([&](std::size_t c, std::uint32_t) { ++start_[c + 1]; });
        for (std::size_t c = 0; c < cols_ * rows_; ++c) start_[c + 1] += start_[c];
        ids_.resize(start_.back());
        std::vector<std::uint32_t> fill(start_.begin(), start_.end() - 1);
        for_cells_of_segments([&](std::size_t c, std::uint32_t id) { ids_[fill[c]++] = id; });
    }

    // Calls visit(id) once for every segment whose box meets q. stamps: one per segment, this
    // thread's; stamp: a value not used before with these stamps.
    template <class Visit>
    void query(const Box& q, std::vector<std::uint32_t>& stamps, std::uint32_t stamp, Visit visit) const {
        if (cols_ == 0 || !(q.min_x <= q.max_x && q.min_y <= q.max_y) || !q.intersects(bounds_)) return;  // NaN: none
        const auto [c0, c1] = span(q.min_x, q.max_x, bounds_.min_x, cols_);
        const auto [r0, r1] = span(q.min_y, q.max_y, bounds_.min_y, rows_);
        for (std::size_t r = r0; r <= r1; ++r)
            for (std::size_t c = c0; c <= c1; ++c)
                for (std::uint32_t k = start_[r * cols_ + c]; k < start_[r * cols_ + c + 1]; ++k) {
                    const std::uint32_t id = ids_[k];
                    if (stamps[id] == stamp || !segments_[id].box.intersects(q)) continue;
                    stamps[id] = stamp;
                    visit(id);
                }
    }

private:
    static bool usable(const Box& b) {
        return b.min_x <= b.max_x && b.min_y <= b.max_y && std::isfinite(b.min_x) && std::isfinite(b.max_x) &&
               std::isfinite(b.min_y) && std::isfinite(b.max_y);
    }

    // The cells [first, last] covering [lo, hi] on an axis starting at origin with `count` cells.
    std::pair<std::size_t, std::size_t> span(double lo, double hi, double origin, std::size_t count) const {
        const double a = std::clamp((lo - origin) / cell_, 0.0, static_cast<double>(count - 1));
        const double b = std::clamp((hi - origin) / cell_, 0.0, static_cast<double>(count - 1));
        return {static_cast<std::size_t>(a), static_cast<std::size_t>(b)};
    }

    template <class F>
    void for_cells_of_segments(F f) const {
        for (std::uint32_t id = 0; id < segments_.size(); ++id) {
            const Box& b = segments_[id].box;
            if (!usable(b)) continue;
            const auto [c0, c1] = span(b.min_x, b.max_x, bounds_.min_x, cols_);
            const auto [r0, r1] = span(b.min_y, b.max_y, bounds_.min_y, rows_);
            for (std::size_t r = r0; r <= r1; ++r)
                for (std::size_t c = c0; c <= c1; ++c) f(r * cols_ + c, id);
        }
    }

    const std::vector<CoastSegment>& segments_;
    Box bounds_;
    double cell_ = 1;
    std::size_t cols_ = 0, rows_ = 0;
    std::vector<std::uint32_t> start_;  // cell c holds ids_[start_[c] .. start_[c + 1])
    std::vector<std::uint32_t> ids_;
};

class LegSweeper {
public:
    LegSweeper(const std::vector<CoastSegment>& segments, const SegmentGrid& index, const CoverageOptions& options,
               Accumulator& acc)
        : segments_(segments), index_(index), opt_(options), acc_(acc), stamps_(segments.size(), 0) {}

    // Sweeps pieces begin..end-1 of the leg (fixes begin..end).
    void sweep(const TrackLeg& leg, std::uint32_t track, double range, std::size_t begin, std::size_t end) {
        fixes_ = &leg.fixes;
        track_ = track;
        range_ = range;
        // Chunks stay small against the range, so most candidates are decided for the whole chunk.
        chunk_limit_ = std::max(range_ * 0.5, 50.0);
        const auto& f = leg.fixes;
        std::size_t i = begin;
        while (i + 1 <= end) {
            if (stopped()) return;
            if (!usable(i)) {
                ++i;
                continue;
            }
            Box box;
            box.expand(f[i].p);
            box.expand(f[i + 1].p);
            std::size_t j = i + 1;
            while (j + 1 <= end && j - i < kMaxChunkPieces && usable(j)) {
                Box grown = box;
                grown.expand(f[j + 1].p);
                if (std::max(grown.width(), grown.height()) > chunk_limit_) break;
                box = grown;
                ++j;
            }
            sweep_chunk(i, j, box);
            i = j;
        }
    }

    bool stopped() const { return opt_.cancel && opt_.cancel->load(std::memory_order_relaxed); }

private:
    bool usable(std::size_t k) const {
        const Fix& a = (*fixes_)[k];
        const Fix& b = (*fixes_)[k + 1];
        const double dt = b.t - a.t;
        return dt > 0 && dt <= opt_.max_gap_s && b.t > opt_.from && a.t < opt_.to;
    }

    Interval piece_time(std::size_t k, double u_lo, double u_hi) const {
        const Fix& a = (*fixes_)[k];
        const Fix& b = (*fixes_)[k + 1];
        const double dt = b.t - a.t;
        const UnixTime t0 = u_lo <= 0 ? a.t : (u_lo >= 1 ? b.t : a.t + u_lo * dt);
        const UnixTime t1 = u_hi >= 1 ? b.t : (u_hi <= 0 ? a.t : a.t + u_hi * dt);
        return {std::max(t0, opt_.from), std::min(t1, opt_.to)};
    }

    // Pieces first..last-1 (fixes first..last), all usable, inside `box`. A candidate segment is
    // decided for the whole chunk when it can be (box out of range, or in range of one vertex or
    // edge); otherwise it is stepped along the chunk: the vessel's distance to the segment changes
    // no faster than the distance it sails, so from a fix at distance d the in/out state holds
    // for the next |d - R| metres sailed; only pieces where it may change are solved exactly.
    void sweep_chunk(std::size_t first, std::size_t last, const Box& box) {
        const auto& f = *fixes_;
        chunk_first_ = first;
        sailed_.resize(last - first + 1);
        sailed_[0] = 0;
        for (std::size_t k = first + 1; k <= last; ++k)
            sailed_[k - first] = sailed_[k - first - 1] + std::hypot(f[k].p.x - f[k - 1].p.x, f[k].p.y - f[k - 1].p.y);
        // The chunk's fixes (and so every position between them) lie within `wobble` of the chord
        // from its first to its last fix: a thinner bound than the box when the track runs diagonally.
        const XY a = f[first].p, b = f[last].p;
        double wobble2 = 0;
        for (std::size_t k = first + 1; k < last; ++k) wobble2 = std::max(wobble2, segment_distance2(f[k].p, a, b));
        const double wobble = std::sqrt(wobble2);
        const double r2 = range_ * range_;
        const double in_r = range_ - wobble, out_r = range_ + wobble;
        if (++stamp_ == 0) {  // wrapped round: forget every earlier query
            std::fill(stamps_.begin(), stamps_.end(), 0);
            stamp_ = 1;
        }
        index_.query(box.grown(range_), stamps_, stamp_, [&](std::uint32_t id) {
            const CoastSegment& s = segments_[id];
            if (box_gap2(s.box, box) > r2 || chord_beyond(s.path, a, b, out_r * out_r)) return true;
            if (!opt_.land && (vertex_covers_chord(s.path, a, b, in_r) || edge_covers_box(s.path, box, range_))) {
                acc_.add(id, {std::max(f[first].t, opt_.from), std::min(f[last].t, opt_.to)}, track_);
                return true;
            }
            step(first, last, id, distance_to(s.path, f[first].p), distance_to(s.path, f[last].p));
            return true;
        });
    }

    double distance_to(const Path& path, XY p) const {
        double d2 = std::numeric_limits<double>::infinity();
        for (std::size_t e = 0; e + 1 < path.size(); ++e) d2 = std::min(d2, segment_distance2(p, path[e], path[e + 1]));
        return std::sqrt(d2);
    }

    // Fixes first..last at distances d_first, d_last from the segment. Between them the
    // distance is within (distance sailed) of both ends, so with L sailed the whole run is in
    // range when (d_first + d_last + L) / 2 <= R and out of range when (d_first + d_last - L) / 2
    // > R; otherwise the run is halved, down to single pieces solved exactly.
    void step(std::size_t first, std::size_t last, std::uint32_t id, double d_first, double d_last) {
        const auto& f = *fixes_;
        const double sailed = sailed_[last - chunk_first_] - sailed_[first - chunk_first_];
        if (d_first + d_last + sailed <= 2 * range_) {
            if (!opt_.land)
                acc_.add(id, {std::max(f[first].t, opt_.from), std::min(f[last].t, opt_.to)}, track_);
            else
                for (std::size_t p = first; p < last; ++p) emit(p, id, piece_time(p, 0, 1));
            return;
        }
        if (d_first + d_last - sailed > 2 * range_) return;
        if (last - first == 1) {
            sweep_piece(first, id);
            return;
        }
        const std::size_t mid = (first + last) / 2;
        const double d_mid = distance_to(segments_[id].path, f[mid].p);
        step(first, mid, id, d_first, d_mid);
        step(mid, last, id, d_mid, d_last);
    }

    void sweep_piece(std::size_t k, std::uint32_t id) {
        const CoastSegment& s = segments_[id];
        const XY a = (*fixes_)[k].p, b = (*fixes_)[k + 1].p;
        hits_.clear();
        Box piece;
        piece.expand(a);
        piece.expand(b);
        const double r2 = range_ * range_;
        for (std::size_t e = 0; e + 1 < s.path.size(); ++e) {
            Box edge;
            edge.expand(s.path[e]);
            edge.expand(s.path[e + 1]);
            if (box_gap2(piece, edge) > r2) continue;
            double lo, hi;
            if (moving_point_within(a, b, s.path[e], s.path[e + 1], range_, &lo, &hi)) {
                hits_.push_back({lo, hi});
                if (lo <= 0 && hi >= 1) break;  // the whole piece: nothing more to learn
            }
        }
        if (hits_.empty()) return;
        std::sort(hits_.begin(), hits_.end(), [](const Interval& x, const Interval& y) { return x.from < y.from; });
        Interval run = hits_[0];
        for (std::size_t h = 1; h <= hits_.size(); ++h) {
            if (h < hits_.size() && hits_[h].from <= run.to) {
                run.to = std::max(run.to, hits_[h].to);
                continue;
            }
            emit(k, id, piece_time(k, run.from, run.to));
            if (h < hits_.size()) run = hits_[h];
        }
    }

    // Adds an in-range interval of piece k; under line of sight only its visible parts, judged
    // at the midpoints of equal sub-steps no longer than sight_step_s.
    void emit(std::size_t k, std::uint32_t id, Interval iv) {
        if (!(iv.to > iv.from)) return;
        if (!opt_.land) {
            acc_.add(id, iv, track_);
            return;
        }
        const Fix& fa = (*fixes_)[k];
        const Fix& fb = (*fixes_)[k + 1];
        const double span = iv.duration();
        const auto steps = static_cast<std::size_t>(std::max(1.0, std::ceil(span / std::max(opt_.sight_step_s, 1e-3))));
        const double h = span / static_cast<double>(steps);
        std::size_t run_start = steps;  // none
        for (std::size_t q = 0; q <= steps; ++q) {
            bool visible = false;
            if (q < steps) {
                const double t = iv.from + (static_cast<double>(q) + 0.5) * h;
                const double u = (t - fa.t) / (fb.t - fa.t);
                const XY p{fa.p.x + u * (fb.p.x - fa.p.x), fa.p.y + u * (fb.p.y - fa.p.y)};
                visible = opt_.land->sight_clear(p, closest_point_on_path(p, segments_[id].path), opt_.sight_allowance_m);
            }
            if (visible && run_start == steps) run_start = q;
            if (!visible && run_start != steps) {
                const UnixTime to = q == steps ? iv.to : iv.from + static_cast<double>(q) * h;
                acc_.add(id, {iv.from + static_cast<double>(run_start) * h, to}, track_);
                run_start = steps;
            }
        }
    }

    const std::vector<CoastSegment>& segments_;
    const SegmentGrid& index_;
    const CoverageOptions& opt_;
    Accumulator& acc_;
    const std::vector<Fix>* fixes_ = nullptr;
    std::uint32_t track_ = 0;
    double range_ = 0;
    double chunk_limit_ = 0;
    std::vector<Interval> hits_;  // scratch, in u
    std::size_t chunk_first_ = 0;
    std::vector<double> sailed_;  // scratch: distance sailed from the chunk's first fix to each fix, m
    std::vector<std::uint32_t> stamps_;  // per segment: the last query that visited it
    std::uint32_t stamp_ = 0;
};

}  // namespace

SegmentCoverage summarise_intervals(std::vector<Interval> intervals, UnixTime from, UnixTime to) {
    SegmentCoverage out;
    for (Interval& iv : intervals) iv = {std::max(iv.from, from), std::min(iv.to, to)};
    std::erase_if(intervals, [](const Interval& iv) { return !(iv.to > iv.from); });
    std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) { return a.from < b.from; });
    for (const Interval& iv : intervals) {
        if (!out.observed.empty() && iv.from <= out.observed.back().to + kTouchS)
            out.observed.back().to = std::max(out.observed.back().to, iv.to);
        else
            out.observed.push_back(iv);
    }
    UnixTime cursor = from;
    for (const Interval& iv : out.observed) {
        out.observed_s += iv.duration();
        out.max_gap_s = std::max(out.max_gap_s, iv.from - cursor);
        cursor = iv.to;
    }
    out.max_gap_s = std::max(out.max_gap_s, to - cursor);
    out.visits = static_cast<int>(out.observed.size());
    if (!out.observed.empty()) {
        out.first_seen = out.observed.front().from;
        out.last_seen = out.observed.back().to;
    }
    return out;
}

std::vector<Sighting> merge_sightings(std::vector<Sighting> sightings, UnixTime from, UnixTime to) {
    for (Sighting& x : sightings) x.when = {std::max(x.when.from, from), std::min(x.when.to, to)};
    std::erase_if(sightings, [](const Sighting& x) { return !(x.when.to > x.when.from); });
    std::sort(sightings.begin(), sightings.end(), [](const Sighting& a, const Sighting& b) {
        return a.track != b.track ? a.track < b.track : a.when.from < b.when.from;
    });
    std::vector<Sighting> out;
    for (const Sighting& x : sightings) {
        if (!out.empty() && out.back().track == x.track && x.when.from <= out.back().when.to + kTouchS)
            out.back().when.to = std::max(out.back().when.to, x.when.to);
        else
            out.push_back(x);
    }
    std::sort(out.begin(), out.end(), [](const Sighting& a, const Sighting& b) {
        return a.when.from != b.when.from ? a.when.from < b.when.from : a.track < b.track;
    });
    return out;
}

Interval track_time_span(const std::vector<Track>& tracks) {
    Interval span{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity()};
    for (const Track& t : tracks)
        for (const TrackLeg& leg : t.legs)
            if (!leg.fixes.empty()) {
                span.from = std::min(span.from, leg.fixes.front().t);
                span.to = std::max(span.to, leg.fixes.back().t);
            }
    if (span.from > span.to) return {0, 0};
    return span;
}

CoverageResult compute_coverage(const std::vector<CoastSegment>& segments, const std::vector<Track>& tracks,
                                const std::vector<double>& range_m, const CoverageOptions& options) {
    CoverageResult result;
    result.from = options.from;
    result.to = options.to;

    // A run of consecutive pieces of one leg: legs are cut so the threads share the fixes evenly.
    struct Work {
        std::uint32_t track;
        const TrackLeg* leg;
        std::size_t begin, end;  // fixes begin..end
    };
    std::vector<Work> work;
    for (std::size_t t = 0; t < tracks.size() && t < range_m.size(); ++t) {
        if (!(range_m[t] > 0)) continue;
        for (const TrackLeg& leg : tracks[t].legs) {
            result.fixes += leg.fixes.size();
            if (leg.fixes.size() >= 2) work.push_back({static_cast<std::uint32_t>(t), &leg, 0, leg.fixes.size() - 1});
        }
    }
    unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    if (threads > 1) {
        // Runs of at most ~1/16 of each thread's share of the pieces, so no thread waits long for the last.
        std::size_t pieces = 0;
        for (const Work& w : work) pieces += w.end - w.begin;
        const std::size_t run = std::max<std::size_t>(256, pieces / (16 * threads) + 1);
        std::vector<Work> cut;
        for (const Work& w : work)
            for (std::size_t b = w.begin; b < w.end; b += run) cut.push_back({w.track, w.leg, b, std::min(w.end, b + run)});
        work = std::move(cut);
    }
    // Longest runs first so the threads finish together.
    std::sort(work.begin(), work.end(), [](const Work& a, const Work& b) { return a.end - a.begin > b.end - b.begin; });

    const SegmentGrid index(segments);

    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(work.size(), 1))));
    std::vector<Accumulator> accs(threads, Accumulator(segments.size()));
    std::atomic<std::size_t> next{0}, swept{0}, finished{0};
    std::size_t pieces_total = 0;  // progress counts pieces (fix to fix), as the workers do
    for (const Work& w : work) pieces_total += w.end - w.begin;
    const std::size_t total = std::max<std::size_t>(pieces_total, 1);
    auto worker = [&](unsigned w) {
        LegSweeper sweeper(segments, index, options, accs[w]);
        for (std::size_t i; (i = next.fetch_add(1)) < work.size() && !sweeper.stopped();) {
            sweeper.sweep(*work[i].leg, work[i].track, range_m[work[i].track], work[i].begin, work[i].end);
            swept += work[i].end - work[i].begin;
            // Alone on the calling thread: report per run of pieces (the pool's case polls below).
            if (threads == 1 && options.progress) options.progress(static_cast<double>(swept.load()) / static_cast<double>(total));
        }
        ++finished;
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < threads; ++w) pool.emplace_back(worker, w);
    if (options.progress) {
        // The calling thread reports progress while the pool works, then joins in.
        if (threads == 1) {
            worker(0);
        } else {
            std::thread last(worker, 0);
            while (finished.load() < threads) {
                options.progress(static_cast<double>(swept.load()) / static_cast<double>(total));
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
            last.join();
        }
        options.progress(1.0);
    } else {
        worker(0);
    }
    for (auto& th : pool) th.join();
    if (options.cancel && options.cancel->load()) {
        result.cancelled = true;
        return result;
    }

    result.segments.resize(segments.size());
    for (std::size_t s = 0; s < segments.size(); ++s) {
        if (std::all_of(accs.begin(), accs.end(), [&](const Accumulator& acc) { return acc.intervals[s].empty(); })) {
            result.segments[s].max_gap_s = std::max(0.0, options.to - options.from);  // never observed
            continue;
        }
        std::vector<Sighting> seen;
        std::vector<std::uint32_t> observers;
        for (Accumulator& acc : accs) {
            seen.insert(seen.end(), acc.intervals[s].begin(), acc.intervals[s].end());
            observers.insert(observers.end(), acc.observers[s].begin(), acc.observers[s].end());
        }
        std::vector<Interval> all;
        all.reserve(seen.size());
        for (const Sighting& x : seen) all.push_back(x.when);
        result.segments[s] = summarise_intervals(std::move(all), options.from, options.to);
        result.segments[s].sightings = merge_sightings(std::move(seen), options.from, options.to);
        std::sort(observers.begin(), observers.end());
        observers.erase(std::unique(observers.begin(), observers.end()), observers.end());
        result.segments[s].observers = std::move(observers);
    }
    return result;
}

}  // namespace tidemark::geo
