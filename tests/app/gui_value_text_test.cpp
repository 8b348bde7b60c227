// Attribute values as the Inspector and the tables show them, worked out by hand.
#include "app/gui/value_text.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

layers::Workspace with_forces() {
    layers::Workspace ws;
    layers::Layer forces;
    forces.name = "forces";
    forces.role = layers::LayerRole::Forces;
    forces.fields = {{"PFA20CD", layers::FieldType::String}, {"PFA20NM", layers::FieldType::String}};
    for (auto [code, name] : {std::pair{"E23000032", "Kent"}, std::pair{"E23000033", "Sussex"}}) {
        layers::Feature f;
        f.values = {std::string(code), std::string(name)};
        forces.features().push_back(f);
    }
    ws.layers.push_back(forces);
    return ws;
}

TEST(ValueText, DurationsLengthsAndShares) {
    const ForceNames none;
    // 6 d 13 h 20 min = 566,400 s: the two largest units.
    EXPECT_EQ(value_text("worst_gap_s", 566400.0, none).text, "6 d 13 h");
    EXPECT_EQ(value_text("worst_gap_s", 566400.0, none).tooltip, "566400 s");
    EXPECT_EQ(value_text("revisit_target_h", std::int64_t{36}, none).text, "1 d 12 h");
    // 54,635.2 m = 54.64 km = 29.50 nm (1852 m).
    EXPECT_EQ(value_text("length_m", 54635.16, none).text, "54.64 km (29.50 nm)");
    EXPECT_EQ(value_text("coast_km", 123.456, none).text, "123.5 km");
    EXPECT_EQ(value_text("covered_pct", 74.96, none).text, "75.0 %");
    EXPECT_EQ(value_text("radar_range_nm", 16.0, none).text, "16.0 nm");
    EXPECT_EQ(value_text("radar_range_nm", 16.0, none).tooltip, "29.6 km");
}

TEST(ValueText, ForceCodesBecomeNamesAndRiskSaysItsFormula) {
    const layers::Workspace ws = with_forces();
    const ForceNames forces(ws);
    const ValueText f = value_text("force_codes", std::string("E23000032,E23000033,W15000002"), forces);
    EXPECT_EQ(f.text, "Kent, Sussex, W15000002");  // an unknown code stays a code
    EXPECT_EQ(f.tooltip, "E23000032,E23000033,W15000002");
    const ValueText r = value_text("risk", 586.826753, forces);
    EXPECT_EQ(r.text, "586.8");
    EXPECT_NE(r.tooltip.find("length (km) x worst gap / revisit target"), std::string::npos) << r.tooltip;
}

TEST(ValueText, TimesInUtcWithTheWeekdayAndPlainValuesAsStored) {
    const ForceNames none;
    // 5 March 2026 was a Thursday.
    EXPECT_EQ(value_text("reported_at", std::string("2026-03-05T12:00:00Z"), none).text, "Thu 5 Mar 2026 12:00 UTC");
    EXPECT_EQ(value_text("category", std::string("small craft"), none).text, "small craft");
    EXPECT_EQ(value_text("reports", std::int64_t{3}, none).text, "3");
    EXPECT_EQ(value_text("weight", 0.333333, none).text, "0.33");
    EXPECT_EQ(value_text("length_m", layers::Value{}, none).text, "");
}

TEST(ValueText, HeadersDropTheUnit) {
    EXPECT_EQ(header_text("worst_gap_s"), "worst gap");
    EXPECT_EQ(header_text("length_m"), "length");
    EXPECT_EQ(header_text("force_codes"), "forces");
    EXPECT_EQ(header_text("covered_pct"), "covered");
    EXPECT_EQ(header_text("gap_id"), "gap id");
}

TEST(ValueText, APackedLegsFixValuesAreCountedNotPrinted) {
    std::string times;  // 1,000 times as track_legs stores them: 10 characters and a space each
    for (int i = 0; i < 1000; ++i) times += (i ? " " : "") + std::to_string(1772366400 + 10 * i);
    const ValueText cell = value_text("fix_times", layers::Value(times), ForceNames());
    EXPECT_EQ(cell.text, "1000 values: " + times.substr(0, 60) + " ...");
    EXPECT_EQ(cell.tooltip, "");
    EXPECT_EQ(value_text("fix_speeds_kn", layers::Value(std::string("12.5")), ForceNames()).text, "1 value: 12.5");
}

}  // namespace
}  // namespace tidemark::gui
