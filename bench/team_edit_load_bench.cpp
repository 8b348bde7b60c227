// Concurrent editing of one team workspace: N clients (threads, each with its own workspace
// session and connections) make random single-field edits of the same tasks through the path
// `tidemark plan task edit` takes (cli::PlanSession: edit_task, store_plan_book, Workspace::save
// with row-level version checks and merges), then the result is checked:
//   - every edit was either accepted (its save returned) or rejected with a conflict message
//     given to its client (who then opens the workspace again, as the message says);
//   - replaying the accepted edits of each task in commit order (the version each save produced)
//     on the pushed plan gives exactly the final rows, each task's version is 1 + its accepted
//     edits, and no two accepted edits produced the same version: 0 lost updates;
//   - the database's own history holds one UPDATE per accepted edit and nothing for rejected ones;
//   - a connection listening for live updates heard every one of those changes.
// Prints edits/s, the 50th / 99th percentile edit latency (edit + save, connection included) and
// the notification delay (from the row's change to the listener hearing it, after the commit).
//   scripts/pg-throwaway.sh build/bench/team_edit_load_bench [CLIENTS] [EDITS_PER_CLIENT] [TASKS]
// Defaults 20 x 500 on 50 tasks. The server is TIDEMARK_TEST_PG_URL; the bench works in its own
// database and drops it at the end. Exit status 1 when any check fails.
#include "app/cli/plan_session.h"
#include "layers/tracks/fleet.h"
#include "layers/plan/plan_edit.h"
#include "layers/plan/plan_store.h"
#include "layers/team/change_listener.h"
#include "layers/team/pg_connection.h"
#include "layers/team/team_schema.h"
#include "layers/workspace.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

using namespace tidemark;
using namespace tidemark::layers;
using namespace tidemark::layers::plan;

namespace {

constexpr double kDay0 = 1772409600;  // 2026-03-02T00:00:00Z
constexpr const char* kPlan = "Load";

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "team_edit_load_bench: %s\n", message.c_str());
    std::exit(1);
}

std::string with_db(const std::string& url, const std::string& db) {
    return url.substr(0, url.rfind('/') + 1) + db;
}

enum class EditField { Notes, Speed, WindowTo };
const char* name_of(EditField f) {
    return f == EditField::Notes ? "notes" : f == EditField::Speed ? "route_speed_kn" : "window_to";
}

struct Edit {
    int client = 0;
    std::int64_t task = 0;
    EditField field = EditField::Notes;
    std::string text;  // notes
    double number = 0; // speed, or window end
    std::int64_t version = 0;  // the version the accepted save gave the row
};

// A straight coast of `tasks` km (one 1 km segment per task) and a plan of one day with one
// proposed Border Force task on each segment, pushed to `url` by its owner.
void push_plan(const std::string& url, int tasks) {
    Workspace ws;
    Layer coast;
    coast.name = "coastline";
    coast.role = LayerRole::Coastline;
    Feature line;
    line.fid = 1;
    line.geometry.kind = geo::GeometryKind::Line;
    line.geometry.lines = {{{500000, 100000}, {500000 + 1000.0 * tasks, 100000}}};
    coast.features().push_back(line);
    ws.put(coast);
    geo::Problems problems;
    const PlanCoast pc = plan_coast(ws, 1000, problems);
    std::vector<Vessel> fleet;
    EditContext ctx{&pc, &fleet, "setup", kDay0};
    PlanBook book;
    if (auto e = new_plan(book, ctx, {kPlan, kDay0, kDay0 + 86400, 1000, 86400}); !e.empty()) die(e);
    for (int i = 0; i < tasks; ++i) {
        Task t;
        t.plan = kPlan;
        t.agency = kBorderForceCode;
        t.stretch = {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i)};
        t.from = kDay0 + 3600;
        t.to = kDay0 + 5 * 3600;
        if (auto e = add_task(book, ctx, t); !e.empty()) die(e);
    }
    store_plan_book(ws, book);
    std::string error;
    if (!ws.save(&error, url)) die(error);
}

struct ClientResult {
    std::vector<Edit> accepted;
    std::vector<std::string> rejections;  // the messages the client was given
    std::vector<double> latency_s;
    int merged_saves = 0;
};

