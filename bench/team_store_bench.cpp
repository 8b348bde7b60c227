// Team workspace (PostgreSQL/PostGIS) timings: push and pull of a whole workspace, and the save
// of one edited feature, beside the same save into the GeoPackage file.
//   scripts/pg-throwaway.sh build/bench/team_store_bench [WS.gpkg]
// WS defaults to demo/tidemark-demo.gpkg (`make demo`). The server is TIDEMARK_TEST_PG_URL (the
// throwaway cluster); the bench works in its own database and drops it at the end.
#include "layers/store/gpkg_store.h"
#include "layers/store_location.h"
#include "layers/team/pg_connection.h"
#include "layers/team/pg_store.h"
#include "layers/team/team_schema.h"
#include "layers/workspace.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>

using namespace tidemark;
using namespace tidemark::layers;
namespace fs = std::filesystem;

namespace {

double timed(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

[[noreturn]] void die(const std::string& message) {
    std::fprintf(stderr, "team_store_bench: %s\n", message.c_str());
    std::exit(1);
}

std::string with_db(const std::string& url, const std::string& db) {
    return url.substr(0, url.rfind('/') + 1) + db;
}

// The first layer with a real field and more (`big`) or fewer than 1000 features: its first
// feature's value +1 is the edit.
void edit_one_feature(Workspace& ws, bool big, std::string* what) {
    for (Layer& l : ws.layers)
        for (std::size_t i = 0; i < l.fields.size(); ++i)
            if (!l.features().empty() && l.fields[i].type == FieldType::Real && (l.features().size() > 1000) == big) {
                auto v = to_number(l.features()[0].values[i]).value_or(0);
                l.features()[0].values[i] = v + 1;
                *what = l.name + " (" + std::to_string(l.features().size()) + " features)";
                return;
            }
    die("no layer with a real field to edit");
}

}  // namespace

int main(int argc, char** argv) {
    const std::string source = argc > 1 ? argv[1] : "demo/tidemark-demo.gpkg";
    const char* server = std::getenv("TIDEMARK_TEST_PG_URL");
    if (!server) die("TIDEMARK_TEST_PG_URL is not set: run it through scripts/pg-throwaway.sh");
    if (!fs::exists(source)) die(source + ": no such workspace (make demo builds it)");
    std::string error;
    const std::string db = "tm_bench_" + std::to_string(::getpid());
    auto admin = team::PgConnection::open(with_db(server, "postgres"), &error);
    if (!admin || !admin->run("CREATE DATABASE " + db + " TEMPLATE tidemark", &error)) die(error);
    const std::string url = with_db(server, db);
    {
        auto conn = team::PgConnection::open(url, &error);
        int applied = 0;
        if (!conn || !team::migrate(*conn, geo::Crs::british_national_grid(), &applied, &error)) die(error);
    }
    const fs::path scratch = fs::temp_directory_path() / ("tm_bench_" + std::to_string(::getpid()));
    fs::create_directories(scratch);
    const std::string local = (scratch / "ws.gpkg").string(), pulled = (scratch / "pulled.gpkg").string();
    fs::copy_file(source, local);

    auto ws = Workspace::open(local, &error);
    if (!ws) die(error);
    std::size_t features = 0;
    for (const Layer& l : ws->layers) features += l.features().size();
    std::printf("workspace %s: %.1f MB, %zu layers, %zu features\n", source.c_str(), fs::file_size(source) / 1e6,
                ws->layers.size(), features);

    std::string identity;
    const double push = timed([&] {
        if (!team::write_new_pg(url, stored_state_of(*ws), ws->layers, "", &identity, &error)) die(error);
    });
    std::optional<Workspace> from_pg;
    const double open = timed([&] {
        from_pg = Workspace::open(url, &error);
        if (!from_pg) die(error);
    });
    const double write = timed([&] {
        if (!from_pg->save(&error, pulled)) die(error);
    });
    std::printf("push (open file excluded): %.2f s\npull: %.2f s (read from PostGIS %.2f s + write GeoPackage %.2f s)\n",
                push, open + write, open, write);

    for (bool big : {true, false}) {
        std::string what;
        auto pg = Workspace::open(url, &error);
        if (!pg) die(error);
        edit_one_feature(*pg, big, &what);
        const double pg_save = timed([&] {
            if (!pg->save(&error)) die(error);
        });
        auto file = Workspace::open(local, &error);
        if (!file) die(error);
        edit_one_feature(*file, big, &what);
        const double gpkg_save = timed([&] {
            if (!file->save(&error)) die(error);
        });
        std::printf("save after editing one feature of %s: PostGIS %.3f s, GeoPackage %.3f s\n", what.c_str(), pg_save,
                    gpkg_save);
    }

    admin->run("DROP DATABASE " + db + " WITH (FORCE)", &error);
    fs::remove_all(scratch);
    return 0;
}
