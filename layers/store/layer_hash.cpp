#include "layers/store/layer_hash.h"

#include <cstring>
#include <string_view>

namespace tidemark::layers {
namespace {

// Order-sensitive mixing of 64-bit words (the wyhash/murmur finaliser step): ~1 ns a word, so the
// 44 MB demo workspace hashes in tens of milliseconds.
class Hasher {
public:
    void word(std::uint64_t w) {
        h_ ^= w + 0x9e3779b97f4a7c15ull + (h_ << 6) + (h_ >> 2);
        h_ = mix(h_);
    }
    void number(double d) {
        if (d == 0.0) d = 0.0;  // -0.0 and 0.0 are written the same
        std::uint64_t w;
        std::memcpy(&w, &d, sizeof w);
        word(w);
    }
    void text(std::string_view s) {
        word(s.size());
        std::size_t i = 0;
        for (; i + 8 <= s.size(); i += 8) {
            std::uint64_t w;
            std::memcpy(&w, s.data() + i, 8);
            word(w);
        }
        std::uint64_t tail = 0;
        std::memcpy(&tail, s.data() + i, s.size() - i);
        word(tail);
    }
    void path(const geo::Path& p) {
        word(p.size());
        for (const geo::XY& xy : p) {
            number(xy.x);
            number(xy.y);
        }
    }
    std::uint64_t value() const { return h_; }

private:
    static std::uint64_t mix(std::uint64_t x) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdull;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53ull;
        x ^= x >> 33;
        return x;
    }
    std::uint64_t h_ = 0x6a09e667f3bcc908ull;
};

void add(Hasher& h, const Value& v) {
    h.word(v.index());
    if (auto n = std::get_if<std::int64_t>(&v))
        h.word(static_cast<std::uint64_t>(*n));
    else if (auto d = std::get_if<double>(&v))
        h.number(*d);
    else if (auto s = std::get_if<std::string>(&v))
        h.text(*s);
}

void add(Hasher& h, const Geometry& g) {
    h.word(static_cast<std::uint64_t>(g.kind));
    h.word(g.points.size());
    for (const geo::XY& p : g.points) {
        h.number(p.x);
        h.number(p.y);
    }
    h.word(g.lines.size());
    for (const geo::Path& l : g.lines) h.path(l);
    h.word(g.polygons.size());
    for (const geo::Polygon& p : g.polygons) {
        h.path(p.outer);
        h.word(p.holes.size());
        for (const geo::Path& hole : p.holes) h.path(hole);
    }
}

}  // namespace

std::uint64_t metadata_hash(const Layer& layer) {
    Hasher h;
    h.text(layer.name);
    h.word(static_cast<std::uint64_t>(layer.role));
    h.text(layer.source);
    h.text(layer.attribution);
    h.word(layer.force_multi);
    h.word(static_cast<std::uint64_t>(layer.empty_kind));
    h.word(layer.fields.size());
    for (const Field& f : layer.fields) {
        h.text(f.name);
        h.word(static_cast<std::uint64_t>(f.type));
    }
    return h.value();
}

std::uint64_t rows_hash(const std::vector<Feature>& features) {
    Hasher h;
    h.word(features.size());
    for (const Feature& f : features) {
        add(h, f.geometry);
        h.word(f.values.size());
        for (const Value& v : f.values) add(h, v);
    }
    return h.value();
}

std::uint64_t content_hash(std::uint64_t metadata, std::uint64_t rows) {
    Hasher h;
    h.word(metadata);
    h.word(rows);
    return h.value();
}

std::uint64_t content_hash(const Layer& layer) {
    return content_hash(metadata_hash(layer), rows_hash(layer.features()));
}

}  // namespace tidemark::layers