void run_client(const std::string& url, int client, int edits, int tasks, ClientResult& out) {
    std::mt19937_64 rng(1000 + client);
    std::string error;
    auto open = [&] {
        auto s = cli::PlanSession::open(url, &error);
        if (!s) die("client " + std::to_string(client) + ": " + error);
        return std::move(*s);
    };
    cli::PlanSession s = open();
    const double segment_m = s.book.find_plan(kPlan)->segment_m;
    for (int k = 0; k < edits; ++k) {
        Edit e;
        e.client = client;
        e.task = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(tasks));
        e.field = static_cast<EditField>(rng() % 3);
        const auto t0 = std::chrono::steady_clock::now();
        const Task* current = s.book.find_task(e.task);
        if (!current) die("task " + std::to_string(e.task) + " missing");
        Task t = *current;
        // Every value differs from the one the client holds, so each accepted edit changes its field.
        switch (e.field) {
            case EditField::Notes: t.notes = e.text = "c" + std::to_string(client) + " e" + std::to_string(k); break;
            case EditField::Speed: t.route_speed_kn = e.number = 1 + (client * edits + k) * 0.001; break;
            case EditField::WindowTo:
                do e.number = kDay0 + 3600 * (2 + static_cast<double>(rng() % 20));
                while (e.number == t.to);
                t.to = e.number;
                break;
        }
        layers::plan::EditContext ctx = s.context(segment_m);
        ctx.user = "client" + std::to_string(client);
        if (auto refused = edit_task(s.book, ctx, t, t.version); !refused.empty()) die("edit refused: " + refused);
        const bool saved = s.save(&error);
        out.latency_s.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        if (saved) {
            if (s.ws.rows_merged_on_save() > 0) ++out.merged_saves;
            // The row as the server returned it: its version orders this edit among the task's.
            geo::Problems problems;
            s.book = load_plan_book(s.ws, problems);
            e.version = s.book.find_task(e.task)->version;
            out.accepted.push_back(e);
        } else {
            if (error.find("both changed") == std::string::npos) die("client " + std::to_string(client) + ": " + error);
            out.rejections.push_back(error);
            s = open();  // as the message says: open the workspace again (it holds their change)
        }
    }
}

// Live updates while the clients edit: every plan_tasks change heard, (fid, version) -> when
// (wall clock), on a connection of its own as the workspace owner (who hears every agency's).
struct Heard {
    std::map<std::pair<std::int64_t, std::int64_t>, double> at;
    std::atomic<bool> stop{false};
};

double wall_now() { return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count(); }

