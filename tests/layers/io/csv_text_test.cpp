#include "layers/io/csv_text.h"

#include <gtest/gtest.h>

using namespace tidemark::layers;

// RFC 4180 cases, each worked out by hand from the text.
TEST(CsvText, QuotedCommasQuotesAndLineBreaksStayInTheirCell) {
    const std::string text =
        "\xEF\xBB\xBFname,note,n\r\n"
        "# a comment\n"
        "\"Seeker, HMC\",\"said \"\"hello\"\"\",1\r\n"
        "\n"
        "Valiant,\"two\nlines\",2\n"
        "Searcher,,3";  // no line end at the end of the file
    std::vector<std::pair<long, std::vector<std::string>>> rows;
    scan_csv(text, [&](long line, const std::vector<std::string>& cells) { rows.emplace_back(line, cells); });
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0], (std::pair<long, std::vector<std::string>>{1, {"name", "note", "n"}}));
    EXPECT_EQ(rows[1], (std::pair<long, std::vector<std::string>>{3, {"Seeker, HMC", "said \"hello\"", "1"}}));
    EXPECT_EQ(rows[2], (std::pair<long, std::vector<std::string>>{5, {"Valiant", "two\nlines", "2"}}));
    EXPECT_EQ(rows[3], (std::pair<long, std::vector<std::string>>{7, {"Searcher", "", "3"}}));

    const CsvTable table = parse_csv(text);
    EXPECT_EQ(table.header, (std::vector<std::string>{"name", "note", "n"}));
    ASSERT_EQ(table.rows.size(), 3u);
    EXPECT_EQ(table.rows[2].line, 7);
    EXPECT_EQ(table.column({"N"}), 2);
}

TEST(CsvText, ARowShorterThanTheLastIsNotPaddedWithItsCells) {
    // The reused cells of a wider row must not leak into a narrower one.
    std::vector<std::size_t> widths;
    scan_csv("a,b,c,d\n1,2\n3,4,5,6\n7\n", [&](long, const std::vector<std::string>& cells) { widths.push_back(cells.size()); });
    EXPECT_EQ(widths, (std::vector<std::size_t>{4, 2, 4, 1}));
}
