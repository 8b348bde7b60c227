#include "layers/store/row_merge.h"

namespace tidemark::layers {
namespace {

bool bookkeeping(const std::string& field) {
    return field == kVersionField || field == "updated_by" || field == "updated_at";
}

const Value& value_at(const Feature& f, std::size_t i) {
    static const Value null;
    return i < f.values.size() ? f.values[i] : null;
}

std::string value_text(const Value& v) {
    if (std::holds_alternative<std::monostate>(v)) return "(empty)";
    return "'" + to_string(v) + "'";
}

std::string geometry_text(const Geometry& g) {
    if (g.kind == geo::GeometryKind::None || g.empty()) return "(no geometry)";
    const std::size_t parts = g.points.size() + g.lines.size() + g.polygons.size();
    return std::string(g.kind == geo::GeometryKind::Point ? "point" : g.kind == geo::GeometryKind::Line ? "line" : "polygon") +
           " of " + std::to_string(parts) + " part(s), " + std::to_string(g.vertex_count()) + " vertices";
}

std::string field_text(const std::vector<Field>& fields, const Feature& row, const char* name) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name) return to_string(value_at(row, i));
    return {};
}

}  // namespace

bool same_geometry(const Geometry& a, const Geometry& b) {
    if (a.kind != b.kind || a.points != b.points || a.lines != b.lines || a.polygons.size() != b.polygons.size())
        return false;
    for (std::size_t i = 0; i < a.polygons.size(); ++i)
        if (a.polygons[i].outer != b.polygons[i].outer || a.polygons[i].holes != b.polygons[i].holes) return false;
    return true;
}

bool same_row(const Feature& a, const Feature& b) {
    return a.values == b.values && same_geometry(a.geometry, b.geometry);
}

RowMerge merge_row(const std::vector<Field>& fields, const Feature& base, const Feature& theirs, const Feature& mine) {
    RowMerge m;
    m.merged = theirs;
    m.merged.values.resize(fields.size());
    if (!same_geometry(mine.geometry, base.geometry)) {
        if (same_geometry(theirs.geometry, base.geometry) || same_geometry(theirs.geometry, mine.geometry))
            m.merged.geometry = mine.geometry;
        else
            m.conflicts.push_back({kGeometryName, geometry_text(base.geometry), geometry_text(theirs.geometry),
                                   geometry_text(mine.geometry)});
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const Value &b = value_at(base, i), &t = value_at(theirs, i), &n = value_at(mine, i);
        if (bookkeeping(fields[i].name)) {
            // Stamped as mine (the merged row is this save's change); the store sets the version.
            if (fields[i].name != kVersionField) m.merged.values[i] = n;
            continue;
        }
        if (n == b) continue;  // mine left it: theirs stands
        if (t == b || t == n)
            m.merged.values[i] = n;
        else
            m.conflicts.push_back({fields[i].name, value_text(b), value_text(t), value_text(n)});
    }
    return m;
}

std::string last_change_of(const std::vector<Field>& fields, const Feature& row) {
    const std::string who = field_text(fields, row, "updated_by"), when = field_text(fields, row, "updated_at");
    return (who.empty() ? std::string("someone") : who) + (when.empty() ? "" : " at " + when);
}

std::string describe_conflict(const std::string& layer, const std::vector<Field>& fields, const Feature& base,
                              const Feature& theirs, const std::vector<FieldConflict>& conflicts) {
    std::string s = "row " + std::to_string(theirs.fid) + " of " + layer + ": changed by " + last_change_of(fields, theirs);
    const std::string theirs_v = field_text(fields, theirs, kVersionField), base_v = field_text(fields, base, kVersionField);
    if (!theirs_v.empty()) s += " (version " + theirs_v + ") since you read version " + base_v;
    s += "; both changed ";
    for (std::size_t i = 0; i < conflicts.size(); ++i) {
        const FieldConflict& c = conflicts[i];
        s += (i ? "; " : "") + c.field + ": base " + c.base + ", theirs " + c.theirs + ", mine " + c.mine;
    }
    return s;
}

}  // namespace tidemark::layers
