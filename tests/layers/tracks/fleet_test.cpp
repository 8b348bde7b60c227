#include "layers/tracks/fleet.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;

namespace {
const char* kFleet =
    "name,mmsi,mmsi_is_synthetic,agency,class,length_m,antenna_height_m,antenna_height_estimated,visual_range_nm,"
    "cruise_speed_kn,max_speed_kn,endurance_h,home_port,radar_range_nm,notes\n"
    "HMC Seeker,235900101,yes,Border Force,cutter,42,12,yes,8,14,26,168,Harwich,,\"Stan Patrol, 42 m\"\n"
    "Kent Police RHIB,,no,E23000032,rhib,9,2.5,no,3,25,40,6,Dover,4,\n"
    ",235000000,no,x,y,1,1,yes,1,1,1,1,Nowhere,,no name\n"
    "Bad Height,235000001,no,Border Force,cutter,42,tall,yes,8,14,26,168,Dover,,\n";
}  // namespace

TEST(Fleet, ReadsRegisterAndReportsBadRows) {
    test::ScratchDir dir;
    auto r = layers::read_fleet_csv(dir.write("fleet.csv", kFleet));
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.vessels.size(), 3u);  // the nameless row is left out
    const auto& s = r.vessels[0];
    EXPECT_EQ(s.name, "HMC Seeker");
    EXPECT_EQ(s.mmsi, 235900101u);
    EXPECT_TRUE(s.mmsi_synthetic);
    EXPECT_EQ(s.vessel_class, "cutter");
    EXPECT_DOUBLE_EQ(s.antenna_height_m, 12);
    EXPECT_DOUBLE_EQ(s.endurance_h, 168);
    EXPECT_EQ(s.home_port, "Harwich");
    EXPECT_EQ(r.vessels[1].mmsi, 0u);
    EXPECT_FALSE(r.vessels[1].antenna_height_estimated);
    EXPECT_DOUBLE_EQ(r.vessels[1].radar_range_nm, 4);
    ASSERT_EQ(r.problems.size(), 2u);
    EXPECT_EQ(r.problems[0].line, 4);
    EXPECT_EQ(r.problems[1].line, 5);
    EXPECT_NE(r.problems[1].reason.find("tall"), std::string::npos);
}

TEST(Fleet, SensorRangeUsesHorizonAndCap) {
    layers::Vessel v;
    v.antenna_height_m = 12;
    // 2.23 * (sqrt(12) + 1) = 9.955 nm = 18436.7 m
    EXPECT_NEAR(layers::sensor_range_m(v), 18436.7, 1.0);
    v.radar_range_nm = 4;
    EXPECT_NEAR(layers::sensor_range_m(v), 7408.0, 0.5);
}

TEST(Fleet, FindByMmsiThenName) {
    std::vector<layers::Vessel> fleet(2);
    fleet[0].name = "HMC Seeker";
    fleet[0].mmsi = 235900101;
    fleet[1].name = "Kent Police RHIB";
    EXPECT_EQ(layers::find_vessel(fleet, 235900101, "whatever"), &fleet[0]);
    EXPECT_EQ(layers::find_vessel(fleet, 0, "KENT POLICE RHIB"), &fleet[1]);
    EXPECT_EQ(layers::find_vessel(fleet, 111, "nobody"), nullptr);
}

TEST(Fleet, StoreAndLoadThroughWorkspaceFile) {
    test::ScratchDir dir;
    auto r = layers::read_fleet_csv(dir.write("fleet.csv", kFleet));
    layers::Workspace ws;
    layers::store_fleet(ws, r.vessels);
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto back = layers::Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(back) << error;
    auto fleet = layers::load_fleet(*back);
    ASSERT_EQ(fleet.size(), 3u);
    EXPECT_EQ(fleet[0].name, "HMC Seeker");
    EXPECT_EQ(fleet[0].mmsi, 235900101u);
    EXPECT_DOUBLE_EQ(fleet[1].antenna_height_m, 2.5);
    EXPECT_EQ(fleet[1].agency, "E23000032");
    EXPECT_EQ(back->find("fleet")->role, layers::LayerRole::Table);
}