void listen(const std::string& url, Heard& heard) {
    std::string error;
    auto listener = team::ChangeListener::open(url, &error);
    if (!listener) die("listener: " + error);
    std::vector<team::RowChange> got;
    while (!heard.stop) {
        got.clear();
        if (!listener->wait(0.05, &got, &error)) die("listener: " + error);
        const double now = wall_now();
        for (const team::RowChange& c : got)
            if (c.table == "plan_tasks") heard.at.emplace(std::pair{c.fid, c.version}, now);
    }
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
    const int clients = argc > 1 ? std::atoi(argv[1]) : 20;
    const int edits = argc > 2 ? std::atoi(argv[2]) : 500;
    const int tasks = argc > 3 ? std::atoi(argv[3]) : 50;
    if (clients < 1 || edits < 1 || tasks < 1) die("usage: team_edit_load_bench [CLIENTS] [EDITS_PER_CLIENT] [TASKS]");
    const char* server = std::getenv("TIDEMARK_TEST_PG_URL");
    if (!server) die("TIDEMARK_TEST_PG_URL is not set: run it through scripts/pg-throwaway.sh");
    std::string error;
    const std::string db = "tm_load_" + std::to_string(::getpid());
    auto admin = team::PgConnection::open(with_db(server, "postgres"), &error);
    if (!admin || !admin->run("CREATE DATABASE " + db + " TEMPLATE tidemark", &error)) die(error);
    const std::string url = with_db(server, db);
    {
        auto conn = team::PgConnection::open(url, &error);
        int applied = 0;
        if (!conn || !team::migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) die(error);
    }
    push_plan(url, tasks);
    auto before = Workspace::open(url, &error);
    if (!before) die(error);
    geo::Problems problems;
    const PlanBook initial = load_plan_book(*before, problems);

    std::vector<ClientResult> results(static_cast<std::size_t>(clients));
    Heard heard;
    std::thread listener(listen, url, std::ref(heard));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // listening before the first edit
    const auto t0 = std::chrono::steady_clock::now();
    {
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c)
            threads.emplace_back(run_client, url, c, edits, tasks, std::ref(results[static_cast<std::size_t>(c)]));
        for (auto& t : threads) t.join();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the last commits' notifications
    heard.stop = true;
    listener.join();

    // Replay: per task, the accepted edits in the order their saves committed (the versions they made).
    std::map<std::int64_t, std::vector<const Edit*>> by_task;
    std::vector<double> latency;
    std::size_t accepted = 0, rejected = 0, merged = 0;
    for (const ClientResult& r : results) {
        for (const Edit& e : r.accepted) by_task[e.task].push_back(&e);
        latency.insert(latency.end(), r.latency_s.begin(), r.latency_s.end());
        accepted += r.accepted.size();
        rejected += r.rejections.size();
        merged += static_cast<std::size_t>(r.merged_saves);
    }
    auto after = Workspace::open(url, &error);
    if (!after) die(error);
    const PlanBook final_book = load_plan_book(*after, problems);
    std::size_t lost = 0, wrong_versions = 0;
    for (const Task& start : initial.tasks) {
        Task replay = start;
        auto& list = by_task[start.id];
        std::sort(list.begin(), list.end(), [](const Edit* a, const Edit* b) { return a->version < b->version; });
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Edit& e = *list[i];
            if (e.version != start.version + static_cast<std::int64_t>(i) + 1) ++wrong_versions;  // a repeat or a gap
            if (e.field == EditField::Notes) replay.notes = e.text;
            else if (e.field == EditField::Speed) replay.route_speed_kn = e.number;
            else replay.to = e.number;
        }
        const Task* got = final_book.find_task(start.id);
        if (!got) die("task " + std::to_string(start.id) + " is gone");
        const bool same = got->notes == replay.notes && got->route_speed_kn == replay.route_speed_kn && got->to == replay.to &&
                          got->version == start.version + static_cast<std::int64_t>(list.size());
        if (!same) {
            ++lost;
            std::fprintf(stderr, "task %lld: final notes '%s' speed %.3f to %.0f v%lld; replay '%s' %.3f %.0f v%lld\n",
                         static_cast<long long>(start.id), got->notes.c_str(), got->route_speed_kn, got->to,
                         static_cast<long long>(got->version), replay.notes.c_str(), replay.route_speed_kn, replay.to,
                         static_cast<long long>(start.version + static_cast<std::int64_t>(list.size())));
        }
    }
    auto conn = team::PgConnection::open(url, &error);
    if (!conn) die(error);
    const auto updates = conn->value("SELECT count(*) FROM tidemark_history WHERE table_name = 'plan_tasks' AND action = 'UPDATE'", &error);
    if (!updates) die(error);
    const std::size_t recorded = std::stoul(*updates);
    // Notification delay: from the row's change (its history time, inside the saving transaction)
    // to the listener hearing it after the commit.
    auto changed = conn->exec("SELECT fid, (new_row->>'version')::int8, extract(epoch from at)::float8 FROM tidemark_history "
                              "WHERE table_name = 'plan_tasks' AND action = 'UPDATE'",
                              &error);
    if (!changed) die(error);
    std::vector<double> delay;
    std::size_t unheard = 0;
    for (int i = 0; i < PQntuples(changed.get()); ++i) {
        const std::pair key{std::stoll(PQgetvalue(changed.get(), i, 0)), std::stoll(PQgetvalue(changed.get(), i, 1))};
        auto it = heard.at.find(key);
        if (it == heard.at.end()) ++unheard;
        else delay.push_back(it->second - std::stod(PQgetvalue(changed.get(), i, 2)));
    }

    const std::size_t total = static_cast<std::size_t>(clients) * static_cast<std::size_t>(edits);
    std::printf("%d clients x %d edits on %d tasks: %zu edits in %.1f s = %.0f edits/s (%.0f accepted/s)\n", clients, edits,
                tasks, total, wall, total / wall, accepted / wall);
    std::printf("accepted %zu (%zu of them merged with another client's change to other fields), rejected %zu "
                "(same field changed by both; each reported to its client)\n",
                accepted, merged, rejected);
    std::printf("edit latency (edit + save, new connection included): p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                1000 * percentile(latency, 0.5), 1000 * percentile(latency, 0.99), 1000 * percentile(latency, 1.0));
    std::printf("history: %zu row updates recorded by the database for %zu accepted edits\n", recorded, accepted);
    if (!delay.empty())
        std::printf("live updates: %zu of %zu changes heard by a listening connection; delay from the change to the "
                    "listener: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                    delay.size(), recorded, 1000 * percentile(delay, 0.5), 1000 * percentile(delay, 0.99),
                    1000 * percentile(delay, 1.0));
    std::printf("lost updates: %zu (tasks whose final row differs from the replay), version gaps or repeats: %zu\n", lost,
                wrong_versions);
    const bool ok = lost == 0 && wrong_versions == 0 && accepted + rejected == total && recorded == accepted && unheard == 0;
    if (unheard) std::printf("%zu changes were never announced to the listener\n", unheard);
    conn.reset();
    admin->run("DROP DATABASE " + db + " WITH (FORCE)", &error);
    if (!ok) std::printf("FAILED\n");
    return ok ? 0 : 1;
}
