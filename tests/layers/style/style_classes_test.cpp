#include "layers/style/style_classes.h"

#include <gtest/gtest.h>

namespace tidemark::layers {
namespace {

Layer segments(bool with_visits) {
    Layer l;
    l.name = "segments";
    l.role = LayerRole::Segments;
    l.fields = {{"max_gap_s", FieldType::Real}};
    if (with_visits) l.fields.push_back({"visits", FieldType::Integer});
    // 1 h, 30 h, 60 h, 100 h, a 7-day window never visited.
    const double gaps[] = {3600, 30 * 3600, 60 * 3600, 100 * 3600, 7 * 86400};
    const std::int64_t visits[] = {5, 2, 1, 1, 0};
    for (int i = 0; i < 5; ++i) {
        Feature f;
        f.values = {gaps[i]};
        if (with_visits) f.values.push_back(visits[i]);
        l.features().push_back(f);
    }
    return l;
}

TEST(StyleClasses, CoverageRampAgainstTheRevisitTarget) {
    const Layer l = segments(true);
    const Classification c = classify(l, default_style(LayerRole::Segments), nlohmann::json::object());
    ASSERT_EQ(c.classes.size(), 5u);
    EXPECT_EQ(c.feature_class, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(c.classes[0].label, "≤ 24 h (revisit target met)");
    EXPECT_EQ(c.classes[4].label, "never observed");
    EXPECT_EQ(c.classes[4].qgis_filter, "\"max_gap_s\" IS NULL OR \"max_gap_s\" < 0 OR \"visits\" = 0");
}

TEST(StyleClasses, RevisitTargetFromSettingsAndNullGapsWithoutVisits) {
    Layer l = segments(false);
    l.features()[4].values[0] = std::monostate{};
    const auto settings = nlohmann::json::parse(R"({"coverage": {"revisit_target_h": 12}})");
    const Classification c = classify(l, default_style(LayerRole::Segments), settings);
    // Target 12 h: 1 h met, 30 h in (24, 48], 60 h > 48, 100 h > 48, null never observed.
    EXPECT_EQ(c.feature_class, (std::vector<int>{0, 2, 3, 3, 4}));
    EXPECT_EQ(c.classes[1].label, "12 h – 24 h (up to 2× target)");
}

TEST(StyleClasses, CategoriesSortedAndCappedAtTen) {
    Layer l;
    l.role = LayerRole::Reports;
    l.fields = {{"category", FieldType::String}};
    for (const char* v : {"drugs", "boat", "drugs"}) l.features().push_back({0, {}, {std::string(v)}});
    Classification c = classify(l, default_style(LayerRole::Reports), {});
    ASSERT_EQ(c.classes.size(), 2u);
    EXPECT_EQ(c.classes[0].label, "boat");
    EXPECT_EQ(c.feature_class, (std::vector<int>{1, 0, 1}));

    Layer one = l;
    for (auto& f : one.features()) f.values = {std::string("drugs")};
    EXPECT_TRUE(classify(one, default_style(LayerRole::Reports), {}).classes.empty());

    Layer many;
    many.role = LayerRole::Reports;
    many.fields = {{"category", FieldType::String}};
    for (int i = 0; i < 12; ++i)
        for (int k = 0; k <= i; ++k) many.features().push_back({0, {}, {"c" + std::to_string(100 + i)}});
    c = classify(many, default_style(LayerRole::Reports), {});
    ASSERT_EQ(c.classes.size(), 10u);  // the 9 most frequent (c103..c111) and "other"
    EXPECT_EQ(c.classes[0].label, "c103");
    EXPECT_EQ(c.classes[9].label, "other");
    EXPECT_EQ(c.feature_class.front(), 9);  // c100, the rarest
}

}  // namespace
}  // namespace tidemark::layers
