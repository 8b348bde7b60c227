#include "geo/crs.h"

#include <proj.h>

#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <vector>

namespace tidemark::geo {
namespace {

struct ContextDeleter {
    void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); }
};
struct PjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};
using ContextPtr = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

ContextPtr new_context() {
    ContextPtr ctx(proj_context_create());
    // Never reach for the network: grids come from proj-data or not at all.
    proj_context_set_enable_network(ctx.get(), 0);
    proj_log_level(ctx.get(), PJ_LOG_NONE);
    return ctx;
}

// PROJ's text for the context's last error. proj_context_errno_string() returns NULL when
// PROJ set no error number (as for a local/engineering CRS it cannot link to the Earth), and
// a NULL appended to a std::string is a crash, so never pass it on unchecked.
std::string last_error(PJ_CONTEXT* ctx, const char* otherwise) {
    const int code = proj_context_errno(ctx);
    const char* text = code ? proj_context_errno_string(ctx, code) : nullptr;
    return text && *text ? text : otherwise;
}

// A CRS PROJ cannot place on the Earth: an engineering (local) CRS such as a LOCAL_CS .prj
// or a GeoPackage layer with srs_id -1 ("Undefined Cartesian SRS").
bool is_local(PJ_CONTEXT* ctx, const std::string& definition) {
    PjPtr pj(proj_create(ctx, definition.c_str()));
    if (pj && proj_get_type(pj.get()) == PJ_TYPE_BOUND_CRS) pj.reset(proj_get_source_crs(ctx, pj.get()));
    return pj && proj_get_type(pj.get()) == PJ_TYPE_ENGINEERING_CRS;
}

bool is_geographic_type(PJ_TYPE t) {
    return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS ||
           t == PJ_TYPE_GEOGRAPHIC_CRS;
}

}  // namespace

std::optional<Crs> Crs::parse(const std::string& definition, std::string* error) {
    ContextPtr ctx = new_context();
    PjPtr pj(proj_create(ctx.get(), definition.c_str()));
    if (!pj) {
        if (error)
            *error = "unknown CRS '" + definition +
                     "': expected an EPSG code such as EPSG:27700, or WKT (" +
                     last_error(ctx.get(), "PROJ does not recognise it") + ")";
        return std::nullopt;
    }
    PJ_TYPE type = proj_get_type(pj.get());
    if (type == PJ_TYPE_BOUND_CRS) {
        PjPtr base(proj_get_source_crs(ctx.get(), pj.get()));
        if (base) type = proj_get_type(base.get());
    }
    if (!proj_is_crs(pj.get())) {
        if (error) *error = "'" + definition + "' is not a coordinate reference system";
        return std::nullopt;
    }
    const char* name = proj_get_name(pj.get());
    return Crs(definition, name ? name : definition, is_geographic_type(type));
}

std::optional<Crs> Crs::parse_working(const std::string& definition, std::string* error) {
    auto crs = parse(definition, error);
    if (!crs) return crs;
    const std::string what = "'" + definition + "' (" + crs->name() + ")";
    const std::string fix = "; give a projected CRS in metres, e.g. EPSG:27700 (British National Grid) or a UTM zone";
    auto fail = [&](const std::string& why) -> std::optional<Crs> {
        if (error) *error = what + " " + why + fix;
        return std::nullopt;
    };
    if (crs->is_geographic()) return fail("is geographic (degrees), so distances in metres cannot be measured in it");
    ContextPtr ctx = new_context();
    PjPtr pj(proj_create(ctx.get(), definition.c_str()));
    if (pj && proj_get_type(pj.get()) == PJ_TYPE_BOUND_CRS) pj.reset(proj_get_source_crs(ctx.get(), pj.get()));
    if (pj && proj_get_type(pj.get()) == PJ_TYPE_COMPOUND_CRS) pj.reset(proj_crs_get_sub_crs(ctx.get(), pj.get(), 0));
    if (!pj || proj_get_type(pj.get()) != PJ_TYPE_PROJECTED_CRS) return fail("is not a projected CRS");
    PjPtr cs(proj_crs_get_coordinate_system(ctx.get(), pj.get()));
    const int axes = cs ? proj_cs_get_axis_count(ctx.get(), cs.get()) : 0;
    if (axes < 2) return fail("has no horizontal axes");
    for (int i = 0; i < 2; ++i) {
        double to_metres = 0;
        const char* unit = nullptr;
        proj_cs_get_axis_info(ctx.get(), cs.get(), i, nullptr, nullptr, nullptr, &to_metres, &unit, nullptr, nullptr);
        if (std::abs(to_metres - 1.0) > 1e-12) return fail(std::string("measures in ") + (unit ? unit : "a unit other than metres"));
    }
    return crs;
}

