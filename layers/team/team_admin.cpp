#include "layers/team/team_admin.h"

#include "layers/team/pg_layer_table.h"
#include "layers/team/team_schema.h"

#include <cctype>
#include <functional>

namespace tidemark::layers::team {
namespace {

// Agency codes and logins become parts of role names: letters, digits, '_' and '-' only.
bool plain_name(const std::string& s) {
    if (s.empty() || s.size() > 40) return false;
    for (unsigned char c : s)
        if (!std::isalnum(c) && c != '_' && c != '-') return false;
    return true;
}

std::string array_literal(const std::vector<std::string>& items) {
    std::string s = "{";
    for (std::size_t i = 0; i < items.size(); ++i) s += (i ? "," : "") + std::string("\"") + items[i] + "\"";
    return s + "}";
}

bool in_transaction(PgConnection& conn, std::string* error, const std::function<bool()>& body) {
    if (!conn.begin(error)) return false;
    if (body() && conn.commit(error)) return true;
    conn.rollback();
    return false;
}

}  // namespace

bool parse_member_role(const std::string& text, MemberRole* role) {
    if (text == "planner") *role = MemberRole::Planner;
    else if (text == "viewer") *role = MemberRole::Viewer;
    else if (text == "admin") *role = MemberRole::Admin;
    else return false;
    return true;
}

const char* member_role_name(MemberRole role) {
    switch (role) {
        case MemberRole::Planner: return "planner";
        case MemberRole::Viewer: return "viewer";
        case MemberRole::Admin: return "admin";
    }
    return "viewer";
}

bool add_agency(PgConnection& conn, const std::string& code, const std::string& name, std::string* error) {
    if (!plain_name(code) || code == "all") {
        *error = "agency code '" + code + "': expected 1-40 letters, digits, '_' or '-' (and not 'all')";
        return false;
    }
    if (!check_schema(conn, error)) return false;
    const std::string role = agency_role(conn, code);
    return in_transaction(conn, error, [&] {
        return conn.run("INSERT INTO tidemark_agencies (code, name, role_name) VALUES ($1, $2, $3) "
                        "ON CONFLICT (code) DO UPDATE SET name = excluded.name",
                        error, {code, name, role}) &&
               conn.run("DO $$ BEGIN CREATE ROLE " + quote_ident(role) +
                            " NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$; GRANT " +
                            quote_ident(read_role(conn)) + " TO " + quote_ident(role),
                        error);
    });
}

bool add_member(PgConnection& conn, const std::string& login, const std::string& agency, MemberRole role,
                std::string* error) {
    if (!plain_name(login)) {
        *error = "login '" + login + "': expected 1-40 letters, digits, '_' or '-'";
        return false;
    }
    if (!check_schema(conn, error)) return false;
    auto known = conn.value("SELECT role_name FROM tidemark_agencies WHERE code = $1", error, {agency});
    if (!known) {
        if (error->empty())
            *error = conn.server() + ": no agency '" + agency + "'; add it first with `tidemark team agency add URL " +
                     agency + " NAME`";
        return false;
    }
    const std::string who = quote_ident(login), write = quote_ident(write_role(conn));
    return in_transaction(conn, error, [&] {
        // A person already in another agency moves: the old agency group is left.
        auto old = conn.value("SELECT a.role_name FROM tidemark_members m JOIN tidemark_agencies a ON a.code = m.agency "
                              "WHERE m.login = $1",
                              error, {login});
        if (!old && !error->empty()) return false;
        if (old && *old != *known && !conn.run("REVOKE " + quote_ident(*old) + " FROM " + who, error)) return false;
        return conn.run("DO $$ BEGIN CREATE ROLE " + who +
                            " LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$; GRANT " + quote_ident(*known) +
                            " TO " + who + "; " +
                            (role == MemberRole::Viewer ? "REVOKE " + write + " FROM " + who : "GRANT " + write + " TO " + who),
                        error) &&
               conn.run("INSERT INTO tidemark_members (login, agency, role) VALUES ($1, $2, $3) "
                        "ON CONFLICT (login) DO UPDATE SET agency = excluded.agency, role = excluded.role",
                        error, {login, agency, member_role_name(role)});
    });
}

bool share_rows(PgConnection& conn, const Sharing& s, long* changed, std::string* error) {
    if (!check_schema(conn, error)) return false;
    auto shape = describe_table(conn, s.layer, error);
    if (!shape) {
        if (error->empty()) *error = conn.server() + ": no layer '" + s.layer + "'";
        return false;
    }
    if (!shape->sharing) {
        *error = conn.server() + ": layer '" + s.layer +
                 "' is not shared per row (only plan tables, reports and tracks are); every member sees it";
        return false;
    }
    for (const std::string& code : s.with)
        if (code != "all" && !conn.value("SELECT 1 FROM tidemark_agencies WHERE code = $1", error, {code})) {
            if (error->empty()) *error = conn.server() + ": no agency '" + code + "'";
            return false;
        }
    if (!s.owner.empty() && !conn.value("SELECT 1 FROM tidemark_agencies WHERE code = $1", error, {s.owner})) {
        if (error->empty()) *error = conn.server() + ": no agency '" + s.owner + "'";
        return false;
    }
    PgParams params = {array_literal(s.with)};
    std::string sql = "UPDATE " + quote_ident(s.layer) + " SET shared_with = $1::text[]";
    if (!s.owner.empty()) {
        params.push_back(s.owner);
        sql += ", owner_agency = $" + std::to_string(params.size());
    }
    if (!s.fids.empty()) {
        std::string list;
        for (auto f : s.fids) list += (list.empty() ? "" : ",") + std::to_string(f);
        params.push_back("{" + list + "}");
        sql += " WHERE " + quote_ident(shape->fid_column) + " = ANY ($" + std::to_string(params.size()) + "::bigint[])";
    }
    PgResult r = conn.exec(sql, error, params);
    if (!r) return false;
    *changed = std::strtol(PQcmdTuples(r.get()), nullptr, 10);
    return true;
}

}  // namespace tidemark::layers::team
