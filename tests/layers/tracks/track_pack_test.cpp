#include "layers/tracks/track_pack.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace tidemark::layers;

TEST(TrackPack, AwkwardDoublesComeBackBitForBit) {
    // Values with no short decimal form (0.1 + 0.2, a time with sub-microsecond digits, the
    // smallest normal double, the next double after a whole second) must read back identical.
    const std::vector<double> v = {0.1 + 0.2, 1772366400.123456789, std::numeric_limits<double>::min(),
                                   std::nextafter(1772366400.0, 2e9), 1e-7, 123456789012.5, 0};
    std::string why;
    const auto back = unpack_numbers(pack_numbers(v, false), v.size(), &why);
    ASSERT_TRUE(back) << why;
    for (std::size_t i = 0; i < v.size(); ++i) EXPECT_EQ((*back)[i], v[i]) << i;
}

TEST(TrackPack, UnknownSpeedsAreDashesAndReadAsMinusOne) {
    const std::string text = pack_numbers({12.5, -1, 3, -0.5}, true);
    EXPECT_EQ(text, "12.5 - 3 -");
    std::string why;
    const auto back = unpack_numbers(text, 4, &why);
    ASSERT_TRUE(back) << why;
    EXPECT_EQ(*back, (std::vector<double>{12.5, -1, 3, -1}));
}

TEST(TrackPack, ACountOtherThanTheLegsIsRefusedSayingSo) {
    std::string why;
    EXPECT_FALSE(unpack_numbers("1 2 3", 4, &why));
    EXPECT_EQ(why, "holds 3 value(s), expected 4 (the leg's fixes)");
    EXPECT_FALSE(unpack_numbers("1 2 3 4 5", 4, &why));
    EXPECT_EQ(why, "holds more than 4 value(s), expected 4 (the leg's fixes)");
    EXPECT_FALSE(unpack_numbers("", 1, &why));
}

TEST(TrackPack, TextThatIsNotANumberIsNamedByPosition) {
    std::string why;
    EXPECT_FALSE(unpack_numbers("1772366400 17723x6460 1772366520", 3, &why));
    EXPECT_EQ(why, "value 2 '17723x6460' is not a number");
    EXPECT_FALSE(unpack_numbers("1 2  3", 3, &why));  // two spaces: an empty value
    EXPECT_EQ(why, "value 3 '' is not a number");
    EXPECT_FALSE(unpack_numbers("1 2 ", 2, &why));
    EXPECT_FALSE(unpack_numbers("1 nan", 2, &why));
    EXPECT_EQ(why, "value 2 'nan' is not a number");
}