Crs Crs::wgs84() { return Crs("EPSG:4326", "WGS 84", true); }
Crs Crs::british_national_grid() { return Crs("EPSG:27700", "OSGB36 / British National Grid", false); }

std::string Crs::wkt() const {
    ContextPtr ctx = new_context();
    PjPtr pj(proj_create(ctx.get(), definition_.c_str()));
    if (!pj) return {};
    const char* w = proj_as_wkt(ctx.get(), pj.get(), PJ_WKT2_2019, nullptr);
    return w ? w : std::string{};
}

Crs choose_working_crs(const Box& lonlat) {
    // BNG's area of use (EPSG) is 49.75..61.01 N, 9.01 W..2.01 E; allow a margin so the
    // Channel Islands and the NI border stay on one grid.
    const Box bng_area{-10.5, 48.5, 3.5, 62.0};
    if (lonlat.empty() || (bng_area.contains({lonlat.min_x, lonlat.min_y}) &&
                           bng_area.contains({lonlat.max_x, lonlat.max_y})))
        return Crs::british_national_grid();
    XY c = lonlat.centre();
    int zone = std::clamp(static_cast<int>(std::floor((c.x + 180.0) / 6.0)) + 1, 1, 60);
    int epsg = (c.y >= 0 ? 32600 : 32700) + zone;
    return *Crs::parse("EPSG:" + std::to_string(epsg));
}

namespace {

// proj_create_crs_to_crs searches the EPSG database (~100 ms); proj_clone of the result
// takes ~1 ms, a new context more (it opens proj.db). So each (from, to) pair is built once per
// process as a prototype, cloned into a context of its own for each Transformer, and a
// Transformer's context and operation go back to a pool when it ends, for the next one of the
// same pair: readers that make a Transformer per file then pay neither cost again. The
// prototypes and the pool live under one mutex; a pooled operation is used by one Transformer
// at a time.
struct Prototypes {
    std::mutex mutex;
    ContextPtr ctx = new_context();
    std::map<std::pair<std::string, std::string>, PjPtr> by_pair;
    std::map<const PJconsts*, std::vector<std::pair<ContextPtr, PjPtr>>> idle;
    static constexpr std::size_t kIdlePerPair = 8;
};

Prototypes& prototypes() {
    static Prototypes* p = new Prototypes;  // never destroyed: Transformers may end after main
    return *p;
}

const PJconsts* prototype_for(Prototypes& p, const Crs& from, const Crs& to) {
    auto key = std::make_pair(from.definition(), to.definition());
    auto it = p.by_pair.find(key);
    if (it != p.by_pair.end()) return it->second.get();
    PjPtr raw(proj_create_crs_to_crs(p.ctx.get(), key.first.c_str(), key.second.c_str(), nullptr));
    if (!raw) {
        std::string why = last_error(p.ctx.get(), "PROJ found no transformation");
        for (const Crs* c : {&from, &to})
            if (is_local(p.ctx.get(), c->definition()))
                why = c->name() + " is a local (engineering) CRS with no link to the Earth; "
                      "reproject the data into a georeferenced CRS such as EPSG:27700 or EPSG:4326";
        throw std::runtime_error("cannot transform from " + from.name() + " to " + to.name() + ": " + why);
    }
    PjPtr norm(proj_normalize_for_visualization(p.ctx.get(), raw.get()));
    if (!norm) throw std::runtime_error("cannot normalise axis order from " + from.name() + " to " + to.name());
    return p.by_pair.emplace(std::move(key), std::move(norm)).first->second.get();
}

}  // namespace

