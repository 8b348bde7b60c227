// `tidemark render` with the Reports panel's filter (--grading, --category, --reports-from/-to,
// --hide-duplicates): the map draws only the reports the app's map would, and its legend says
// which. Pixels read back with GDAL from a georeferenced GeoTIFF; legend text with pdftotext.
#include "gui_fixture.h"
#include "layers/io/gdal_handles.h"
#include "layers/workspace.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>

namespace tidemark::test {
namespace {

// The island workspace with four reports in the sea north of it, 20 km apart (100 px below).
std::string island_with_reports(const ScratchDir& dir) {
    const std::string path = make_island_workspace(dir);
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    EXPECT_TRUE(ws) << error;
    layers::Layer l;
    l.name = "reports";
    l.role = layers::LayerRole::Reports;
    l.fields = {{"reported_at", layers::FieldType::DateTime}, {"category", layers::FieldType::String},
                {"source_evaluation", layers::FieldType::String}, {"assessment", layers::FieldType::String},
                {"possible_duplicate", layers::FieldType::Integer}};
    auto add = [&](double x, const char* t, const char* cat, const char* src, const char* as, std::int64_t dup) {
        layers::Feature f;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{x, 340000}};
        f.values = {std::string(t), std::string(cat), std::string(src), std::string(as), dup};
        l.features().push_back(f);
    };
    add(140000, "2026-03-02T10:00:00Z", "small boat", "2", "B", 0);  // B2
    add(160000, "2026-03-02T10:10:00Z", "small boat", "2", "B", 1);  // B2, a possible duplicate
    add(180000, "2026-03-04T10:00:00Z", "drugs", "1", "C", 0);       // C1
    add(200000, "2026-03-05T10:00:00Z", "small boat", "3", "B", 0);  // B3
    ws->put(std::move(l));
    EXPECT_TRUE(ws->save(&error)) << error;
    return path;
}

// The render's GeoTIFF covers 100..300 km east, 300..400 km north at 200 m a pixel, so a report
// at (x, 340 km) is pixel ((x - 100 km) / 200, 300).
struct Tiff {
    layers::DatasetPtr ds;
    std::array<int, 3> rgb(double x) const {
        std::array<int, 3> c{};
        for (int b = 0; b < 3; ++b) {
            unsigned char v = 0;
            EXPECT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, static_cast<int>((x - 100000) / 200), 300, 1, 1, &v, 1, 1,
                                                           GDT_Byte, 0, 0),
                      CE_None);
            c[b] = v;
        }
        return c;
    }
    bool report_drawn(double x) const {  // the sea is (204,224,240); a report symbol is not
        const auto c = rgb(x);
        return std::abs(c[0] - 204) > 20 || std::abs(c[1] - 224) > 20 || std::abs(c[2] - 240) > 20;
    }
};

Tiff render_tiff(const ScratchDir& dir, const std::string& ws, const std::string& name, std::vector<std::string> filter) {
    const std::string out = dir.file(name);
    std::vector<std::string> args{"render", ws, "-o", out, "--bbox", "100000,300000,300000,400000", "--size", "1000x500"};
    args.insert(args.end(), filter.begin(), filter.end());
    const CommandResult r = run_tidemark(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    layers::ensure_gdal_registered();
    return {layers::DatasetPtr(static_cast<GDALDataset*>(GDALOpen(out.c_str(), GA_ReadOnly)))};
}

TEST(RenderReportFilterCli, OnlyTheReportsTheFilterKeepsAreDrawn) {
    ScratchDir dir;
    const std::string ws = island_with_reports(dir);
    const Tiff all = render_tiff(dir, ws, "all.tif", {});
    ASSERT_TRUE(all.ds);
    for (double x : {140000.0, 160000.0, 180000.0, 200000.0}) EXPECT_TRUE(all.report_drawn(x)) << x;
    EXPECT_FALSE(all.report_drawn(120000));  // sea between the symbols

    const Tiff b2 = render_tiff(dir, ws, "b2.tif", {"--grading", "2b"});
    ASSERT_TRUE(b2.ds);
    EXPECT_TRUE(b2.report_drawn(140000));
    EXPECT_TRUE(b2.report_drawn(160000));
    EXPECT_FALSE(b2.report_drawn(180000));  // C1
    EXPECT_FALSE(b2.report_drawn(200000));  // B3

    const Tiff some = render_tiff(dir, ws, "some.tif",
                                  {"--category", "SMALL", "--reports-from", "2026-03-02T10:05Z", "--hide-duplicates"});
    ASSERT_TRUE(some.ds);
    EXPECT_FALSE(some.report_drawn(140000));  // before the from time
    EXPECT_FALSE(some.report_drawn(160000));  // a possible duplicate
    EXPECT_FALSE(some.report_drawn(180000));  // drugs
    EXPECT_TRUE(some.report_drawn(200000));
}

TEST(RenderReportFilterCli, TheLegendSaysWhatIsShownAndBadValuesAreNamed) {
    ScratchDir dir;
    const std::string ws = island_with_reports(dir);
    const std::string pdf = dir.file("map.pdf");
    const CommandResult r = run_tidemark({"render", ws, "-o", pdf, "--grading", "B2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string text;
    if (FILE* p = ::popen(("pdftotext -layout '" + pdf + "' -").c_str(), "r")) {
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
        ::pclose(p);
    }
    EXPECT_NE(text.find("filter: 2 of 4 shown; grading B2"), std::string::npos) << text;

    const CommandResult bad = run_tidemark({"render", ws, "-o", dir.file("bad.png"), "--grading", "B7"});
    EXPECT_EQ(bad.exit_code, 1) << bad.err;
    EXPECT_NE(bad.err.find("--grading 'B7'"), std::string::npos) << bad.err;
    const CommandResult late = run_tidemark({"render", ws, "-o", dir.file("bad.png"), "--reports-to", "soon"});
    EXPECT_EQ(late.exit_code, 1);
    EXPECT_NE(late.err.find("--reports-to 'soon': expected an ISO 8601 time"), std::string::npos) << late.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("bad.png")));
}

}  // namespace
}  // namespace tidemark::test
