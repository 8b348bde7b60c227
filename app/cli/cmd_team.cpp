// `tidemark team ...`: the team workspace on PostgreSQL/PostGIS (docs/team.md).
//   team init URL [--crs EPSG:N]            create or upgrade the schema
//   team push WS.gpkg URL [--owner CODE]     replace the team workspace by a GeoPackage's content
//   team pull URL WS.gpkg [--overwrite]      the team workspace (as this login sees it) into a file
//   team agency add URL CODE NAME
//   team user add URL LOGIN --agency CODE [--role planner|viewer|admin]
//   team share URL LAYER --with CODE[,CODE|all] [--fid N]... [--owner CODE]
// URLs carry no password: libpq reads it from PGPASSFILE / ~/.pgpass or PGPASSWORD.
#include "app/cli/commands.h"
#include "app/cli/open_workspace.h"
#include "app/cli/workspace_option.h"
#include "layers/team/pg_layer_table.h"
#include "layers/team/pg_store.h"
#include "layers/team/team_admin.h"
#include "layers/team/team_schema.h"
#include "layers/workspace.h"

#include <array>
#include <chrono>
#include <tuple>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace tidemark::cli {
namespace {

using namespace layers::team;

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string seconds_text(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f s", s);
    return buf;
}

// A URL as a location must be one, and must not carry a password (it would sit in shell
// history and process lists).
bool check_url(const std::string& url, std::string* error) {
    if (!is_pg_url(url)) {
        *error = url + ": expected a postgresql://user@host:port/database URL";
        return false;
    }
    if (redact_url(url) != url) {
        *error = redact_url(url) +
                 ": the URL carries a password; put it in ~/.pgpass (or PGPASSFILE) instead, never on the command line";
        return false;
    }
    return true;
}

std::optional<PgConnection> connect(const std::string& url, std::string* error) {
    if (!check_url(url, error)) return std::nullopt;
    return PgConnection::open(url, error);
}

int team_init(const std::string& url, const std::string& crs_text) {
    std::string error;
    auto crs = geo::Crs::parse_working(crs_text, &error);
    if (!crs) return fail("--crs " + crs_text + ": " + error);
    if (!srid_of(crs->definition(), &error)) return fail(error);
    auto conn = connect(url, &error);
    if (!conn) return fail(error);
    int applied = 0;
    if (!migrate(*conn, *crs, &applied, &error)) return fail(error);
    if (applied == 0)
        std::cout << conn->server() << ": team workspace schema is at version " << kSchemaVersion << "; nothing to do\n";
    else
        std::cout << conn->server() << ": team workspace schema now at version " << kSchemaVersion << " (" << applied
                  << " migration(s) applied)\n";
    return kOk;
}

int team_push(const std::string& gpkg, const std::string& url, const std::string& owner) {
    std::string error;
    if (layers::is_server_location(gpkg)) return fail(gpkg + ": push takes a GeoPackage file first, then the URL");
    if (!check_url(url, &error)) return fail(error);
    auto ws = open_workspace(gpkg, &error);
    if (!ws) return fail(error);
    const auto t0 = std::chrono::steady_clock::now();
    std::string identity;
    if (!write_new_pg(url, layers::stored_state_of(*ws), ws->layers, owner, &identity, &error)) return fail(error);
    std::size_t features = 0;
    for (const auto& l : ws->layers) features += l.features().size();
    std::cout << "pushed " << gpkg << " to " << redact_url(url) << ": " << ws->layers.size() << " layer(s), " << features
              << " feature(s) in " << seconds_text(seconds_since(t0)) << "\n";
    return kOk;
}

int team_pull(const std::string& url, const std::string& gpkg, bool overwrite) {
    std::string error;
    if (!check_url(url, &error)) return fail(error);
    if (std::filesystem::exists(gpkg) && !overwrite) return fail(gpkg + ": already exists; choose another name or pass --overwrite");
    const auto t0 = std::chrono::steady_clock::now();
    auto ws = layers::Workspace::open(url, &error);
    if (!ws) return fail(error);
    if (!ws->save(&error, gpkg)) return fail(error);
    std::size_t features = 0;
    for (const auto& l : ws->layers) features += l.features().size();
    std::cout << "pulled " << redact_url(url) << " to " << gpkg << ": " << ws->layers.size() << " layer(s), " << features
              << " feature(s) in " << seconds_text(seconds_since(t0)) << "\n";
    return kOk;
}

struct UserOptions {
    std::string url, login, agency, role = "planner";
};

int team_user_add(const UserOptions& o) {
    MemberRole role;
    if (!parse_member_role(o.role, &role)) return fail("--role " + o.role + ": expected planner, viewer or admin");
    std::string error;
    auto conn = connect(o.url, &error);
    if (!conn || !add_member(*conn, o.login, o.agency, role, &error)) return fail(error);
    std::cout << conn->server() << ": " << o.login << " is a " << o.role << " of agency " << o.agency
              << " (set a password with psql's \\password " << o.login << ")\n";
    return kOk;
}

struct ShareOptions {
    std::string url, layer, owner;
    std::vector<std::string> with;
    std::vector<std::int64_t> fids;
};

int team_share(const ShareOptions& o) {
    std::string error;
    auto conn = connect(o.url, &error);
    if (!conn) return fail(error);
    long changed = 0;
    if (!share_rows(*conn, {o.layer, o.fids, o.with, o.owner}, &changed, &error)) return fail(error);
    std::cout << conn->server() << ": " << changed << " row(s) of " << o.layer << " updated\n";
    return kOk;
}

}  // namespace

