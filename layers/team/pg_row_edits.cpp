#include "layers/team/pg_row_edits.h"

#include "layers/store/row_merge.h"

#include <cstdio>
#include <map>

namespace tidemark::layers::team {
namespace {

// A value as a text parameter for a column of `type` (NULL for null and for an empty time).
std::optional<std::string> value_param(const Value& v, FieldType type) {
    if (std::holds_alternative<std::monostate>(v)) return std::nullopt;
    const auto* d = std::get_if<double>(&v);
    if (type == FieldType::Integer && d) return std::to_string(static_cast<std::int64_t>(*d));
    if (type == FieldType::Real && d) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.17g", *d);  // 17 digits: the same double back
        return std::string(buf);
    }
    std::string text = to_string(v);
    if (type == FieldType::DateTime && text.empty()) return std::nullopt;
    return text;
}

class RowWriter {
public:
    RowWriter(PgConnection& conn, const TableShape& shape, const RowEdits& edits)
        : conn_(conn), shape_(shape), fields_(edits.layer->fields), layer_(edits.layer->name),
          table_(quote_ident(shape.name)), fid_(quote_ident(shape.fid_column)) {
        version_ = edits.layer->field_index(kVersionField);
    }

    // Writes one edit (its fid into `written`); a row that cannot be merged adds a line to
    // `conflicts`. False on a database error.
    bool save(const RowEdit& e, std::vector<std::int64_t>& written, RowSave& out, std::string* error) {
        std::vector<std::string>& conflicts = out.conflicts;
        if (!e.base) return insert(*e.mine, written, conflicts, error);
        const std::optional<std::string> base_version = version_of(*e.base);
        if (!e.mine) {
            PgResult r = conn_.exec("DELETE FROM " + table_ + " WHERE " + fid_ + " = $1 AND version IS NOT DISTINCT FROM $2::int8 RETURNING 1",
                                    error, {std::to_string(e.fid), base_version});
            if (!r) return false;
            if (PQntuples(r.get()) == 1) return true;
        } else {
            auto done = update(*e.mine, e.fid, base_version, error);
            if (!done) return false;
            if (*done) {
                written.push_back(e.fid);
                return true;
            }
        }
        // Another writer got there first: merge against the row as they left it.
        Layer current;
        if (!read_table(conn_, shape_, current, error, fid_ + " = " + std::to_string(e.fid), /*for_update=*/true)) return false;
        if (current.features().empty()) {
            if (e.mine)
                conflicts.push_back("row " + std::to_string(e.fid) + " of " + layer_ + ": removed by another person since you read it "
                                    "(or no longer shared with you); your change to it cannot be saved");
            return true;  // removed by both: nothing to do
        }
        const Feature& theirs = current.features().front();
        if (!e.mine) {
            conflicts.push_back("row " + std::to_string(e.fid) + " of " + layer_ + ": changed by " + last_change_of(fields_, theirs) +
                                " since you read it, and you removed it");
            return true;
        }
        RowMerge m = merge_row(fields_, *e.base, theirs, *e.mine);
        if (!m.conflicts.empty()) {
            conflicts.push_back(describe_conflict(layer_, fields_, *e.base, theirs, m.conflicts));
            out.fields.push_back({layer_, e.fid, *e.base, theirs, *e.mine, std::move(m.conflicts), last_change_of(fields_, theirs)});
            return true;
        }
        auto done = update(m.merged, e.fid, version_of(theirs), error);
        if (!done) return false;
        if (!*done) {  // cannot happen while the row is locked; said plainly if it does
            *error = "row " + std::to_string(e.fid) + " of " + layer_ + " changed while it was locked";
            return false;
        }
        written.push_back(e.fid);
        return true;
    }

private:
    std::optional<std::string> version_of(const Feature& f) const {
        if (version_ < 0 || static_cast<std::size_t>(version_) >= f.values.size()) return std::nullopt;
        return value_param(f.values[static_cast<std::size_t>(version_)], FieldType::Integer);
    }
    std::optional<std::string> field_param(const Feature& f, std::size_t i) const {
        return value_param(i < f.values.size() ? f.values[i] : Value{}, fields_[i].type);
    }

