// Fixture workspaces for the app tests, written by the tests: a 200 km square island in
// British National Grid metres, a report point north of it in the sea, and two track fixes.
#pragma once

#include "support/test_support.h"

#include <string>

namespace tidemark::test {

inline std::string bng_geojson(const std::string& features) {
    return R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[)" +
           features + "]}";
}

// Land: the square 100 km..300 km east and north.
inline std::string island_geojson() {
    return bng_geojson(R"({"type":"Feature","properties":{"name":"Test Island"},"geometry":{"type":"Polygon","coordinates":[[[100000,100000],[300000,100000],[300000,300000],[100000,300000],[100000,100000]]]}})");
}

// One report 150 km north of the island's centre, in the sea.
inline std::string report_geojson() {
    return bng_geojson(R"({"type":"Feature","properties":{"report_id":"R1","category":"small boat","reported_at":"2026-03-01T12:00:00Z"},"geometry":{"type":"Point","coordinates":[200000,350000]}})");
}

// Creates ws.gpkg in `dir` with the island as coastline (EPSG:27700); returns its path.
inline std::string make_island_workspace(const ScratchDir& dir) {
    const std::string land = dir.write("island.geojson", island_geojson());
    const std::string ws = dir.file("ws.gpkg");
    const CommandResult r = run_tidemark({"workspace", "new", ws, "--coast", land, "--crs", "EPSG:27700"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ws;
}

}  // namespace tidemark::test
