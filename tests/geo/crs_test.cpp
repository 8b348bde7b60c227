#include "geo/crs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>
#include <vector>

using namespace tidemark::geo;

namespace {

struct Sample {
    const char* place;
    double lon, lat;
    double easting, northing;  // from `cs2cs -f %.4f EPSG:4326 EPSG:27700` (proj-bin 9.1.1, no OSTN15 grid)
};

const Sample kBngSamples[] = {
    {"Big Ben", -0.1246, 51.5007, 530269.9024, 179640.7174},
    {"Land's End", -5.5478, 50.1066, 146419.5496, 28975.3919},
    {"John o' Groats", -3.0689, 58.6373, 338044.0502, 972651.0281},
    {"Belfast", -5.9301, 54.5973, 146241.4809, 529559.8744},
    {"Lerwick", -1.1493, 60.1530, 447331.5705, 1141249.7776},
    {"St Helier", -2.1312, 49.2138, 390445.7561, -76226.1681},
};

}  // namespace

TEST(Crs, Wgs84ToBritishNationalGridMatchesCs2csWithinOneMillimetre) {
    Transformer t(Crs::wgs84(), Crs::british_national_grid());
    for (const Sample& s : kBngSamples) {
        XY p = t.forward(XY{s.lon, s.lat});
        EXPECT_NEAR(p.x, s.easting, 0.001) << s.place;
        EXPECT_NEAR(p.y, s.northing, 0.001) << s.place;
    }
}

TEST(Crs, InverseReturnsToLonLat) {
    // The Helmert step's inverse is not an exact algebraic inverse (~1 mm): 1e-7 degrees is ~1 cm.
    Transformer t(Crs::wgs84(), Crs::british_national_grid());
    for (const Sample& s : kBngSamples) {
        XY back = t.inverse(XY{s.easting, s.northing});
        EXPECT_NEAR(back.x, s.lon, 1e-7) << s.place;
        EXPECT_NEAR(back.y, s.lat, 1e-7) << s.place;
    }
}

TEST(Crs, BatchTransformMatchesSinglePoints) {
    Transformer t(Crs::wgs84(), Crs::british_national_grid());
    std::vector<XY> pts;
    for (const Sample& s : kBngSamples) pts.push_back({s.lon, s.lat});
    t.forward(pts.data(), pts.size());
    for (std::size_t i = 0; i < pts.size(); ++i) EXPECT_NEAR(pts[i].x, kBngSamples[i].easting, 0.001);
}

// Transformers of one CRS pair reuse the PROJ operation of one that ended (crs.cpp's pool): one
// used after another failed on a point off the Earth, or while another of the pair is alive on
// another thread, still gives cs2cs's answers.
TEST(Crs, ATransformerMadeAfterAnotherOfThePairEndedGivesTheSameAnswers) {
    {
        Transformer first(Crs::wgs84(), Crs::british_national_grid());
        const XY off = first.forward(XY{0.0, 95.0});  // latitude 95: no answer
        EXPECT_TRUE(std::isinf(off.x));
    }
    Transformer kept(Crs::wgs84(), Crs::british_national_grid());
    std::vector<XY> from_thread;
    std::thread other([&] {
        Transformer t(Crs::wgs84(), Crs::british_national_grid());
        for (const Sample& s : kBngSamples) from_thread.push_back(t.forward(XY{s.lon, s.lat}));
    });
    other.join();
    for (std::size_t i = 0; i < std::size(kBngSamples); ++i) {
        const Sample& s = kBngSamples[i];
        const XY p = kept.forward(XY{s.lon, s.lat});
        EXPECT_NEAR(p.x, s.easting, 0.001) << s.place;
        EXPECT_NEAR(p.y, s.northing, 0.001) << s.place;
        EXPECT_NEAR(from_thread[i].x, s.easting, 0.001) << s.place;
        EXPECT_NEAR(from_thread[i].y, s.northing, 0.001) << s.place;
    }
}

TEST(Crs, UtmZone30MatchesCs2cs) {
    // cs2cs -f %.4f EPSG:4326 EPSG:32630 <<< "51.5007 -0.1246" -> 699567.5395 5709427.5625
    auto utm = Crs::parse("EPSG:32630");
    ASSERT_TRUE(utm);
    Transformer t(Crs::wgs84(), *utm);
    XY p = t.forward(XY{-0.1246, 51.5007});
    EXPECT_NEAR(p.x, 699567.5395, 0.001);
    EXPECT_NEAR(p.y, 5709427.5625, 0.001);
}