    // Writes `row` over the row `fid` if its version is `expected`; true/false whether it did.
    std::optional<bool> update(const Feature& row, std::int64_t fid, const std::optional<std::string>& expected, std::string* error) {
        PgParams params;
        std::string set;
        if (!shape_.geom_column.empty()) {
            params.push_back(geometry_param(shape_, row.geometry));
            set = quote_ident(shape_.geom_column) + " = $1::geometry";
        }
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            if (static_cast<int>(i) == version_) continue;
            params.push_back(field_param(row, i));
            set += (set.empty() ? "" : ", ") + quote_ident(fields_[i].name) + " = $" + std::to_string(params.size());
        }
        set += std::string(set.empty() ? "" : ", ") + "version = coalesce(version, 0) + 1";
        params.push_back(std::to_string(fid));
        params.push_back(expected);
        const std::string n = std::to_string(params.size());
        PgResult r = conn_.exec("UPDATE " + table_ + " SET " + set + " WHERE " + fid_ + " = $" + std::to_string(params.size() - 1) +
                                    " AND version IS NOT DISTINCT FROM $" + n + "::int8 RETURNING 1",
                                error, params);
        if (!r) return std::nullopt;
        return PQntuples(r.get()) == 1;
    }

    bool insert(const Feature& row, std::vector<std::int64_t>& written, std::vector<std::string>& conflicts, std::string* error) {
        PgParams params{std::to_string(row.fid)};
        std::string cols = fid_, values = "$1";
        if (!shape_.geom_column.empty()) {
            params.push_back(geometry_param(shape_, row.geometry));
            cols += ", " + quote_ident(shape_.geom_column);
            values += ", $2::geometry";
        }
        for (std::size_t i = 0; i < fields_.size(); ++i) {
            params.push_back(field_param(row, i));
            cols += ", " + quote_ident(fields_[i].name);
            values += ", $" + std::to_string(params.size());
        }
        PgResult r = conn_.exec("INSERT INTO " + table_ + " (" + cols + ") VALUES (" + values + ") ON CONFLICT (" + fid_ +
                                    ") DO NOTHING RETURNING 1",
                                error, params);
        if (!r) return false;
        if (PQntuples(r.get()) == 1) {
            written.push_back(row.fid);
            return true;
        }
        conflicts.push_back("row " + std::to_string(row.fid) + " of " + layer_ +
                            ": another person added a row with that id since you read it (or it is another agency's "
                            "row, hidden from you); your new row cannot be saved under it");
        return true;
    }

    PgConnection& conn_;
    const TableShape& shape_;
    const std::vector<Field>& fields_;
    std::string layer_, table_, fid_;
    int version_ = -1;
};

}  // namespace

bool save_rows(PgConnection& conn, const TableShape& shape, const RowEdits& edits, RowSave* out, std::string* error) {
    if (shape.fid_column.empty()) {
        *error = "layer '" + shape.name + "': its table has no integer key; it cannot be saved row by row";
        return false;
    }
    RowWriter writer(conn, shape, edits);
    std::vector<std::int64_t> written;
    for (const RowEdit& e : edits.rows)
        if (!writer.save(e, written, *out, error)) {
            *error = "layer '" + shape.name + "': " + *error;
            return false;
        }
    if (!out->conflicts.empty() || written.empty()) return true;
    std::string ids;
    for (std::int64_t fid : written) ids += (ids.empty() ? "" : ",") + std::to_string(fid);
    Layer now;
    if (!read_table(conn, shape, now, error, quote_ident(shape.fid_column) + " = ANY('{" + ids + "}'::int8[])")) return false;
    out->written = std::move(now.features());
    return true;
}

}  // namespace tidemark::layers::team
