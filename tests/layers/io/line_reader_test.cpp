#include "layers/ais/ais_log.h"
#include "layers/io/line_reader.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <vector>

using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

// "00000\n00001\n...": `count` lines of 6 bytes each, so byte offsets are easy to reckon.
std::string numbered_lines(int count) {
    std::string s;
    char buf[16];
    for (int i = 0; i < count; ++i) {
        std::snprintf(buf, sizeof buf, "%05d\n", i);
        s += buf;
    }
    return s;
}

std::vector<std::string> read_all(LineReader& r) {
    std::vector<std::string> lines;
    LineReader::Line l;
    while (r.next(l)) lines.emplace_back(l.text);
    return lines;
}

}  // namespace

TEST(LineReader, LinesAcrossChunkBordersKeepTheirTextAndNumbers) {
    ScratchDir dir;
    const std::string path = dir.write("a.txt", "first\r\nsecond line\n\nlast without newline");
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 3)) << error;  // 3-byte reads: every line spans chunks
    std::vector<std::string> expected = {"first\r", "second line", "", "last without newline"};
    LineReader::Line l;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        ASSERT_TRUE(r.next(l));
        EXPECT_EQ(l.text, expected[i]);
        EXPECT_EQ(l.number, static_cast<long>(i + 1));
        EXPECT_FALSE(l.cut);
    }
    EXPECT_FALSE(r.next(l));
    EXPECT_EQ(r.fault(), "");
}

TEST(LineReader, AnOverlongLineIsCutAndTheNextLineFollows) {
    ScratchDir dir;
    const std::string path = dir.write("long.txt", std::string(LineReader::kMaxLine + 10, 'x') + "\nafter\n");
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 4096)) << error;
    LineReader::Line l;
    ASSERT_TRUE(r.next(l));
    EXPECT_TRUE(l.cut);
    EXPECT_EQ(l.text.size(), LineReader::kMaxLine);
    ASSERT_TRUE(r.next(l));
    EXPECT_FALSE(l.cut);
    EXPECT_EQ(l.text, "after");
    EXPECT_EQ(l.number, 2);
    EXPECT_FALSE(r.next(l));
}

TEST(LineReader, MissingFileOrFolderIsAnOpenError) {
    ScratchDir dir;
    LineReader r1, r2;
    std::string error;
    EXPECT_FALSE(r1.open(dir.file("none.log"), &error));
    EXPECT_NE(error.find(dir.file("none.log") + ": cannot open (No such file or directory)"), std::string::npos) << error;
    EXPECT_FALSE(r2.open(dir.path().string(), &error));
    EXPECT_NE(error.find("not a regular file"), std::string::npos) << error;
}

// copytruncate rotation: the file loses its tail while it is read. With the old memory map
// the next page touched raised SIGBUS; now the lines before the cut are kept and it is said.
TEST(LineReader, FileTruncatedWhileReadKeepsTheLinesBeforeTheCut) {
    ScratchDir dir;
    const std::string path = dir.write("shrinking.log", numbered_lines(10000));  // 60000 bytes
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 4096)) << error;
    std::vector<std::string> lines;
    LineReader::Line l;
    while (r.next(l)) {
        lines.emplace_back(l.text);
        if (lines.size() == 100) std::filesystem::resize_file(path, 30003);  // 5000 lines and "050" of the next
    }
    ASSERT_EQ(lines.size(), 5000u);
    EXPECT_EQ(lines.front(), "00000");
    EXPECT_EQ(lines.back(), "04999");
    EXPECT_EQ(r.fault(), path + ": the file shrank while it was read (60000 bytes when opened, 30003 now: truncated or "
                                "rotated by another program?); the 5000 lines read up to then are kept and the "
                                "incomplete line after them is dropped");
}

TEST(LineReader, FileTruncatedToNothingKeepsWhatWasAlreadyRead) {
    ScratchDir dir;
    const std::string path = dir.write("emptied.log", numbered_lines(10000));
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 4096)) << error;
    LineReader::Line l;
    ASSERT_TRUE(r.next(l));
    std::filesystem::resize_file(path, 0);
    std::size_t more = 0;
    while (r.next(l)) ++more;
    // The first 4096-byte read held 682 whole lines (4092 bytes) and 4 bytes of the 683rd.
    EXPECT_EQ(1 + more, 682u);
    EXPECT_NE(r.fault().find("60000 bytes when opened, 0 now"), std::string::npos) << r.fault();
}

TEST(LineReader, LinesAppendedWhileReadingAreReadToo) {
    ScratchDir dir;
    const std::string path = dir.write("growing.log", numbered_lines(1000));
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 4096)) << error;
    LineReader::Line l;
    ASSERT_TRUE(r.next(l));
    {
        std::FILE* f = std::fopen(path.c_str(), "ab");
        std::fputs("appended\n", f);
        std::fclose(f);
    }
    std::size_t n = 1;
    std::string last;
    while (r.next(l)) {
        ++n;
        last = l.text;
    }
    EXPECT_EQ(n, 1001u);
    EXPECT_EQ(last, "appended");
    EXPECT_EQ(r.fault(), "");
}

TEST(LineReader, FileDeletedWhileReadIsReadToTheEndAndSaidSo) {
    ScratchDir dir;
    const std::string path = dir.write("deleted.log", numbered_lines(1000));
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 4096)) << error;
    std::filesystem::remove(path);
    EXPECT_EQ(read_all(r).size(), 1000u);
    EXPECT_EQ(r.fault(), path + ": the file was deleted while it was read (all 6000 bytes were still read); the 1000 "
                                "lines read up to then are kept");
}

// The decoder on a log cut short while it is being decoded: every message before the cut is
// decoded (the sentence from gpsd's test log, type 1, MMSI 371798000), none after it.
TEST(LineReader, AisLogTruncatedWhileDecodedKeepsTheMessagesBeforeTheCut) {
    ScratchDir dir;
    const std::string sentence = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A\n";  // 48 bytes
    std::string text;
    for (int i = 0; i < 2000; ++i) text += sentence;
    const std::string path = dir.write("rotated.nmea", text);
    LineReader r;
    std::string error;
    ASSERT_TRUE(r.open(path, &error, 4096)) << error;
    ais::LogStats stats;
    std::size_t decoded = 0, rejected = 0;
    ais::scan_log(
        r, stats,
        [&](const ais::Message& m, const ais::Assembled&) {
            EXPECT_EQ(m.mmsi, 371798000u);
            if (++decoded == 10) std::filesystem::resize_file(path, 48 * 500);
        },
        [&](long, ais::LineOutcome, const char*) { ++rejected; });
    EXPECT_EQ(decoded, 500u);
    EXPECT_EQ(rejected, 0u);
    EXPECT_EQ(stats.lines, 500u);
    EXPECT_NE(r.fault().find("96000 bytes when opened, 24000 now"), std::string::npos) << r.fault();
    EXPECT_NE(r.fault().find("the 500 lines read up to then are kept"), std::string::npos) << r.fault();
}
