// The app's own saves killed at random moments: File > Save and File > Save as call
// AppState::save and AppState::save_as (as Ctrl+S and the quit dialog do). A forked child opens
// the workspace as the app does, hides the coastline and adds a 30,000-point layer (Layers > Add),
// then saves; it is killed with SIGKILL at a random moment of that save, 20 times for each kind.
// Every time the file must open with the complete old state or the complete new one, and no
// temporary may remain after the next save.
#include "app/gui/app_state.h"
#include "gui_fixture.h"
#include "layers/workspace.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

namespace tidemark::gui {
namespace {

namespace fs = std::filesystem;
using test::ScratchDir;

constexpr int kKills = 20;
constexpr int kPoints = 30000;

// kPoints points in a row west to east, 1 m apart, starting at x = 120000.
std::string points_geojson() {
    std::string features;
    features.reserve(kPoints * 110);
    for (int i = 0; i < kPoints; ++i)
        features += (i ? "," : "") + std::string(R"({"type":"Feature","properties":{"n":)") + std::to_string(i) +
                    R"(},"geometry":{"type":"Point","coordinates":[)" + std::to_string(120000 + i) + ",350000]}}";
    return test::bng_geojson(features);
}

enum class SaveKind { InPlace, SaveAs };

// The app's edit and save, as a user makes them; the save is the last thing the child does.
// `ready_fd` (when >= 0) hears when the edit is done; `save_s` (when given) how long the save took.
bool edit_and_save(const std::string& open, const std::string& points, SaveKind kind, const std::string& save_as,
                   int ready_fd, double* save_s = nullptr) {
    AppState app;
    std::string error;
    if (!app.open(open, &error)) {
        ADD_FAILURE() << error;
        return false;
    }
    app.set_visible("coastline", false);
    if (!app.add_layer(points, layers::LayerRole::Generic, "sightings", &error)) {
        ADD_FAILURE() << error;
        return false;
    }
    if (ready_fd >= 0) {
        const char go = 1;
        (void)!::write(ready_fd, &go, 1);  // edited: the save starts now
    }
    const auto start = std::chrono::steady_clock::now();
    const bool saved = kind == SaveKind::InPlace ? app.save(&error) : app.save_as(save_as, &error);
    if (save_s) *save_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(saved) << error;
    return saved;
}

// "old", "new", or what is wrong with the workspace at `path`.
std::string state_of(const std::string& path) {
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    if (!ws) return "cannot open: " + error;
    if (!ws->find("coastline")) return "the coastline is missing";
    const auto& styles = ws->settings["styles"];
    const bool coast_hidden = styles.contains("coastline") && styles["coastline"].value("visible", true) == false;
    const layers::Layer* added = ws->find("sightings");
    if (!added && !coast_hidden) return "old";
    if (!added || !coast_hidden) return std::string("mixed: ") + (added ? "layer added" : "no layer") + ", coastline " +
                                        (coast_hidden ? "hidden" : "shown");
    if (added->features().size() != static_cast<std::size_t>(kPoints)) {
        return "mixed: " + std::to_string(added->features().size()) + " of " + std::to_string(kPoints) + " points";
    }
    const double last_x = added->features().back().geometry.points.at(0).x;
    if (last_x != 120000.0 + kPoints - 1) return "mixed: the last point is at x = " + std::to_string(last_x);
    return "new";
}

int temporaries_in(const fs::path& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().find(".partial-") != std::string::npos;
    return n;
}

struct Trials {
    int killed = 0, finished = 0;              // saves killed; saves that ended before their kill
    int old_states = 0, new_states = 0;        // what the killed saves left
    int with_temporaries = 0;                  // killed saves that left a temporary behind
    int in_transaction = 0;                    // killed inside SQLite's write transaction (a journal left)
};

// Kills the child's save of `kind` kKills times; `target` is the file the save writes.
Trials kill_saves(const ScratchDir& dir, const std::string& base, const std::string& points, SaveKind kind,
                  const std::string& target, unsigned seed) {
    const std::string opened = kind == SaveKind::InPlace ? target : dir.file("opened.gpkg");
    // One uninterrupted save first, timed, to spread the kills over it.
    fs::copy_file(base, opened, fs::copy_options::overwrite_existing);
    if (kind == SaveKind::SaveAs) fs::copy_file(base, target, fs::copy_options::overwrite_existing);
    double save_s = 0;
    EXPECT_TRUE(edit_and_save(opened, points, kind, target, -1, &save_s));
    EXPECT_EQ(state_of(target), "new");
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> moment(0.0, 1.2 * save_s);
    Trials t;
    for (int attempt = 0; t.killed < kKills && attempt < 3 * kKills; ++attempt) {
        fs::copy_file(base, opened, fs::copy_options::overwrite_existing);
        if (kind == SaveKind::SaveAs) fs::copy_file(base, target, fs::copy_options::overwrite_existing);
        int ready[2];
        EXPECT_EQ(::pipe(ready), 0);
        const pid_t child = ::fork();
        if (child == 0) {
            ::close(ready[0]);
            ::_exit(edit_and_save(opened, points, kind, target, ready[1]) ? 0 : 3);
        }
        ::close(ready[1]);
        char go = 0;
        const bool edited = ::read(ready[0], &go, 1) == 1;
        ::close(ready[0]);
        if (edited) std::this_thread::sleep_for(std::chrono::duration<double>(moment(random)));
        ::kill(child, SIGKILL);
        int status = 0;
        ::waitpid(child, &status, 0);
        EXPECT_TRUE(edited) << "the child could not open and edit the workspace";
        EXPECT_TRUE(WIFSIGNALED(status) || WEXITSTATUS(status) == 0) << "the save failed on its own";
        const std::string state = state_of(target);
        EXPECT_TRUE(state == "old" || state == "new") << "attempt " << attempt << ": " << state;
        if (!WIFSIGNALED(status)) {
            EXPECT_EQ(state, "new") << "attempt " << attempt << ": the save said it was done";
            ++t.finished;
            continue;
        }
        ++t.killed;
        t.with_temporaries += temporaries_in(dir.path()) > 0;
        t.in_transaction += fs::exists(target + "-journal");
        (state == "new" ? t.new_states : t.old_states)++;
    }
    // The next save, uninterrupted, leaves no temporary behind (its own or a killed one's).
    fs::copy_file(base, opened, fs::copy_options::overwrite_existing);
    EXPECT_TRUE(edit_and_save(opened, points, kind, target, -1));
    EXPECT_EQ(state_of(target), "new");
    EXPECT_EQ(temporaries_in(dir.path()), 0);
    return t;
}

struct Fixture {
    ScratchDir dir;
    std::string base = test::make_island_workspace(dir);
    std::string points = dir.write("sightings.geojson", points_geojson());
    unsigned seed = std::random_device{}();
};

TEST(KillAppSave, FileSaveKilledLeavesTheOldOrTheNewWorkspace) {
    Fixture f;
    SCOPED_TRACE("seed " + std::to_string(f.seed));
    const Trials t = kill_saves(f.dir, f.base, f.points, SaveKind::InPlace, f.dir.file("ws-edited.gpkg"), f.seed);
    std::printf("[ kills    ] File > Save killed %d times (%d more ended first): %d left the old state, %d the new; "
                "%d inside the write transaction\n", t.killed, t.finished, t.old_states, t.new_states, t.in_transaction);
    EXPECT_EQ(t.killed, kKills);
    EXPECT_GT(t.in_transaction, 0) << "no kill landed inside the write transaction: the kills did not test the rollback";
}

TEST(KillAppSave, FileSaveAsOverAFileKilledLeavesTheOldOrTheNewFileAndNoStrays) {
    Fixture f;
    SCOPED_TRACE("seed " + std::to_string(f.seed));
    const Trials t = kill_saves(f.dir, f.base, f.points, SaveKind::SaveAs, f.dir.file("copy.gpkg"), f.seed);
    std::printf("[ kills    ] File > Save as killed %d times (%d more ended first): %d left the old file, %d the new; "
                "%d left a temporary\n", t.killed, t.finished, t.old_states, t.new_states, t.with_temporaries);
    EXPECT_EQ(t.killed, kKills);
    EXPECT_GT(t.with_temporaries, 0) << "no kill landed while the new file was written";
}

}  // namespace
}  // namespace tidemark::gui
