// Agencies, people and sharing in a team workspace. Each is a PostgreSQL role, so the server
// enforces what each person sees and changes (row-level security, pg_layer_table.h):
//   agency  a NOLOGIN group role tm_<db>_<code>, a row in tidemark_agencies
//   person  a LOGIN role of that name in the agency's group, plus tm_<db>_read, and tm_<db>_write
//           for planners and admins; a row in tidemark_members (login, agency, role)
// Only the workspace owner (the account that ran `team init`) or a superuser runs these.
// Passwords are not set here: the owner sets one with psql's \password, the person keeps it in
// ~/.pgpass.
#pragma once

#include "layers/team/pg_connection.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tidemark::layers::team {

enum class MemberRole { Planner, Viewer, Admin };
bool parse_member_role(const std::string& text, MemberRole* role);
const char* member_role_name(MemberRole role);

bool add_agency(PgConnection& conn, const std::string& code, const std::string& name, std::string* error);

bool add_member(PgConnection& conn, const std::string& login, const std::string& agency, MemberRole role,
                std::string* error);

struct Sharing {
    std::string layer;
    std::vector<std::int64_t> fids;  // empty: every row the caller may change
    std::vector<std::string> with;   // agency codes, or "all"
    std::string owner;               // new owning agency; "" keeps it
};
// Sets who owns and sees rows; `changed` receives the number of rows changed. The owning agency
// and admins may do so; an agency a row is only shared with may not (a trigger refuses it).
bool share_rows(PgConnection& conn, const Sharing& sharing, long* changed, std::string* error);

}  // namespace tidemark::layers::team
