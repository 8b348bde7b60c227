#include "layers/tracks/csv_summary.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace tidemark;
using namespace tidemark::layers;
using tidemark::test::ScratchDir;

namespace {

// 999 fixes of 3 vessels (one named with a comma, so quoted), lat 50.000 .. 50.998 in steps of
// 0.001 and lon -4.000 .. -2.004 in steps of 0.002, 10 s apart from 2026-03-02T00:00:00Z; one
// row with an unreadable latitude, a comment line and a blank line.
std::string fixes_csv() {
    std::string text = "# made by the test\nvessel,mmsi,time,lat,lon,sog\n";
    const char* names[] = {"\"Seeker, HMC\"", "Valiant", "Searcher"};
    char row[200];
    for (int i = 0; i < 999; ++i) {
        const int h = i * 10 / 3600, m = i * 10 / 60 % 60, s = i * 10 % 60;
        std::snprintf(row, sizeof row, "%s,%d,2026-03-02T%02d:%02d:%02dZ,%.3f,%.3f,%d\n", names[i % 3], 235000000 + i % 3, h, m,
                      s, 50 + i * 0.001, -4 + i * 0.002, i % 20);
        text += row;
        if (i == 500) text += "\nValiant,235000001,2026-03-02T01:00:00Z,fifty,-3.0,5\n";
    }
    return text;
}

}  // namespace

TEST(CsvSummary, CountsExtentTimesAndVesselsOfATableOfFixes) {
    ScratchDir dir;
    const std::string path = dir.write("fixes.csv", fixes_csv());
    ASSERT_TRUE(csv_summary_applies(path));
    std::string error;
    const auto s = summarise_csv(path, &error);
    ASSERT_TRUE(s) << error;
    EXPECT_EQ(s->header, (std::vector<std::string>{"vessel", "mmsi", "time", "lat", "lon", "sog"}));
    EXPECT_EQ(s->rows, 1000u);
    EXPECT_EQ(s->positioned, 999u);
    EXPECT_EQ(s->columns.vessel, 0);
    EXPECT_EQ(s->columns.time, 2);
    EXPECT_EQ(s->columns.speed, 5);
    EXPECT_EQ(s->columns.course, -1);
    EXPECT_NEAR(s->lonlat_extent.min_y, 50.0, 1e-9);
    EXPECT_NEAR(s->lonlat_extent.max_y, 50.998, 1e-9);
    EXPECT_NEAR(s->lonlat_extent.min_x, -4.0, 1e-9);
    EXPECT_NEAR(s->lonlat_extent.max_x, -2.004, 1e-9);
    ASSERT_TRUE(s->first && s->last);
    EXPECT_EQ(*s->first, 1772409600.0);               // 2026-03-02T00:00:00Z (date -d ... +%s)
    EXPECT_EQ(*s->last, 1772409600.0 + 998 * 10);     // 02:46:20
    EXPECT_EQ(s->timed, 1000u);
    EXPECT_EQ(s->vessels, 3u);
    ASSERT_EQ(s->problems.size(), 1u);
    EXPECT_EQ(s->problems[0].line, 505);  // comment + header + 501 rows + blank line: the bad row is line 505
    EXPECT_NE(s->problems[0].reason.find("'fifty'"), std::string::npos) << s->problems[0].reason;
}

TEST(CsvSummary, LeavesFilesItCannotStandInForToGdal) {
    ScratchDir dir;
    EXPECT_FALSE(csv_summary_applies(dir.write("xy.csv", "x,y,name\n1,2,a\n")));            // projected: GDAL's CRS handling
    EXPECT_FALSE(csv_summary_applies(dir.write("wkt.csv", "wkt,lat,lon\nPOINT (1 2),2,1\n")));  // geometry column
    const std::string with_prj = dir.write("site.csv", "lat,lon\n50,1\n");
    dir.write("site.prj", "GEOGCS[\"WGS 84\"]");
    EXPECT_FALSE(csv_summary_applies(with_prj));
    EXPECT_FALSE(csv_summary_applies(dir.write("fixes.txt", "lat,lon\n50,1\n")));
    EXPECT_TRUE(csv_summary_applies(dir.write("fixes.csv", "Latitude,Longitude\n50,1\n")));
}
