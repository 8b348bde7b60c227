#include "layers/store/row_resolve.h"

namespace tidemark::layers {
namespace {

bool bookkeeping(const std::string& name) {
    return name == kVersionField || name == "updated_by" || name == "updated_at";
}

}  // namespace

Feature resolve_row(const std::vector<Field>& fields, const RowConflict& c, const std::vector<bool>& take_mine) {
    // Chosen mine: the base says theirs, so mine is the only change. Chosen theirs: mine says theirs.
    Feature base = c.base, mine = c.mine;
    base.values.resize(fields.size());
    mine.values.resize(fields.size());
    for (std::size_t k = 0; k < c.fields.size(); ++k) {
        const bool keep_mine = k < take_mine.size() && take_mine[k];
        Feature& moved = keep_mine ? base : mine;
        if (c.fields[k].field == kGeometryName) {
            moved.geometry = c.theirs.geometry;
            continue;
        }
        for (std::size_t i = 0; i < fields.size(); ++i)
            if (fields[i].name == c.fields[k].field && i < c.theirs.values.size()) moved.values[i] = c.theirs.values[i];
    }
    RowMerge m = merge_row(fields, base, c.theirs, mine);
    // Every conflicting field was settled above, so nothing is left to conflict.
    bool mine_left = !same_geometry(m.merged.geometry, c.theirs.geometry);
    for (std::size_t i = 0; i < fields.size() && !mine_left; ++i) {
        if (bookkeeping(fields[i].name)) continue;
        const Value none;
        const Value& t = i < c.theirs.values.size() ? c.theirs.values[i] : none;
        if (!(m.merged.values[i] == t)) mine_left = true;
    }
    if (!mine_left) return c.theirs;
    // The version the store gives the saved row, as an edit made on theirs sets it (so the row
    // the save returns is the one held, not counted as merged).
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == kVersionField && i < c.theirs.values.size())
            if (const auto v = to_number(c.theirs.values[i])) m.merged.values[i] = static_cast<std::int64_t>(*v) + 1;
    return m.merged;
}

}  // namespace tidemark::layers
