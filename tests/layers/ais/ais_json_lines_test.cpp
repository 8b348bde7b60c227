// The two-thread decoder: its text and its statistics and rejects must be exactly those of the
// one-thread scan_log plus append_json, in line order, whatever the batch boundaries.
#include "layers/ais/ais_json_lines.h"

#include "layers/ais/ais_json.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace tidemark::layers;
using namespace tidemark::layers::ais;

namespace {

// Good and bad lines: position reports, a two-part static message, a bad checksum, a
// truncated type 1, an unsupported type, a comment, a tag block with a time.
const char* kLines =
    "# comment\n"
    "\\s:tidemark,c:1772366400*31\\!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n"
    "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*24\n"
    "!AIVDM,2,1,3,A,53Pv<i@00000L9QW400Pl>1<DDdE80000000000o2PF4340Ht6B0DUj@j000,0*13\n"
    "!AIVDM,2,2,3,A,00000000000,2*27\n"
    "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw,0*79\n"
    "!AIVDM,1,1,,B,100000OP?wdtSF0l4Q@>4?wp0000,0*3D\n";

struct Decoded {
    std::string json;
    LogStats stats;
    std::vector<std::string> rejects;
};

Decoded one_thread(const std::string& text) {
    Decoded d;
    scan_log(
        text, d.stats,
        [&](const Message& m, const Assembled& a) {
            append_json(m, a, d.json);
            d.json += '\n';
        },
        [&](long line, LineOutcome o, const char* reason) {
            d.rejects.push_back(std::to_string(line) + " " + outcome_name(o) + " " + reason);
        });
    return d;
}

Decoded two_threads(const std::string& path) {
    Decoded d;
    LineReader file;
    std::string error;
    EXPECT_TRUE(file.open(path, &error, 4096)) << error;
    decode_to_json_lines(
        file, d.stats, [&](std::string_view text) { d.json.append(text); },
        [&](long line, LineOutcome o, const char* reason) {
            d.rejects.push_back(std::to_string(line) + " " + outcome_name(o) + " " + reason);
        });
    return d;
}

}  // namespace

TEST(AisJsonLines, SameTextStatsAndRejectsAsOneThreadAcrossManyBatches) {
    tidemark::test::ScratchDir dir;
    std::string text;
    for (int i = 0; i < 3001; ++i) text += kLines;  // 21,007 lines, 9,003 messages: many batches of 1024
    const Decoded want = one_thread(text);
    const Decoded got = two_threads(dir.write("log.nmea", text));
    ASSERT_EQ(want.stats.messages, 3001u * 3);
    EXPECT_TRUE(got.json == want.json);
    EXPECT_EQ(got.stats.summary(), want.stats.summary());
    EXPECT_EQ(got.rejects, want.rejects);
    EXPECT_EQ(got.rejects.size(), 3001u * 2);  // the bad checksum and the truncated type 1 of each copy
}

TEST(AisJsonLines, EmptyLogWritesNothing) {
    tidemark::test::ScratchDir dir;
    const Decoded got = two_threads(dir.write("empty.nmea", ""));
    EXPECT_EQ(got.json, "");
    EXPECT_EQ(got.stats.lines, 0u);
}

TEST(AisJsonLines, AFailingWriteIsRethrownAfterTheLogIsRead) {
    tidemark::test::ScratchDir dir;
    std::string text;
    for (int i = 0; i < 2000; ++i) text += kLines;  // more text than one 1 MiB piece
    const std::string path = dir.write("log.nmea", text);
    LineReader file;
    std::string error;
    ASSERT_TRUE(file.open(path, &error));
    LogStats stats;
    int writes = 0;
    EXPECT_THROW(decode_to_json_lines(
                     file, stats,
                     [&](std::string_view) {
                         ++writes;
                         throw std::runtime_error("disk full");
                     },
                     [](long, LineOutcome, const char*) {}),
                 std::runtime_error);
    EXPECT_EQ(writes, 1);
    EXPECT_EQ(stats.lines, 2000u * 7);  // the decoding thread was not left waiting
}
