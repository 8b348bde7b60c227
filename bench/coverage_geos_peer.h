// The comparison peer for bench/coverage_bench.cpp: the shapely-2 method written against GEOS's
// C API — an STRtree over the segment linestrings and, per fix, a `dwithin` query (envelope
// grown by R, then GEOSPreparedDistanceWithin on the prepared fix point), summing per segment.
#pragma once

#include "geo/coast_segments.h"
#include "geo/track.h"

#include <geos_c.h>

#include <cstdint>
#include <vector>

namespace tidemark::bench {

class GeosPeer {
public:
    explicit GeosPeer(const std::vector<geo::CoastSegment>& segments) : ctx_(GEOS_init_r()) {
        tree_ = GEOSSTRtree_create_r(ctx_, 10);
        for (const auto& s : segments) {
            GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx_, static_cast<unsigned>(s.path.size()), 2);
            for (unsigned i = 0; i < s.path.size(); ++i) GEOSCoordSeq_setXY_r(ctx_, seq, i, s.path[i].x, s.path[i].y);
            geoms_.push_back(GEOSGeom_createLineString_r(ctx_, seq));
            GEOSSTRtree_insert_r(ctx_, tree_, geoms_.back(), reinterpret_cast<void*>(static_cast<std::uintptr_t>(geoms_.size() - 1)));
        }
    }
    ~GeosPeer() {
        GEOSSTRtree_destroy_r(ctx_, tree_);
        for (auto* g : geoms_) GEOSGeom_destroy_r(ctx_, g);
        GEOS_finish_r(ctx_);
    }
    GeosPeer(const GeosPeer&) = delete;
    GeosPeer& operator=(const GeosPeer&) = delete;

    // Per segment: seconds observed, counting each fix within R for the time to the next fix of
    // its leg (the fix-by-fix approximation such tools use), and the (fix, segment) pairs per
    // segment. Returns the (fix, segment) pairs found.
    std::size_t run(const std::vector<geo::Track>& tracks, double range_m, std::vector<double>& observed_s,
                    std::vector<std::uint32_t>& pairs_per_segment) {
        observed_s.assign(geoms_.size(), 0.0);
        pairs_per_segment.assign(geoms_.size(), 0);
        std::size_t pairs = 0;
        std::vector<std::uint32_t> hits;
        for (const auto& track : tracks)
            for (const auto& leg : track.legs)
                for (std::size_t k = 0; k < leg.fixes.size(); ++k) {
                    const geo::Fix& f = leg.fixes[k];
                    const double dt = k + 1 < leg.fixes.size() ? leg.fixes[k + 1].t - f.t : 0;
                    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(ctx_, f.p.x, f.p.y);
                    const GEOSPreparedGeometry* prep = GEOSPrepare_r(ctx_, pt);
                    GEOSGeometry* env = GEOSGeom_createRectangle_r(ctx_, f.p.x - range_m, f.p.y - range_m, f.p.x + range_m, f.p.y + range_m);
                    hits.clear();
                    GEOSSTRtree_query_r(ctx_, tree_, env, &GeosPeer::collect, &hits);
                    for (std::uint32_t id : hits)
                        if (GEOSPreparedDistanceWithin_r(ctx_, prep, geoms_[id], range_m) == 1) {
                            observed_s[id] += dt;
                            ++pairs_per_segment[id];
                            ++pairs;
                        }
                    GEOSPreparedGeom_destroy_r(ctx_, prep);
                    GEOSGeom_destroy_r(ctx_, pt);
                    GEOSGeom_destroy_r(ctx_, env);
                }
        return pairs;
    }

private:
    static void collect(void* item, void* userdata) {
        static_cast<std::vector<std::uint32_t>*>(userdata)->push_back(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item)));
    }
    GEOSContextHandle_t ctx_;
    GEOSSTRtree* tree_ = nullptr;
    std::vector<GEOSGeometry*> geoms_;
};

}  // namespace tidemark::bench