Transformer::Transformer(const Crs& from, const Crs& to) {
    identity_ = from == to;
    Prototypes& p = prototypes();
    std::lock_guard lock(p.mutex);
    prototype_ = prototype_for(p, from, to);
    auto& idle = p.idle[prototype_];
    if (!idle.empty()) {
        ctx_ = idle.back().first.release();
        op_ = idle.back().second.release();
        idle.pop_back();
        proj_errno_reset(op_);  // the last user's failed point must not show as this one's
        return;
    }
    ContextPtr ctx = new_context();
    PjPtr op(proj_clone(ctx.get(), prototype_));
    if (!op) throw std::runtime_error("cannot copy the transformation from " + from.name() + " to " + to.name());
    ctx_ = ctx.release();
    op_ = op.release();
}

Transformer::~Transformer() {
    if (!op_) return;
    ContextPtr ctx(ctx_);
    PjPtr op(op_);
    Prototypes& p = prototypes();
    std::lock_guard lock(p.mutex);
    auto& idle = p.idle[prototype_];
    if (idle.size() < Prototypes::kIdlePerPair) idle.emplace_back(std::move(ctx), std::move(op));
}

Transformer::Transformer(Transformer&& o) noexcept
    : ctx_(std::exchange(o.ctx_, nullptr)),
      op_(std::exchange(o.op_, nullptr)),
      prototype_(o.prototype_),
      identity_(o.identity_) {}

Transformer& Transformer::operator=(Transformer&& o) noexcept {
    if (this != &o) {
        this->~Transformer();
        ctx_ = std::exchange(o.ctx_, nullptr);
        op_ = std::exchange(o.op_, nullptr);
        prototype_ = o.prototype_;
        identity_ = o.identity_;
    }
    return *this;
}

void Transformer::apply(XY* points, std::size_t count, bool inverse) const {
    if (identity_ || count == 0) return;
    const PJ_DIRECTION dir = inverse ? PJ_INV : PJ_FWD;
    proj_trans_generic(op_, dir, &points[0].x, sizeof(XY), count, &points[0].y, sizeof(XY), count,
                       nullptr, 0, 0, nullptr, 0, 0);
    for (std::size_t i = 0; i < count; ++i) {
        if (points[i].x == HUGE_VAL || points[i].y == HUGE_VAL || !std::isfinite(points[i].x) ||
            !std::isfinite(points[i].y))
            points[i] = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity()};
    }
}

XY Transformer::forward(XY p) const { apply(&p, 1, false); return p; }
XY Transformer::inverse(XY p) const { apply(&p, 1, true); return p; }
void Transformer::forward(XY* points, std::size_t count) const { apply(points, count, false); }
void Transformer::inverse(XY* points, std::size_t count) const { apply(points, count, true); }

void Transformer::forward(Geometry& g) const {
    forward(g.points.data(), g.points.size());
    for (Path& l : g.lines) forward(l.data(), l.size());
    for (Polygon& poly : g.polygons) {
        forward(poly.outer.data(), poly.outer.size());
        for (Path& h : poly.holes) forward(h.data(), h.size());
    }
}

std::string Transformer::pipeline() const {
    if (identity_) return "identity";
    PJ_PROJ_INFO info = proj_pj_info(op_);
    return info.definition ? info.definition : (info.description ? info.description : "");
}

}  // namespace tidemark::geo
