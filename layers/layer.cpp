#include "layers/layer.h"

#include <algorithm>
#include <cmath>
#include <strings.h>

namespace tidemark::layers {

namespace {
constexpr const char* kRoleNames[] = {"generic", "coastline", "ports", "forces", "territorial_sea", "tracks",
                                      "track_legs", "reports", "segments", "gaps", "table", "land"};
}

const char* role_name(LayerRole role) { return kRoleNames[static_cast<int>(role)]; }

std::optional<LayerRole> role_from_name(const std::string& name) {
    for (int i = 0; i < static_cast<int>(std::size(kRoleNames)); ++i)
        if (strcasecmp(name.c_str(), kRoleNames[i]) == 0) return static_cast<LayerRole>(i);
    return std::nullopt;
}

std::string to_string(const Value& v) {
    if (auto i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto d = std::get_if<double>(&v)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g", *d);
        return buf;
    }
    if (auto s = std::get_if<std::string>(&v)) return *s;
    return {};
}

std::optional<double> to_number(const Value& v) {
    if (auto i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
    if (auto d = std::get_if<double>(&v)) return *d;
    if (auto s = std::get_if<std::string>(&v)) {
        char* end = nullptr;
        double d = std::strtod(s->c_str(), &end);
        if (end != s->c_str() && *end == '\0') return d;
    }
    return std::nullopt;
}

Layer::Layer(const Layer& other)
    : name(other.name),
      role(other.role),
      source(other.source),
      attribution(other.attribution),
      force_multi(other.force_multi),
      empty_kind(other.empty_kind),
      row_versions(other.row_versions),
      fields(other.fields),
      features_(other.features()),
      rows_hash_as_read_(other.rows_hash_as_read()),
      index_(other.index_) {}

Layer& Layer::operator=(const Layer& other) {
    if (this != &other) *this = Layer(other);
    return *this;
}

void Layer::defer_rows(std::shared_ptr<RowSource> source) {
    features_.clear();
    index_.reset();
    rows_hash_as_read_.reset();
    unread_ = std::make_unique<Unread>();
    unread_->source = std::move(source);
}

void Layer::read_rows() const {
    std::call_once(unread_->once, [this] {
        RowSource::Rows rows = unread_->source->read_rows(name);
        features_ = std::move(rows.features);
        rows_hash_as_read_ = rows.hash;
        index_.reset();
        unread_->done.store(true, std::memory_order_release);
    });
}

int Layer::field_index(const std::string& field) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (strcasecmp(fields[i].name.c_str(), field.c_str()) == 0) return static_cast<int>(i);
    return -1;
}

int Layer::add_field(const std::string& field, FieldType type) {
    int i = field_index(field);
    if (i >= 0) return i;
    fields.push_back({field, type});
    for (Feature& f : features()) f.values.resize(fields.size());
    return static_cast<int>(fields.size() - 1);
}

const Value& Layer::value(const Feature& f, const std::string& field) const {
    static const Value null_value;
    int i = field_index(field);
    return i >= 0 && static_cast<std::size_t>(i) < f.values.size() ? f.values[i] : null_value;
}

Box Layer::extent() const {
    if (index_) return index_->bounds();
    Box b;
    for (const Feature& f : features()) b.expand(f.geometry.bounds());
    return b;
}

geo::GeometryKind Layer::geometry_kind() const {
    for (const Feature& f : features())
        if (f.geometry.kind != geo::GeometryKind::None) return f.geometry.kind;
    return geo::GeometryKind::None;
}

std::size_t Layer::vertex_count() const {
    std::size_t n = 0;
    for (const Feature& f : features()) n += f.geometry.vertex_count();
    return n;
}

const geo::SpatialIndex& Layer::index() const {
    if (!index_) {
        std::vector<Box> boxes;
        boxes.reserve(features().size());
        for (const Feature& f : features()) boxes.push_back(f.geometry.bounds());
        index_.emplace(boxes);
    }
    return *index_;
}

void Layer::rebuild_index() { index_.reset(); }

double distance(const Geometry& g, XY p) {
    double best = std::numeric_limits<double>::infinity();
    for (XY q : g.points) best = std::min(best, std::hypot(q.x - p.x, q.y - p.y));
    for (const geo::Path& l : g.lines) best = std::min(best, geo::distance_to_path(p, l));
    for (const geo::Polygon& poly : g.polygons) {
        if (geo::contains(poly, p)) return 0;
        best = std::min(best, geo::distance_to_path(p, poly.outer));
        for (const geo::Path& h : poly.holes) best = std::min(best, geo::distance_to_path(p, h));
    }
    return best;
}

std::int64_t Layer::nearest(XY p, double max_distance, double* found) const {
    return index().nearest(p, [&](std::uint32_t id) { return distance(features()[id].geometry, p); },
                           max_distance, found);
}

}  // namespace tidemark::layers
