// LogFollower against a file the test changes between polls, as a receiver and a log rotator would.
#include "layers/io/log_follower.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

void append(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::app | std::ios::binary) << text;
}

// Every complete line available now.
std::vector<std::string> poll(LogFollower& f) {
    std::vector<std::string> lines;
    LogFollower::Line l;
    while (f.next(l)) lines.emplace_back(l.text);
    return lines;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST(LogFollower, LinesAppendedBetweenPollsArriveInOrder) {
    ScratchDir dir;
    const std::string path = dir.write("live.log", "one\ntwo\n");
    LogFollower f;
    std::string error;
    ASSERT_TRUE(f.open(path, &error)) << error;
    EXPECT_EQ(poll(f), (Lines{"one", "two"}));
    EXPECT_EQ(poll(f), Lines{});
    EXPECT_EQ(f.check_file(), "");
    append(path, "three\n");
    EXPECT_EQ(poll(f), Lines{"three"});
    EXPECT_EQ(f.consumed(), 14u);  // 4 + 4 + 6 bytes
}

TEST(LogFollower, APartLineWaitsForItsNewline) {
    ScratchDir dir;
    const std::string part = "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SM";
    const std::string path = dir.write("live.log", part);
    LogFollower f;
    std::string error;
    ASSERT_TRUE(f.open(path, &error)) << error;
    EXPECT_EQ(poll(f), Lines{});  // not handed out torn
    EXPECT_EQ(f.pending(), part.size());
    EXPECT_EQ(f.check_file(), "");  // a part line is not a shrink
    append(path, "MnbVpLR0000,0*23\nnext");
    EXPECT_EQ(poll(f), Lines{"!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23"});
    EXPECT_EQ(f.pending(), 4u);
    append(path, "\n");
    LogFollower::Line l;
    ASSERT_TRUE(f.next(l));
    EXPECT_EQ(l.text, "next");
    EXPECT_EQ(l.number, 2);
}

TEST(LogFollower, ATruncatedLogIsReadAgainFromItsStartWithANote) {
    ScratchDir dir;
    const std::string path = dir.write("live.log", "old 1\nold 2\n");
    LogFollower f;
    std::string error;
    ASSERT_TRUE(f.open(path, &error)) << error;
    EXPECT_EQ(poll(f), (Lines{"old 1", "old 2"}));
    std::filesystem::resize_file(path, 0);  // copytruncate
    append(path, "new\n");
    EXPECT_EQ(poll(f), Lines{});  // 4 bytes, all before the 12 already read
    const std::string note = f.check_file();
    EXPECT_NE(note.find("live.log: the file shrank from 12 to 4 bytes"), std::string::npos) << note;
    EXPECT_EQ(f.restarts(), 1);
    LogFollower::Line l;
    ASSERT_TRUE(f.next(l));
    EXPECT_EQ(l.text, "new");
    EXPECT_EQ(l.number, 1);
}

TEST(LogFollower, ALogRenamedAwayIsFollowedByTheNewFileOfThatName) {
    ScratchDir dir;
    const std::string path = dir.write("live.log", "a\n");
    LogFollower f;
    std::string error;
    ASSERT_TRUE(f.open(path, &error)) << error;
    EXPECT_EQ(poll(f), Lines{"a"});
    append(path, "b\npart");
    std::filesystem::rename(path, dir.file("live.log.1"));
    EXPECT_EQ(poll(f), Lines{"b"});  // the old file is read to its end first
    std::string note = f.check_file();
    EXPECT_NE(note.find("the file is gone"), std::string::npos) << note;
    EXPECT_EQ(f.check_file(), "");  // said once
    dir.write("live.log", "c\n");
    note = f.check_file();
    EXPECT_NE(note.find("live.log: the file is back; reading it from the start"), std::string::npos) << note;
    EXPECT_NE(note.find("unfinished last line of 4 bytes"), std::string::npos) << note;
    EXPECT_EQ(poll(f), Lines{"c"});
}

TEST(LogFollower, AnOverlongLineIsCutOnceAndTheNextLineFollows) {
    ScratchDir dir;
    const std::string path = dir.write("live.log", std::string(LogFollower::kMaxLine + 5, 'x'));
    LogFollower f;
    std::string error;
    ASSERT_TRUE(f.open(path, &error)) << error;
    LogFollower::Line l;
    ASSERT_TRUE(f.next(l));
    EXPECT_TRUE(l.cut);
    EXPECT_EQ(l.text.size(), LogFollower::kMaxLine);
    EXPECT_FALSE(f.next(l));
    append(path, "yyy\nok\n");
    ASSERT_TRUE(f.next(l));
    EXPECT_EQ(l.text, "ok");
    EXPECT_FALSE(l.cut);
    EXPECT_EQ(l.number, 2);
}

TEST(LogFollower, ADirectoryIsRefusedNamingIt) {
    ScratchDir dir;
    LogFollower f;
    std::string error;
    EXPECT_FALSE(f.open(dir.path().string(), &error));
    EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
}