void add_team_command(CLI::App& app, Context& ctx) {
    CLI::App* team = app.add_subcommand("team", "The shared team workspace on PostgreSQL/PostGIS (docs/team.md)");
    team->require_subcommand(1);

    auto init = std::make_shared<std::pair<std::string, std::string>>();
    CLI::App* cmd = team->add_subcommand("init", "Create or upgrade a team workspace's schema (running it again changes nothing)");
    cmd->add_option("url", init->first, "postgresql://user@host:port/database (the owner account)")->required();
    cmd->add_option("--crs", init->second, "Working CRS of a new team workspace")->default_val("EPSG:27700");
    cmd->callback([init, &ctx] { ctx.exit_code = team_init(init->first, init->second); });

    auto push = std::make_shared<std::array<std::string, 3>>();
    cmd = team->add_subcommand("push", "Replace the team workspace's content by a GeoPackage workspace's, losslessly");
    cmd->add_option("workspace", (*push)[0], "The GeoPackage workspace")->required()->check(CLI::ExistingFile);
    cmd->add_option("url", (*push)[1], "The team workspace URL")->required();
    cmd->add_option("--owner", (*push)[2], "Agency owning the pushed plan, report and track rows (default: yours)");
    cmd->callback([push, &ctx] { ctx.exit_code = team_push((*push)[0], (*push)[1], (*push)[2]); });

    auto pull = std::make_shared<std::tuple<std::string, std::string, bool>>();
    cmd = team->add_subcommand("pull", "Copy the team workspace (the rows you may see) into a new GeoPackage");
    cmd->add_option("url", std::get<0>(*pull), "The team workspace URL")->required();
    cmd->add_option("workspace", std::get<1>(*pull), "The GeoPackage to write")->required();
    cmd->add_flag("--overwrite", std::get<2>(*pull), "Replace an existing file");
    cmd->callback([pull, &ctx] { ctx.exit_code = team_pull(std::get<0>(*pull), std::get<1>(*pull), std::get<2>(*pull)); });

    CLI::App* agency = team->add_subcommand("agency", "Agencies of the team workspace");
    agency->require_subcommand(1);
    auto aa = std::make_shared<std::array<std::string, 3>>();
    cmd = agency->add_subcommand("add", "Add an agency (a PostgreSQL group role) or rename it");
    cmd->add_option("url", (*aa)[0], "The team workspace URL")->required();
    cmd->add_option("code", (*aa)[1], "Agency code, e.g. BFMC or KENT")->required();
    cmd->add_option("name", (*aa)[2], "Agency name")->required();
    cmd->callback([aa, &ctx] {
        std::string error;
        auto conn = connect((*aa)[0], &error);
        if (!conn || !add_agency(*conn, (*aa)[1], (*aa)[2], &error)) {
            ctx.exit_code = fail(error);
            return;
        }
        std::cout << conn->server() << ": agency " << (*aa)[1] << " (" << (*aa)[2] << ")\n";
    });

    CLI::App* user = team->add_subcommand("user", "People of the team workspace");
    user->require_subcommand(1);
    auto ua = std::make_shared<UserOptions>();
    cmd = user->add_subcommand("add", "Add a person (a PostgreSQL login role) to an agency, or change their agency or role");
    cmd->add_option("url", ua->url, "The team workspace URL")->required();
    cmd->add_option("login", ua->login, "The person's login")->required();
    cmd->add_option("--agency", ua->agency, "Their agency code")->required();
    cmd->add_option("--role", ua->role, "planner (edits), viewer (reads only) or admin (sees and edits every row)")
        ->default_val("planner");
    cmd->callback([ua, &ctx] { ctx.exit_code = team_user_add(*ua); });

    auto sh = std::make_shared<ShareOptions>();
    cmd = team->add_subcommand("share", "Say which agencies see rows of a plan, report or track layer");
    cmd->add_option("url", sh->url, "The team workspace URL")->required();
    cmd->add_option("layer", sh->layer, "The layer, e.g. plan_tasks")->required();
    cmd->add_option("--with", sh->with, "Agency codes the rows are shared with, or all")->delimiter(',')->required();
    cmd->add_option("--fid", sh->fids, "Only these rows (default: every row you may change)");
    cmd->add_option("--owner", sh->owner, "Give the rows to this agency");
    cmd->callback([sh, &ctx] { ctx.exit_code = team_share(*sh); });
}

}  // namespace tidemark::cli
