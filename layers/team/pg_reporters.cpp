#include "layers/team/pg_reporters.h"

#include "layers/reports/report_store.h"
#include "layers/reports/reports.h"
#include "layers/team/copy_text.h"

#include <algorithm>
#include <map>
#include <set>

namespace tidemark::layers::team {
namespace {

namespace col = report_columns;

bool is_reporter_field(const Field& f) { return f.name == col::kReporter || f.name == col::kReporterContact; }

}  // namespace

TableShape reporters_shape() {
    TableShape s;
    s.name = kReportersTable;
    s.fid_column = "fid";
    s.fields = {{col::kReporter, FieldType::String}, {col::kReporterContact, FieldType::String}};
    s.sharing = true;
    return s;
}

bool create_reporters_table(PgConnection& conn, std::string* error) {
    return create_table(conn, reporters_shape(), "", error) && record_reporters_history(conn, error);
}

bool record_reporters_history(PgConnection& conn, std::string* error) {
    return conn.run(std::string("CREATE TRIGGER history AFTER INSERT OR UPDATE OR DELETE ON ") + kReportersTable +
                        " FOR EACH ROW EXECUTE FUNCTION tidemark_record_history()",
                    error);
}

bool holds_reporters(const Layer& layer) {
    return layer.name == kReportsLayer && std::any_of(layer.fields.begin(), layer.fields.end(), is_reporter_field);
}

std::optional<Layer> reports_without_reporters(PgConnection& conn, const Layer& reports, std::string* error) {
    Layer stored = reports;
    for (std::size_t i = stored.fields.size(); i-- > 0;) {
        if (!is_reporter_field(stored.fields[i])) continue;
        stored.fields.erase(stored.fields.begin() + static_cast<std::ptrdiff_t>(i));
        for (Feature& f : stored.features())
            if (i < f.values.size()) f.values.erase(f.values.begin() + static_cast<std::ptrdiff_t>(i));
    }
    std::set<std::int64_t> used;
    std::vector<std::size_t> unnamed;
    for (std::size_t i = 0; i < stored.features().size(); ++i)
        if (stored.features()[i].fid <= 0 || !used.insert(stored.features()[i].fid).second) unnamed.push_back(i);
    if (unnamed.empty()) return stored;
    // New reports take ids no row has, as merge_rows would have given them.
    auto seq = conn.value("SELECT CASE WHEN to_regclass($1) IS NOT NULL THEN pg_get_serial_sequence($1, 'fid') END", error,
                          {quote_ident(reports.name)});
    if (!seq && !error->empty()) return std::nullopt;
    const std::int64_t largest = used.empty() ? 0 : *used.rbegin();
    if (!seq) {  // the table is made by this save: after the largest id kept
        std::int64_t next = largest + 1;
        for (std::size_t i : unnamed) stored.features()[i].fid = next++;
        return stored;
    }
    const std::string s = quote_literal(*seq);
    PgResult ids = conn.exec("SELECT setval(" + s + ", greatest((SELECT last_value FROM " + *seq + "), (SELECT coalesce(max(fid), 0) FROM " +
                                 quote_ident(reports.name) + "), " + std::to_string(largest) + ", 1)); SELECT nextval(" + s +
                                 ") FROM generate_series(1, " + std::to_string(unnamed.size()) + ")",
                             error);
    if (!ids) return std::nullopt;
    for (std::size_t k = 0; k < unnamed.size(); ++k) stored.features()[unnamed[k]].fid = std::stoll(PQgetvalue(ids.get(), static_cast<int>(k), 0));
    return stored;
}

bool put_reporters(PgConnection& conn, const Layer& reports, const Layer& stored, std::string* error) {
    const int reporter = reports.field_index(col::kReporter), contact = reports.field_index(col::kReporterContact);
    std::string data;
    for (std::size_t i = 0; i < reports.features().size() && i < stored.features().size(); ++i) {
        const Feature& f = reports.features()[i];
        // An empty detail is no detail: NULL, as the join gives back where there is none.
        auto detail = [&](int c) {
            const std::string text = c < 0 || static_cast<std::size_t>(c) >= f.values.size() ? std::string() : to_string(f.values[c]);
            return text.empty() ? Value{} : Value(text);
        };
        const Value who = detail(reporter), how = detail(contact);
        if (std::holds_alternative<std::monostate>(who) && std::holds_alternative<std::monostate>(how)) continue;
        data += std::to_string(stored.features()[i].fid) + '\t';
        append_copy_value(data, who, FieldType::String);
        data += '\t';
        append_copy_value(data, how, FieldType::String);
        data += '\n';
    }
    const std::string t = quote_ident(kReportersTable), r = quote_ident(reports.name);
    if (!conn.run("DROP TABLE IF EXISTS tm_reporters; CREATE TEMP TABLE tm_reporters (fid bigint, reporter text, "
                  "reporter_contact text) ON COMMIT DROP",
                  error) ||
        !conn.copy_in("COPY tm_reporters FROM STDIN", data, error))
        return false;
    // Row-level security limits the delete to the agency's own details; the insert takes only the
    // reports the agency owns (an admin's, all), each detail owned as its report is.
    return conn.run("DELETE FROM " + t + " k WHERE NOT EXISTS (SELECT 1 FROM tm_reporters i WHERE i.fid = k.fid);"
                    "INSERT INTO " + t + " AS k (fid, reporter, reporter_contact, owner_agency) "
                    "SELECT i.fid, i.reporter, i.reporter_contact, r.owner_agency FROM tm_reporters i JOIN " + r +
                    " r ON r.fid = i.fid WHERE (SELECT tidemark_is_admin()) OR r.owner_agency = (SELECT tidemark_my_agency()) "
                    "ON CONFLICT (fid) DO UPDATE SET reporter = excluded.reporter, reporter_contact = excluded.reporter_contact "
                    "WHERE (k.reporter, k.reporter_contact) IS DISTINCT FROM (excluded.reporter, excluded.reporter_contact)",
                    error);
}

void join_reporters(Layer& reports, const Layer& details) {
    int reporter = reports.field_index(col::kReporter), contact = reports.field_index(col::kReporterContact);
    if (reporter < 0) {
        reports.fields.push_back({col::kReporter, FieldType::String});
        reporter = static_cast<int>(reports.fields.size()) - 1;
    }
    if (contact < 0) {
        reports.fields.push_back({col::kReporterContact, FieldType::String});
        contact = static_cast<int>(reports.fields.size()) - 1;
    }
    std::map<std::int64_t, const Feature*> by_fid;
    for (const Feature& d : details.features()) by_fid[d.fid] = &d;
    for (Feature& f : reports.features()) {
        f.values.resize(reports.fields.size());
        auto it = by_fid.find(f.fid);
        f.values[reporter] = it == by_fid.end() ? Value{} : it->second->values.at(0);
        f.values[contact] = it == by_fid.end() ? Value{} : it->second->values.at(1);
    }
}

}  // namespace tidemark::layers::team
