// The in-memory data model: a Layer is a named set of features whose geometry is in the
// workspace's working CRS, with typed attribute fields and a spatial index.
#pragma once

#include "geo/geometry.h"
#include "geo/problem.h"
#include "geo/spatial_index.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace tidemark::layers {

using geo::Box;
using geo::Geometry;
using geo::XY;

// What a layer is for. The role decides default styles and which commands use it.
// Land: other land drawn for context (neighbouring countries), never cut into coverage segments.
enum class LayerRole { Generic, Coastline, Ports, Forces, Territorial, Tracks, TrackLegs, Reports, Segments, Gaps, Table, Land };
const char* role_name(LayerRole role);
std::optional<LayerRole> role_from_name(const std::string& name);

enum class FieldType { Integer, Real, String, DateTime };  // DateTime values are ISO 8601 UTC strings

struct Field {
    std::string name;
    FieldType type = FieldType::String;
};

// Null, integer, real or text. DateTime fields hold text.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;
std::string to_string(const Value& v);  // "" for null
std::optional<double> to_number(const Value& v);

struct Feature {
    std::int64_t fid = 0;       // id in the source, for problem reports
    Geometry geometry;          // in the working CRS; kind None for attribute-only rows
    std::vector<Value> values;  // parallel to Layer::fields
};

// Where the rows of a layer not read yet come from: a workspace opened with
// Workspace::Rows::OnFirstUse hands each layer one (store/lazy_rows.h), and the layer reads its
// rows from it on first use. The source keeps what reading them reported (problems, rows left out).
class RowSource {
public:
    struct Rows {
        std::vector<Feature> features;
        std::uint64_t hash = 0;  // rows_hash (store/layer_hash.h) of `features` as read
    };
    virtual ~RowSource() = default;
    virtual Rows read_rows(const std::string& layer) = 0;
};

class Layer {
public:
    Layer() = default;
    // A copy holds every row: copying a layer not read yet reads it first.
    Layer(const Layer& other);
    Layer& operator=(const Layer& other);
    Layer(Layer&&) = default;
    Layer& operator=(Layer&&) = default;

    std::string name;
    LayerRole role = LayerRole::Generic;
    std::string source;            // where it was read from (path, layer)
    std::string attribution;       // e.g. "© OpenStreetMap contributors"
    bool force_multi = false;      // write Multi* geometry types even when every feature has one part
    geo::GeometryKind empty_kind = geo::GeometryKind::None;  // kind to declare when no feature has geometry
    // Rows are keyed by a stable fid and carry an Integer `version` bumped by every change: saved
    // row by row with per-row version checks where the store can (workspace_store.h). Not stored.
    bool row_versions = false;
    std::vector<Field> fields;

    // The rows. A layer of a lazily opened workspace reads them from its store here, on first use
    // (once, from whichever thread asks first); every other layer holds them already.
    std::vector<Feature>& features() {
        if (!features_read()) read_rows();
        return features_;
    }
    const std::vector<Feature>& features() const {
        if (!features_read()) read_rows();
        return features_;
    }
    bool features_read() const { return !unread_ || unread_->done.load(std::memory_order_acquire); }
    // The rows come from `source` on first use (Workspace::open does this).
    void defer_rows(std::shared_ptr<RowSource> source);
    // For a layer whose rows were read lazily: their hash as read, which a save compares with
    // (nullopt for every other layer, and before the rows are read).
    std::optional<std::uint64_t> rows_hash_as_read() const {
        return features_read() ? rows_hash_as_read_ : std::nullopt;
    }

    int field_index(const std::string& name) const;  // -1 when absent (case-insensitive)
    int add_field(const std::string& name, FieldType type);  // returns its index; existing index if present
    const Value& value(const Feature& f, const std::string& field) const;  // null when absent
    Box extent() const;
    geo::GeometryKind geometry_kind() const;  // kind of the first feature with geometry, None if none
    std::size_t vertex_count() const;

    // Built on demand; invalidated by rebuild_index() after the features change.
    const geo::SpatialIndex& index() const;
    void rebuild_index();
    // Nearest feature to p (by true geometry distance) within max_distance; -1 when none.
    std::int64_t nearest(XY p, double max_distance, double* distance = nullptr) const;

private:
    struct Unread {
        std::shared_ptr<RowSource> source;
        std::once_flag once;
        std::atomic<bool> done{false};
    };
    void read_rows() const;

    mutable std::vector<Feature> features_;
    std::unique_ptr<Unread> unread_;  // set while the rows are still in the store
    mutable std::optional<std::uint64_t> rows_hash_as_read_;
    mutable std::optional<geo::SpatialIndex> index_;
};

// A vector<Layer> that grows must move its layers, not copy them (which reads their rows).
static_assert(std::is_nothrow_move_constructible_v<Layer>);

double distance(const Geometry& g, XY p);  // 0 inside polygons

}  // namespace tidemark::layers
