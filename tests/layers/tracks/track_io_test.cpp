#include "layers/tracks/track_io.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

using namespace tidemark;

namespace {
std::size_t fix_count(const geo::Track& t) {
    std::size_t n = 0;
    for (const auto& l : t.legs) n += l.fixes.size();
    return n;
}
}  // namespace

TEST(TrackIo, CsvWithLatLonAndBadRows) {
    test::ScratchDir dir;
    std::string path = dir.write("tracks.csv",
                                 "vessel,timestamp,latitude,longitude,sog\n"
                                 "Alpha,2026-03-01T12:00:00Z,51.0,1.5,10\n"
                                 "Alpha,2026-03-01T12:01:00Z,51.001,1.5,10\n"
                                 "Alpha,not a time,51.0,1.5,10\n"
                                 "Alpha,2026-03-01T12:02:00Z,95.0,1.5,10\n"
                                 "Bravo,1772366400,50.5,-1.0,\n");
    auto r = layers::read_tracks(path, geo::Crs::british_national_grid());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.tracks.size(), 2u);
    EXPECT_EQ(r.tracks[0].vessel, "Alpha");
    EXPECT_EQ(fix_count(r.tracks[0]), 2u);
    EXPECT_DOUBLE_EQ(r.tracks[0].legs[0].fixes[0].t, 1772366400.0);  // 2026-03-01T12:00:00Z
    EXPECT_DOUBLE_EQ(r.tracks[0].legs[0].fixes[0].speed_kn, 10);
    // 0.001 degree of latitude = 111.2 m
    const auto& f = r.tracks[0].legs[0].fixes;
    EXPECT_NEAR(std::hypot(f[1].p.x - f[0].p.x, f[1].p.y - f[0].p.y), 111.2, 1.0);
    ASSERT_EQ(r.problems.size(), 2u);
    EXPECT_EQ(r.problems[0].line, 4);
    EXPECT_EQ(r.problems[1].line, 5);
    EXPECT_LT(r.tracks[1].legs[0].fixes[0].speed_kn, 0);  // unknown
}

TEST(TrackIo, CsvColumnsMappingAndXyCrs) {
    test::ScratchDir dir;
    std::string path = dir.write("t.csv", "boat,when,e,n\nX,2026-03-01T00:00:00Z,530000,180000\n");
    auto plain = layers::read_tracks(path, geo::Crs::british_national_grid());
    EXPECT_FALSE(plain.ok);  // no time column detected: says how to map one
    EXPECT_NE(plain.error.find("--columns"), std::string::npos);
    layers::TrackReadOptions o;
    o.columns = "vessel=boat,time=when,x=e,y=n,crs=EPSG:27700";
    auto r = layers::read_tracks(path, geo::Crs::british_national_grid(), o);
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.tracks.size(), 1u);
    EXPECT_NEAR(r.tracks[0].legs[0].fixes[0].p.x, 530000, 1e-6);
    EXPECT_NEAR(r.tracks[0].legs[0].fixes[0].p.y, 180000, 1e-6);
}

TEST(TrackIo, GpxTrackPointsWithTime) {
    test::ScratchDir dir;
    std::string path = dir.write("patrol.gpx",
        "<?xml version=\"1.0\"?>\n<gpx version=\"1.1\" creator=\"test\" xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
        "<trk><name>HMC Seeker</name><trkseg>\n"
        "<trkpt lat=\"51.9\" lon=\"1.5\"><time>2026-03-01T12:00:00Z</time></trkpt>\n"
        "<trkpt lat=\"51.91\" lon=\"1.5\"><time>2026-03-01T12:05:00Z</time></trkpt>\n"
        "<trkpt lat=\"51.92\" lon=\"1.5\"></trkpt>\n"
        "</trkseg></trk></gpx>\n");
    auto r = layers::read_tracks(path, geo::Crs::british_national_grid());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.tracks.size(), 1u);
    EXPECT_EQ(r.tracks[0].vessel, "HMC Seeker");
    ASSERT_EQ(fix_count(r.tracks[0]), 2u);
    EXPECT_DOUBLE_EQ(r.tracks[0].legs[0].fixes[1].t, 1772366700.0);
    ASSERT_EQ(r.problems.size(), 1u);  // the point without <time>
}

