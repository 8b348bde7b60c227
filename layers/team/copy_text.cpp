#include "layers/team/copy_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace tidemark::layers::team {
namespace {

void append_real(std::string& out, double d) {
    if (std::isnan(d)) {
        out += "NaN";
    } else if (std::isinf(d)) {
        out += d > 0 ? "Infinity" : "-Infinity";
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", d);  // 17 digits: the same double back
        out += buf;
    }
}

}  // namespace

void append_copy_escaped(std::string& out, const std::string& text) {
    for (char c : text) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\t': out += "\\t"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            default: out += c;
        }
    }
}

void append_copy_value(std::string& out, const Value& v, FieldType type) {
    if (std::holds_alternative<std::monostate>(v)) {
        out += "\\N";
        return;
    }
    const auto* i = std::get_if<std::int64_t>(&v);
    const auto* d = std::get_if<double>(&v);
    const auto* s = std::get_if<std::string>(&v);
    switch (type) {
        case FieldType::Integer:
            if (i) out += std::to_string(*i);
            else if (d) std::isfinite(*d) ? void(out += std::to_string(static_cast<std::int64_t>(*d))) : void(out += "\\N");
            else out += std::to_string(std::strtoll(s->c_str(), nullptr, 10));
            return;
        case FieldType::Real:
            if (i) out += std::to_string(*i);
            else if (d) append_real(out, *d);
            else append_real(out, std::strtod(s->c_str(), nullptr));
            return;
        case FieldType::DateTime:
            if (s && s->empty()) {
                out += "\\N";
                return;
            }
            break;
        case FieldType::String: break;
    }
    append_copy_escaped(out, to_string(v));
}

void append_ewkb_hex(std::string& out, const OGRGeometry& g, int srid) {
    const std::size_t size = g.WkbSize();
    std::vector<unsigned char> wkb(size);
    g.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
    // EWKB: the SRID flag in the type word and the SRID right after it.
    std::uint32_t type = static_cast<std::uint32_t>(wkb[1]) | static_cast<std::uint32_t>(wkb[2]) << 8 |
                         static_cast<std::uint32_t>(wkb[3]) << 16 | static_cast<std::uint32_t>(wkb[4]) << 24;
    type |= 0x20000000u;
    unsigned char head[9] = {wkb[0]};
    for (int k = 0; k < 4; ++k) {
        head[1 + k] = static_cast<unsigned char>(type >> (8 * k));
        head[5 + k] = static_cast<unsigned char>(static_cast<std::uint32_t>(srid) >> (8 * k));
    }
    static const char* hex = "0123456789ABCDEF";
    auto put = [&](unsigned char b) {
        out += hex[b >> 4];
        out += hex[b & 15];
    };
    for (unsigned char b : head) put(b);
    for (std::size_t k = 5; k < size; ++k) put(wkb[k]);
}

}  // namespace tidemark::layers::team
