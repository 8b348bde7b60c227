#include "geo/os_grid_ref.h"

#include <gtest/gtest.h>

using namespace tidemark::geo;

// The OS's own worked example ("A guide to coordinate systems in Great Britain"):
// TG 51409 13177 is E 651409, N 313177.
TEST(OsGridRef, OrdnanceSurveyPublishedExample) {
    auto g = parse_os_grid_ref("TG 51409 13177");
    ASSERT_TRUE(g);
    EXPECT_NEAR(g->south_west.x, 651409.0, 1e-6);
    EXPECT_NEAR(g->south_west.y, 313177.0, 1e-6);
    EXPECT_NEAR(g->precision_m, 1.0, 1e-9);
    auto compact = parse_os_grid_ref("tg5140913177");
    ASSERT_TRUE(compact);
    EXPECT_EQ(compact->south_west, g->south_west);
}

// Precision follows the digit count: the square named is 10^(5 - digits/2) m on a side.
// Hand arithmetic: TR is the 100 km square at (600 km, 100 km).
TEST(OsGridRef, DigitCountsGivePrecision) {
    struct Case { const char* ref; double e, n, size; };
    const Case cases[] = {
        {"TR", 600000, 100000, 100000},       {"TR 3 4", 630000, 140000, 10000},
        {"TR 32 40", 632000, 140000, 1000},   {"TR 3238 4030", 632380, 140300, 10},
        {"TR 323 403", 632300, 140300, 100},  {"TR3238440300", 632384, 140300, 1},
    };
    for (const Case& c : cases) {
        auto g = parse_os_grid_ref(c.ref);
        ASSERT_TRUE(g) << c.ref;
        EXPECT_NEAR(g->south_west.x, c.e, 1e-6) << c.ref;
        EXPECT_NEAR(g->south_west.y, c.n, 1e-6) << c.ref;
        EXPECT_NEAR(g->precision_m, c.size, 1e-9) << c.ref;
    }
    auto g = parse_os_grid_ref("TR 3238 4030");
    EXPECT_NEAR(g->centre().x, 632385, 1e-6);
    EXPECT_NEAR(g->centre().y, 140305, 1e-6);
}

// Corner squares of the grid, worked out from the letter layout: SV holds the false
// origin, HP is Shetland (400 km E, 1200 km N), TV the 500 km-east square on the
// southern row, JM the north-east corner square (600 km E, 1200 km N).
TEST(OsGridRef, EdgeSquares) {
    struct Case { const char* ref; double e, n; };
    const Case cases[] = {{"SV 00 00", 0, 0},       {"HP 00 00", 400000, 1200000}, {"TV 00 00", 500000, 0},
                          {"JM 99 99", 699000, 1299000}, {"HL 00 00", 0, 1200000},   {"NA 00 00", 0, 900000},
                          {"OV 00 00", 500000, 500000}, {"SW 00 00", 100000, 0}};
    for (const Case& c : cases) {
        auto g = parse_os_grid_ref(c.ref);
        ASSERT_TRUE(g) << c.ref;
        EXPECT_NEAR(g->south_west.x, c.e, 1e-6) << c.ref;
        EXPECT_NEAR(g->south_west.y, c.n, 1e-6) << c.ref;
    }
}

TEST(OsGridRef, RejectsSquaresOutsideTheGridAndMalformedText) {
    std::string why;
    // JA: 500 km E, 1400 km N -- north of the 1300 km grid; TE: 900 km E -- east of it.
    for (const char* bad : {"JA 1234 5678", "TE 100 100", "OE 10 10", "ZZ 10 10"}) {
        EXPECT_FALSE(parse_os_grid_ref(bad, &why)) << bad;
        EXPECT_NE(why.find("outside the National Grid"), std::string::npos) << why;
    }
    EXPECT_FALSE(parse_os_grid_ref("TI 10 10", &why));
    EXPECT_NE(why.find("letter I"), std::string::npos) << why;
    EXPECT_FALSE(parse_os_grid_ref("TR 323 4030", &why));  // 7 digits
    EXPECT_NE(why.find("7 digits"), std::string::npos) << why;
    EXPECT_FALSE(parse_os_grid_ref("TR 12345 678901", &why));  // 11 digits
    EXPECT_FALSE(parse_os_grid_ref("T1 1234", &why));
    EXPECT_FALSE(parse_os_grid_ref("TR 12a4", &why));
    EXPECT_FALSE(parse_os_grid_ref("", &why));
}

// cs2cs -d 3 EPSG:4326 EPSG:27700 <<< "51.1230 1.3290" (Dover) gives 633052.014 141238.808.
TEST(OsGridRef, FormatsCs2csEastingNorthing) {
    const XY dover{633052.014, 141238.808};
    EXPECT_EQ(format_os_grid_ref(dover, 10), "TR 33052 41238");
    EXPECT_EQ(format_os_grid_ref(dover, 8), "TR 3305 4123");
    EXPECT_EQ(format_os_grid_ref(dover, 4, false), "TR3341");
    EXPECT_EQ(format_os_grid_ref({651409, 313177}, 10), "TG 51409 13177");
    EXPECT_EQ(format_os_grid_ref({400000, 1200000}, 2), "HP 0 0");
    EXPECT_EQ(format_os_grid_ref({699999, 1299999}, 10), "JM 99999 99999");
    EXPECT_FALSE(format_os_grid_ref({700000, 0}, 10));
    EXPECT_FALSE(format_os_grid_ref({-1, 0}, 10));
    EXPECT_FALSE(format_os_grid_ref({0, 1300000}, 10));
    EXPECT_FALSE(format_os_grid_ref({0, 0}, 7));
}

TEST(OsGridRef, RoundTripsEverySquare) {
    for (int e = 0; e < 7; ++e)
        for (int n = 0; n < 13; ++n) {
            const XY p{e * 100000.0 + 12345.0, n * 100000.0 + 67890.0};
            auto text = format_os_grid_ref(p, 10);
            ASSERT_TRUE(text);
            auto back = parse_os_grid_ref(*text);
            ASSERT_TRUE(back) << *text;
            EXPECT_EQ(back->south_west, p) << *text;
        }
}