TEST(TrackIo, AisLogNeedsTimePerLine) {
    test::ScratchDir dir;
    // Two tag-blocked reports 60 s apart, then one without any time (made with layers/ais_encode,
    // decoded by gpsdecode to 235900101 at -5.123457, -49.876543).
    std::string path = dir.write("log.nmea",
        "\\s:tidemark,c:1772366400*31\\!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n"
        "2026-03-01T12:01:00Z !AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n"
        "!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n");
    auto r = layers::read_tracks(path, geo::Crs::wgs84());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.tracks.size(), 1u);
    EXPECT_EQ(r.tracks[0].mmsi, 235900101u);
    EXPECT_EQ(r.tracks[0].vessel, "MMSI 235900101");
    ASSERT_EQ(fix_count(r.tracks[0]), 2u);  // the two timed reports; the untimed one is reported
    EXPECT_DOUBLE_EQ(r.tracks[0].legs[0].fixes[1].t, 1772366460.0);
    EXPECT_NEAR(r.tracks[0].legs[0].fixes[0].p.x, -5.123457, 1e-6);
    EXPECT_NEAR(r.tracks[0].legs[0].fixes[0].p.y, -49.876543, 1e-6);
    ASSERT_FALSE(r.problems.empty());
    bool untimed = false;
    for (const auto& p : r.problems)
        if (p.line == 3 && p.severity == geo::Problem::Severity::Error) untimed = true;
    EXPECT_TRUE(untimed);
}

TEST(TrackIo, StoreLoadRoundTripIsExact) {
    geo::Track t;
    t.vessel = "HMC Seeker";
    t.mmsi = 235900101;
    t.synthetic = true;
    t.legs.resize(2);
    t.legs[0].fixes = {{1772366400.25, {612345.125, 231234.5}, 12.5, 90}, {1772366430.5, {612400.0, 231234.5}, -1, -1}};
    t.legs[1].fixes = {{1772370000, {612999.75, 231000.0}, 3, 180}};
    geo::Track p;
    p.vessel = "HMC Seeker";
    p.planned = true;
    p.legs.resize(1);
    p.legs[0].fixes = {{1772400000, {600000, 230000}, 10, 45}};
    layers::Workspace ws;
    layers::store_tracks(ws, {t, p});
    test::ScratchDir dir;
    std::string error;
    ASSERT_TRUE(ws.save(&error, dir.file("ws.gpkg"))) << error;
    auto back = layers::Workspace::open(dir.file("ws.gpkg"), &error);
    ASSERT_TRUE(back) << error;
    EXPECT_EQ(back->find(layers::kTrackLegsLayer)->features().size(), 3u);
    auto tracks = layers::load_tracks(*back);
    ASSERT_EQ(tracks.size(), 2u);
    const geo::Track& a = tracks[0].planned ? tracks[1] : tracks[0];
    ASSERT_EQ(a.legs.size(), 2u);
    EXPECT_EQ(a.mmsi, 235900101u);
    EXPECT_TRUE(a.synthetic);
    EXPECT_EQ(a.legs[0].fixes[0].t, 1772366400.25);
    EXPECT_EQ(a.legs[0].fixes[0].p.x, 612345.125);
    EXPECT_EQ(a.legs[0].fixes[1].speed_kn, -1);
    EXPECT_EQ(a.legs[1].fixes[0].p.x, 612999.75);
    EXPECT_EQ(a.legs[1].fixes[0].course_deg, 180);
}

TEST(TrackIo, AisVesselsNamedFromStaticMessagesByMmsi) {
    test::ScratchDir dir;
    // 235900101 sends its type 5 (HMC SEEKER, two fragments) after its first position;
    // the positions take that name. Sentences from layers/ais_encode, checked with gpsdecode.
    std::string path = dir.write("named.nmea",
        "\\s:tidemark,c:1772366400*31\\!AIVDM,1,1,,A,13Pv<i@P2>w`Rw=SMMnbVpLR0000,0*23\n"
        "\\s:tidemark,c:1772366410*30\\!AIVDM,2,1,3,A,53Pv<i@00000L9QW400Pl>1<DDdE80000000000o2PF4340Ht6B0DUj@j000,0*13\n"
        "\\s:tidemark,c:1772366410*30\\!AIVDM,2,2,3,A,00000000000,2*27\n");
    auto r = layers::read_tracks(path, geo::Crs::wgs84());
    ASSERT_TRUE(r.ok) << r.error;
    ASSERT_EQ(r.tracks.size(), 1u);
    EXPECT_EQ(r.tracks[0].vessel, "HMC SEEKER");
    EXPECT_EQ(r.tracks[0].mmsi, 235900101u);
}
