#include "app/gui/file_browser.h"

#include "support/test_support.h"

#include <filesystem>

using namespace tidemark;

TEST(FileBrowser, FoldersFirstThenTheWantedFilesSortedWithoutCase) {
    test::ScratchDir dir;
    dir.write("b.gpkg", "");
    dir.write("A.GPKG", "");
    dir.write("notes.txt", "");
    dir.write(".ws.gpkg.partial-123.gpkg", "");  // a writer's temporary: hidden
    std::filesystem::create_directory(dir.path() / "zeta");
    std::filesystem::create_directory(dir.path() / "Alpha");
    std::filesystem::create_directory(dir.path() / ".cache");
    std::string error = "stale";
    const auto gpkg = gui::list_folder(dir.path(), {".gpkg"}, &error);
    EXPECT_EQ(error, "");
    ASSERT_EQ(gpkg.size(), 4u);
    EXPECT_EQ(gpkg[0].name, "Alpha");
    EXPECT_TRUE(gpkg[0].folder);
    EXPECT_EQ(gpkg[1].name, "zeta");
    EXPECT_TRUE(gpkg[1].folder);
    EXPECT_EQ(gpkg[2].name, "A.GPKG");  // the extension matched without regard to case
    EXPECT_FALSE(gpkg[2].folder);
    EXPECT_EQ(gpkg[3].name, "b.gpkg");
    // No filter: every visible file.
    EXPECT_EQ(gui::list_folder(dir.path(), {}, &error).size(), 5u);
}

TEST(FileBrowser, AnUnreadableFolderSaysWhy) {
    std::string error;
    EXPECT_TRUE(gui::list_folder("/nonexistent/folder", {".gpkg"}, &error).empty());
    EXPECT_NE(error.find("/nonexistent/folder"), std::string::npos) << error;
}
