// The launcher `tidemark`: --version and `ais decode` in a process that loads neither GDAL nor
// PROJ; every other command handed to tidemark-app beside it; a clear message when that is gone.
#include "app/cli/command.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>

namespace tidemark::test {
namespace {

// What `ldd` lists for `exe`: the shared libraries its loading brings in.
std::string shared_libraries(const std::string& exe) {
    std::string out;
    FILE* p = ::popen(("ldd '" + exe + "' 2>&1").c_str(), "r");
    if (!p) return out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    ::pclose(p);
    return out;
}

TEST(Launcher, VersionAndAisDecodeLoadNeitherGdalNorProj) {
    const CommandResult v = run_tidemark({"--version"});
    EXPECT_EQ(v.exit_code, 0);
    EXPECT_EQ(v.out, std::string(cli::kVersion) + "\n");
    const std::string launcher = shared_libraries(TIDEMARK_EXE);
    ASSERT_NE(launcher.find("libc.so"), std::string::npos) << launcher;  // ldd worked
    EXPECT_EQ(launcher.find("libgdal"), std::string::npos) << launcher;
    EXPECT_EQ(launcher.find("libproj"), std::string::npos) << launcher;
    const std::string full = shared_libraries((std::filesystem::path(TIDEMARK_EXE).parent_path() / "tidemark-app").string());
    EXPECT_NE(full.find("libgdal"), std::string::npos) << "tidemark-app is the full program: " << full;

    // One position report decoded in the launcher; `gpsdecode -j` reads it as MMSI 235900101 at
    // 14.2 kn, course 271.5.
    ScratchDir dir;
    const std::string log = dir.write("one.nmea", "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n");
    const CommandResult d = run_tidemark({"ais", "decode", log});
    EXPECT_EQ(d.exit_code, 0) << d.err;
    EXPECT_NE(d.out.find("\"mmsi\":235900101"), std::string::npos) << d.out;
    EXPECT_NE(d.out.find("\"speed\":14.2"), std::string::npos) << d.out;
    EXPECT_NE(d.out.find("\"course\":271.5"), std::string::npos) << d.out;
}

TEST(Launcher, OtherCommandsRunInTheFullProgramWithTheirExitCodes) {
    const CommandResult help = run_tidemark({"info", "--help"});
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Usage: tidemark info"), std::string::npos) << help.out;
    const CommandResult missing = run_tidemark({"info", "/no/such/file.gpkg"});
    EXPECT_EQ(missing.exit_code, 1);
    EXPECT_NE(missing.err.find("/no/such/file.gpkg"), std::string::npos) << missing.err;
    EXPECT_EQ(run_tidemark({"no-such-command"}).exit_code, 2);
}

TEST(Launcher, WithoutTheFullProgramBesideItItSaysWhatIsMissing) {
    ScratchDir dir;
    const std::string alone = dir.file("tidemark");
    std::filesystem::copy_file(TIDEMARK_EXE, alone);
    FILE* p = ::popen(("'" + alone + "' info --help 2>&1").c_str(), "r");
    ASSERT_NE(p, nullptr);
    std::string out;
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    const int status = ::pclose(p);
    EXPECT_EQ(WEXITSTATUS(status), 1);
    EXPECT_NE(out.find("cannot run " + dir.file("tidemark-app")), std::string::npos) << out;
}

}  // namespace
}  // namespace tidemark::test
