// COPY text values and hex EWKB, checked against the COPY format's documented escapes and
// PostGIS's EWKB layout written out by hand.
#include "layers/team/copy_text.h"

#include <gtest/gtest.h>

using namespace tidemark::layers;
using namespace tidemark::layers::team;

TEST(CopyText, EscapesBackslashTabNewlineAndCarriageReturn) {
    std::string out;
    append_copy_escaped(out, "a\\b\tc\nd\re");
    EXPECT_EQ(out, "a\\\\b\\tc\\nd\\re");
}

TEST(CopyText, NullsEmptyTimesAndNumbersPerFieldType) {
    std::string out;
    append_copy_value(out, Value{}, FieldType::String);
    out += '|';
    append_copy_value(out, Value{std::string()}, FieldType::DateTime);
    out += '|';
    append_copy_value(out, Value{std::string()}, FieldType::String);
    out += '|';
    append_copy_value(out, Value{0.1}, FieldType::Real);
    out += '|';
    append_copy_value(out, Value{std::int64_t{-42}}, FieldType::Integer);
    out += '|';
    append_copy_value(out, Value{2.9}, FieldType::Integer);  // truncated, as GDAL writes a GeoPackage integer
    EXPECT_EQ(out, "\\N|\\N||0.10000000000000001|-42|2");
}

TEST(CopyText, PointAsHexEwkbCarriesTheSrid) {
    OGRPoint p(1.0, 2.0);
    std::string out;
    append_ewkb_hex(out, p, 27700);
    // 01 little-endian; type 1 | 0x20000000 = 01000020; SRID 27700 = 0x6C34 → 346C0000;
    // x = 1.0 → 000000000000F03F; y = 2.0 → 0000000000000040.
    EXPECT_EQ(out, "0101000020346C0000000000000000F03F0000000000000040");
}
