// `tidemark export` and `tidemark render` run as a user runs them, on a workspace made from
// the shared real data; outputs read back with GDAL.
#include "layers/io/gdal_handles.h"
#include "support/test_support.h"

#include <filesystem>

namespace tidemark::test {
namespace {

namespace fs = std::filesystem;

// One workspace for the whole suite: coastline (4), ports (185), forces (45) from ../shared/data.
class CliOnWorkspace : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (shared_data("coast/gb_coastline_osm.gpkg").empty()) return;
        suite_dir_ = new ScratchDir;
        ws_ = suite_dir_->file("ws.gpkg");
        auto r = run_tidemark({"workspace", "new", ws_, "--coast", shared_data("coast/gb_coastline_osm.gpkg"), "--ports",
                               shared_data("ports/wpi_uk_ports.geojson"), "--forces", shared_data("police/police_force_areas_uk.gpkg")});
        if (r.exit_code != 0) ws_.clear();
    }
    static void TearDownTestSuite() {
        delete suite_dir_;
        suite_dir_ = nullptr;
    }
    void SetUp() override {
        TIDEMARK_REQUIRE_SHARED(coast, "coast/gb_coastline_osm.gpkg");
        ASSERT_FALSE(ws_.empty()) << "tidemark workspace new failed on the shared data";
    }
    static inline ScratchDir* suite_dir_ = nullptr;
    static inline std::string ws_;
    ScratchDir dir;  // this test's outputs
};

layers::DatasetPtr open_any(const std::string& path) {
    layers::ensure_gdal_registered();
    return layers::DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
}

TEST_F(CliOnWorkspace, ExportPortsInEveryFormatReadBackWith185Features) {
    const std::string& ws = ws_;
    for (const std::string format : {"gpkg", "geojson", "kml", "shp", "csv", "fgb"}) {
        const std::string out = dir.file("ports." + format);
        auto r = run_tidemark({"export", ws, "--layer", "ports", "--format", format, "-o", out});
        ASSERT_EQ(r.exit_code, 0) << format << ": " << r.err;
        auto ds = open_any(out);
        ASSERT_TRUE(ds) << format;
        EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 185) << format;
    }
}

TEST_F(CliOnWorkspace, ExportAllLayersAsOneStyledGeoPackageOrAFolder) {
    const std::string& ws = ws_;
    auto r = run_tidemark({"export", ws, "--layer", "all", "--format", "gpkg", "-o", dir.file("all.gpkg")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto ds = open_any(dir.file("all.gpkg"));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayerByName("forces")->GetFeatureCount(), 45);
    ASSERT_TRUE(ds->GetLayerByName("layer_styles"));
    EXPECT_EQ(ds->GetLayerByName("layer_styles")->GetFeatureCount(), 3);

    r = run_tidemark({"export", ws, "--layer", "all", "--format", "kml", "-o", dir.file("kml")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* f : {"coastline.kml", "ports.kml", "forces.kml"}) EXPECT_TRUE(fs::exists(dir.path() / "kml" / f)) << f;
}

TEST_F(CliOnWorkspace, ExportBadRequestsExitWithAMessageAndWriteNothing) {
    const std::string& ws = ws_;
    auto r = run_tidemark({"export", ws, "--layer", "harbours", "--format", "csv", "-o", dir.file("h.csv")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("no layer 'harbours'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("coastline, ports, forces"), std::string::npos) << r.err;
    r = run_tidemark({"export", ws, "--layer", "ports", "--format", "xlsx", "-o", dir.file("p.xlsx")});
    EXPECT_EQ(r.exit_code, 2);
    r = run_tidemark({"export", ws, "--layer", "ports", "--format", "csv", "-o", dir.file("missing/p.csv")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST_F(CliOnWorkspace, RenderPngAtRequestedSizeAndBadArgumentsRejected) {
    const std::string& ws = ws_;
    auto r = run_tidemark({"render", ws, "-o", dir.file("map.png"), "--size", "800x600", "--dpi", "96", "--title", "Ports",
                           "--bbox", "-6,49.8,2,52", "--marking", "OFFICIAL"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto ds = open_any(dir.file("map.png"));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetRasterXSize(), 800);
    EXPECT_EQ(ds->GetRasterYSize(), 600);

    r = run_tidemark({"render", ws, "-o", dir.file("bad.png"), "--size", "800by600"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("WIDTHxHEIGHT"), std::string::npos) << r.err;
    r = run_tidemark({"render", ws, "-o", dir.file("bad.png"), "--time", "yesterday"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("ISO 8601"), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.file("bad.png")));
}

}  // namespace
}  // namespace tidemark::test
