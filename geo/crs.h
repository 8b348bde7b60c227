// Coordinate reference systems through PROJ: WGS 84 <-> the working projected CRS.
// Coordinates are always in "visualisation" order: x = easting or longitude, y = northing
// or latitude, whatever axis order the CRS definition declares.
#pragma once

#include "geo/geometry.h"

#include <memory>
#include <optional>
#include <string>

struct pj_ctx;
struct PJconsts;

namespace tidemark::geo {

// A CRS the user named: "EPSG:27700", a WKT string, or anything proj_create() accepts.
class Crs {
public:
    // Parses and validates; on failure returns nullopt and fills `error` with text fit for a person.
    static std::optional<Crs> parse(const std::string& definition, std::string* error = nullptr);
    // As parse, and the CRS must be one distances can be measured in: projected, in metres
    // (the working CRS of a workspace, coverage or sectors run). Otherwise the error says why.
    static std::optional<Crs> parse_working(const std::string& definition, std::string* error = nullptr);
    static Crs wgs84();
    static Crs british_national_grid();

    const std::string& definition() const { return definition_; }
    const std::string& name() const { return name_; }
    bool is_geographic() const { return geographic_; }
    std::string wkt() const;  // WKT2:2019, for writing into files

    friend bool operator==(const Crs& a, const Crs& b) { return a.definition_ == b.definition_; }

private:
    Crs(std::string definition, std::string name, bool geographic)
        : definition_(std::move(definition)), name_(std::move(name)), geographic_(geographic) {}
    std::string definition_;
    std::string name_;
    bool geographic_ = false;
};

// The working CRS for data whose WGS 84 extent is `lonlat`: British National Grid when the
// data lies in or around the BNG area (GB, NI, IoM, Channel Islands and their seas),
// otherwise the WGS 84 / UTM zone of the extent's centre.
Crs choose_working_crs(const Box& lonlat);

// Transforms between two CRSs. Owns its own PROJ context: one object per thread.
// Throws std::runtime_error (naming both CRSs) when PROJ cannot build the operation.
class Transformer {
public:
    Transformer(const Crs& from, const Crs& to);
    ~Transformer();
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;
    Transformer(const Transformer&) = delete;
    Transformer& operator=(const Transformer&) = delete;

    // A point that cannot be transformed comes back as {inf, inf}.
    XY forward(XY p) const;
    XY inverse(XY p) const;
    void forward(XY* points, std::size_t count) const;
    void inverse(XY* points, std::size_t count) const;
    void forward(Geometry& geometry) const;
    // The PROJ pipeline actually used, e.g. "+proj=pipeline +step ..." (for the README and logs).
    std::string pipeline() const;
    bool identity() const { return identity_; }

private:
    void apply(XY* points, std::size_t count, bool inverse) const;
    pj_ctx* ctx_ = nullptr;
    PJconsts* op_ = nullptr;
    const PJconsts* prototype_ = nullptr;  // the pool's key: op_ goes back to it at the end
    bool identity_ = false;
};

}  // namespace tidemark::geo