TEST(Crs, ParseRejectsUnknownWithReadableMessage) {
    std::string error;
    EXPECT_FALSE(Crs::parse("EPSG:999999", &error));
    EXPECT_NE(error.find("EPSG:999999"), std::string::npos);
    EXPECT_NE(error.find("expected"), std::string::npos);
}

TEST(Crs, ParseAcceptsWkt) {
    auto bng = Crs::parse(Crs::british_national_grid().wkt());
    ASSERT_TRUE(bng);
    EXPECT_FALSE(bng->is_geographic());
    EXPECT_TRUE(Crs::wgs84().is_geographic());
}

TEST(Crs, WorkingCrsIsBngAroundTheBritishIslesElseLocalUtm) {
    EXPECT_EQ(choose_working_crs(Box{-8.7, 49.1, 1.8, 60.9}).definition(), "EPSG:27700");
    EXPECT_EQ(choose_working_crs(Box{9.5, 53.0, 11.0, 54.5}).definition(), "EPSG:32632");   // Kiel Bight
    EXPECT_EQ(choose_working_crs(Box{-71.2, -33.2, -71.0, -33.0}).definition(), "EPSG:32719");  // Valparaíso
}

TEST(Crs, OutsideTheProjectionGivesInfinityNotGarbage) {
    auto laea = Crs::parse("EPSG:3035");  // ETRS89 LAEA Europe
    ASSERT_TRUE(laea);
    Transformer t(*laea, Crs::wgs84());
    XY p = t.forward(XY{1e12, 1e12});
    EXPECT_FALSE(std::isfinite(p.x));
}

TEST(Crs, WorkingCrsMustBeProjectedInMetres) {
    std::string error;
    EXPECT_TRUE(Crs::parse_working("EPSG:27700", &error)) << error;
    EXPECT_TRUE(Crs::parse_working("EPSG:32630", &error)) << error;
    EXPECT_TRUE(Crs::parse_working("EPSG:7405", &error)) << error;  // BNG + ODN height: its horizontal part

    EXPECT_FALSE(Crs::parse_working("EPSG:4326", &error));
    EXPECT_NE(error.find("geographic"), std::string::npos) << error;
    EXPECT_NE(error.find("EPSG:27700"), std::string::npos) << error;  // says what to give instead

    EXPECT_FALSE(Crs::parse_working("EPSG:2263", &error));  // New York Long Island, US survey feet
    EXPECT_NE(error.find("foot"), std::string::npos) << error;

    EXPECT_FALSE(Crs::parse_working("EPSG:4978", &error));  // WGS 84 geocentric
    EXPECT_NE(error.find("not a projected"), std::string::npos) << error;

    EXPECT_FALSE(Crs::parse_working("EPSG:999999", &error));
    EXPECT_NE(error.find("unknown CRS"), std::string::npos) << error;
}

// A LOCAL_CS .prj (GDAL reads it as an engineering CRS) has no link to the Earth: PROJ builds
// no operation and sets no error number, whose text is NULL. That used to crash (SIGSEGV).
TEST(Crs, LocalEngineeringCrsCannotBeTransformedAndSaysWhy) {
    const std::string local = R"(ENGCRS["Site grid",EDATUM[""],CS[Cartesian,2],)"
                              R"(AXIS["x",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["y",north,ORDER[2],LENGTHUNIT["metre",1]]])";
    auto crs = Crs::parse(local);
    ASSERT_TRUE(crs);
    EXPECT_EQ(crs->name(), "Site grid");
    for (bool forward : {true, false}) {
        try {
            if (forward) Transformer t(*crs, Crs::british_national_grid());
            else Transformer t(Crs::wgs84(), *crs);
            ADD_FAILURE() << "a transformation to or from a local CRS was built";
        } catch (const std::runtime_error& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find("Site grid is a local (engineering) CRS"), std::string::npos) << what;
            EXPECT_NE(what.find("EPSG:27700"), std::string::npos) << what;
        }
    }
    std::string error;
    EXPECT_FALSE(Crs::parse_working(local, &error));
    EXPECT_NE(error.find("is not a projected CRS"), std::string::npos) << error;
}

TEST(Crs, UnknownDefinitionGivesTextNotACrash) {
    std::string error;
    EXPECT_FALSE(Crs::parse("not a crs at all", &error));
    EXPECT_NE(error.find("unknown CRS 'not a crs at all'"), std::string::npos) << error;
}
