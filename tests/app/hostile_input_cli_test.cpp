// The `tidemark` command on inputs a hostile or unlucky user gives it: files in a local CRS,
// absurd times and coordinates, outputs naming inputs, symlink loops, huge headers. Each was
// a crash, undefined behaviour, a destroyed input or a misleading message before.
#include "layers/gdal_handles.h"
#include "layers/workspace.h"
#include "support/test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace tidemark::test {
namespace {

namespace fs = std::filesystem;

const char* kCoast = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"A3":"GBR"},
 "geometry":{"type":"Polygon","coordinates":[[[-1,50.5],[1,50.5],[1,51.5],[-1,51.5],[-1,50.5]]]}}]})";
const char* kLocalCs = R"(LOCAL_CS["Site grid",UNIT["metre",1],AXIS["X",EAST],AXIS["Y",NORTH]])";

// A workspace on a 2x1 degree box of "coast" in the Channel.
std::string new_workspace(const ScratchDir& dir) {
    const std::string ws = dir.file("ws.gpkg");
    auto r = run_tidemark({"workspace", "new", ws, "--coast", dir.write("coast.geojson", kCoast)});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ws;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// --- local CRS: was SIGSEGV (a NULL PROJ error text appended to a std::string) -----------------

TEST(HostileInput, InfoOnALayerInALocalCrsSaysWhyItIsSkipped) {
    ScratchDir dir;
    const std::string csv = dir.write("site.csv", "x,y,name\n100,200,a\n300,400,b\n");
    dir.write("site.prj", kLocalCs);  // GDAL's CSV driver reads a .prj beside the file
    auto r = run_tidemark({"info", csv});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "layer site: cannot transform from Site grid to WGS 84: Site grid is a local "
                                "(engineering) CRS with no link to the Earth")) << r.out;
    EXPECT_TRUE(contains(r.out, "layer skipped")) << r.out;
}

TEST(HostileInput, WorkspaceNewOnALocalCrsCoastFailsNamingTheFile) {
    ScratchDir dir;
    const std::string csv = dir.write("site.csv", "x,y,name\n100,200,a\n300,400,b\n");
    dir.write("site.prj", kLocalCs);
    auto r = run_tidemark({"workspace", "new", dir.file("ws.gpkg"), "--coast", csv});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_TRUE(contains(r.err, csv)) << r.err;
    EXPECT_TRUE(contains(r.err, "local (engineering) CRS")) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("ws.gpkg")));
}

// A GeoPackage layer with srs_id -1 ("Undefined Cartesian SRS" in the GeoPackage standard).
TEST(HostileInput, InfoOnAGeoPackageLayerWithSrsIdMinusOne) {
    ScratchDir dir;
    const std::string gpkg = dir.file("undefined.gpkg");
    {
        layers::ensure_gdal_registered();
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        layers::DatasetPtr ds(drv->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        ASSERT_TRUE(ds);
        OGRLayer* l = ds->CreateLayer("pts", nullptr, wkbPoint, nullptr);
        OGRFeature f(l->GetLayerDefn());
        f.SetGeometryDirectly(new OGRPoint(100, 200));
        ASSERT_EQ(l->CreateFeature(&f), OGRERR_NONE);
        ds->ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = -1", nullptr, "SQLITE");
        ds->ExecuteSQL("UPDATE gpkg_contents SET srs_id = -1", nullptr, "SQLITE");
    }
    auto r = run_tidemark({"info", gpkg});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "Undefined Cartesian SRS is a local (engineering) CRS")) << r.out;
}

}  // namespace
}  // namespace tidemark::test
