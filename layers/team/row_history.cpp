#include "layers/team/row_history.h"

#include "layers/team/pg_connection.h"
#include "layers/team/team_schema.h"

#include <nlohmann/json.hpp>

#include <set>

namespace tidemark::layers::team {
namespace {

// A column value as people read it: text as is, a list ("KENT, DSFC"), numbers without quotes.
std::string text_of(const nlohmann::json& v) {
    if (v.is_null()) return {};
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string s;
        for (const auto& item : v) s += (s.empty() ? "" : ", ") + text_of(item);
        return s;
    }
    return v.dump();
}

std::string label_of(const std::string& column) {
    if (column == "geom") return "geometry";
    if (column == "shared_with") return "shared with";
    if (column == "owner_agency") return "owner";
    return column;
}

}  // namespace

std::vector<FieldChange> row_differences(const nlohmann::json& before, const nlohmann::json& after) {
    static const nlohmann::json none = nlohmann::json::object();
    const nlohmann::json& b = before.is_object() ? before : none;
    const nlohmann::json& a = after.is_object() ? after : none;
    std::vector<FieldChange> out;
    auto add = [&](const std::string& key) {
        // Bookkeeping: the id, and who changed the row when, which the change itself says.
        if (key == "fid" || key == "version" || key == "updated_at" || key == "updated_by") return;
        const nlohmann::json was = b.contains(key) ? b[key] : nlohmann::json(), is = a.contains(key) ? a[key] : nlohmann::json();
        if (was == is) return;
        // A shape is a long hex string: that it changed is what a person can use.
        if (key == "geom") {
            out.push_back({label_of(key), was.is_null() ? "" : "(shape)", is.is_null() ? "" : was.is_null() ? "(shape)" : "(new shape)"});
            return;
        }
        out.push_back({label_of(key), text_of(was), text_of(is)});
    };
    std::set<std::string> keys;
    for (const auto& [key, value] : a.items()) keys.insert(key);
    for (const auto& [key, value] : b.items()) keys.insert(key);
    for (const std::string& key : keys) add(key);
    return out;
}

std::optional<std::vector<RecordedChange>> read_row_history(const std::string& url, const std::string& table, std::int64_t fid,
                                                       std::string* error) {
    auto conn = PgConnection::open(url, error);
    if (!conn || !check_schema(*conn, error)) return std::nullopt;
    PgResult r = conn->exec("SELECT extract(epoch from at)::float8, who, coalesce(agency, ''), action, old_row::text, "
                            "new_row::text, old_row IS NULL AND action <> 'INSERT', new_row IS NULL AND action <> 'DELETE' "
                            "FROM tidemark_row_history($1, $2)",
                            error, {table, std::to_string(fid)});
    if (!r) {
        *error = redact_url(url) + ": " + *error;
        return std::nullopt;
    }
    std::vector<RecordedChange> changes;
    for (int i = 0; i < PQntuples(r.get()); ++i) {
        RecordedChange c;
        c.at = std::strtod(PQgetvalue(r.get(), i, 0), nullptr);
        c.who = PQgetvalue(r.get(), i, 1);
        c.agency = PQgetvalue(r.get(), i, 2);
        const std::string op = PQgetvalue(r.get(), i, 3);
        c.action = op == "INSERT" ? "added" : op == "DELETE" ? "removed" : "changed";
        auto row = [&](int col) {
            return PQgetisnull(r.get(), i, col) ? nlohmann::json() : nlohmann::json::parse(PQgetvalue(r.get(), i, col), nullptr, false);
        };
        c.before_hidden = PQgetvalue(r.get(), i, 6)[0] == 't';
        c.after_hidden = PQgetvalue(r.get(), i, 7)[0] == 't';
        // Nothing is compared with values the person could not see: a row shared with them later
        // shows its values as they first saw it.
        if (op != "DELETE" && !c.after_hidden) c.fields = row_differences(c.before_hidden ? nlohmann::json() : row(4), row(5));
        changes.push_back(std::move(c));
    }
    return changes;
}

}  // namespace tidemark::layers::team
