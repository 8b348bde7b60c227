#include "layers/io/temp_files.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <algorithm>
#include <filesystem>

using namespace tidemark::layers;
using tidemark::test::ScratchDir;
namespace fs = std::filesystem;

namespace {

// pid 2^22 + 1 is above Linux's largest pid_max (4194304): no such process can exist.
const std::string kDeadPid = "4194305";

bool removed(const std::vector<fs::path>& list, const std::string& path) {
    return std::find(list.begin(), list.end(), fs::path(path)) != list.end();
}

}  // namespace

TEST(TempFiles, TemporaryIsHiddenBesideTheTargetAndNamesThisProcess) {
    EXPECT_EQ(temporary_beside("/data/ws.gpkg", ".gpkg"),
              fs::path("/data/.ws.gpkg.partial-" + std::to_string(::getpid()) + ".gpkg"));
    EXPECT_EQ(temporary_beside("out.tif", ".tif"), fs::path("./.out.tif.partial-" + std::to_string(::getpid()) + ".tif"));
}

TEST(TempFiles, TemporariesOfDeadWritersAndTheirSidecarsAreRemoved) {
    ScratchDir dir;
    const std::string target = dir.write("ws.gpkg", "the workspace");
    const std::string stale = dir.write(".ws.gpkg.partial-" + kDeadPid + ".gpkg", "half");
    const std::string journal = dir.write(".ws.gpkg.partial-" + kDeadPid + ".gpkg-journal", "half");
    fs::create_directory(dir.file(".ws.gpkg.partial-" + kDeadPid + ".d"));
    dir.write(".ws.gpkg.partial-" + kDeadPid + ".d/ws.shp", "half");
    const std::string own = dir.write(".ws.gpkg.partial-" + std::to_string(::getpid()) + ".gpkg", "mine, being written");
    const std::string user = dir.write(".ws.gpkg.partial-notes", "not ours: no pid");
    const std::string other_target = dir.write(".other.gpkg.partial-" + kDeadPid + ".gpkg", "another target's");

    const auto list = remove_stale_temporaries(target);
    EXPECT_EQ(list.size(), 3u);
    EXPECT_TRUE(removed(list, stale));
    EXPECT_TRUE(removed(list, journal));
    EXPECT_FALSE(fs::exists(stale));
    EXPECT_FALSE(fs::exists(journal));
    EXPECT_FALSE(fs::exists(dir.file(".ws.gpkg.partial-" + kDeadPid + ".d")));
    EXPECT_TRUE(fs::exists(own));
    EXPECT_TRUE(fs::exists(user));
    EXPECT_TRUE(fs::exists(other_target));
    EXPECT_EQ(tidemark::test::read_file(target), "the workspace");
}

// A live pid owns a temporary only if it was running when the temporary was last written:
// an older temporary under that pid is a dead writer's whose pid was reused.
TEST(TempFiles, ALiveWriterKeepsItsTemporaryButAReusedPidDoesNot) {
    ScratchDir dir;
    const std::string target = dir.file("ws.gpkg");
    const std::string parent = std::to_string(::getppid());
    const std::string live = dir.write(".ws.gpkg.partial-" + parent + ".gpkg", "being written now");
    const std::string reused = dir.write(".ws.gpkg.partial-" + parent + ".gpkg-journal", "written in 1970");
    struct utimbuf long_ago {1000, 1000};
    ASSERT_EQ(::utime(reused.c_str(), &long_ago), 0);

    const auto list = remove_stale_temporaries(target);
    EXPECT_TRUE(fs::exists(live));
    EXPECT_FALSE(fs::exists(reused));
    EXPECT_EQ(list, std::vector<fs::path>{fs::path(reused)});
}

// A folder export swaps folders through ".old"; a writer killed between the two renames left
// no target, only the old folder aside: it is put back, not deleted.
TEST(TempFiles, PreviousOutputMovedAsideIsPutBackWhenTheTargetIsMissing) {
    ScratchDir dir;
    const std::string target = dir.file("export");
    const std::string aside = dir.file(".export.partial-" + kDeadPid + ".old");
    fs::create_directory(aside);
    dir.write(".export.partial-" + kDeadPid + ".old/coast.geojson", "previous export");
    remove_stale_temporaries(target);
    EXPECT_FALSE(fs::exists(aside));
    EXPECT_EQ(tidemark::test::read_file(target + "/coast.geojson"), "previous export");
}
