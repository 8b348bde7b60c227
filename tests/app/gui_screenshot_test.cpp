// Screenshots of the real app under a private Xvfb: real pixels at known world positions.
// Skips (saying why) only when Xvfb is not installed.
#include "app/gui/app_state.h"
#include "app/gui/map/gl_api.h"
#include "app/gui/map/map_renderer.h"
#include "app/render/map_render.h"
#include "gui_fixture.h"
#include "layers/io/gdal_handles.h"
#include "layers/io/import.h"
#include "layers/scene/map_scene.h"
#include "layers/workspace.h"

#include <GLFW/glfw3.h>
#include <gtest/gtest.h>
#include <stb_image.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <sstream>

namespace tidemark::gui {
namespace {

using test::ScratchDir;

// One Xvfb for the whole suite on a display no other server holds (lock file absent),
// ready when its socket appears.
class XvfbDisplay {
public:
    XvfbDisplay() {
        const char* candidates[] = {"/usr/bin/Xvfb", "/usr/local/bin/Xvfb"};
        for (const char* c : candidates)
            if (::access(c, X_OK) == 0) exe_ = c;
        if (exe_.empty()) return;
        for (int n = 200 + ::getpid() % 500, tries = 0; tries < 50; ++n, ++tries) {
            const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
            const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
            if (::access(lock.c_str(), F_OK) == 0 || ::access(socket.c_str(), F_OK) == 0) continue;
            const std::string name = ":" + std::to_string(n);
            pid_ = ::fork();
            if (pid_ == 0) {
                const int null = ::open("/dev/null", O_WRONLY);
                ::dup2(null, 1);
                ::dup2(null, 2);
                ::execl(exe_.c_str(), "Xvfb", name.c_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp",
                        static_cast<char*>(nullptr));
                ::_exit(127);
            }
            for (int wait_ms = 0; wait_ms < 10000; wait_ms += 50) {
                if (::access(socket.c_str(), F_OK) == 0) { display_ = name; return; }
                if (::waitpid(pid_, nullptr, WNOHANG) == pid_) { pid_ = -1; break; }  // lost a race: next number
                ::usleep(50 * 1000);
            }
            if (pid_ > 0) { ::kill(pid_, SIGTERM); ::waitpid(pid_, nullptr, 0); pid_ = -1; }
        }
    }
    ~XvfbDisplay() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            ::waitpid(pid_, nullptr, 0);
        }
    }
    bool installed() const { return !exe_.empty(); }
    const std::string& display() const { return display_; }

private:
    std::string exe_, display_;
    pid_t pid_ = -1;
};

XvfbDisplay& xvfb() {
    static XvfbDisplay d;  // started once, stopped at exit
    return d;
}

#define REQUIRE_XVFB()                                                                                   \
    if (!xvfb().installed()) GTEST_SKIP() << "Xvfb is not installed (scripts/install-deps.sh installs xvfb): " \
                                             "skipping the screenshot test";                              \
    ASSERT_FALSE(xvfb().display().empty()) << "Xvfb did not report a display";                             \
    ::setenv("DISPLAY", xvfb().display().c_str(), 1)

struct Rgb {
    int r, g, b;
};

struct Shot {
    int width = 0, height = 0;
    std::vector<unsigned char> pixels;
    double rect_x = 0, rect_y = 0, rect_w = 0, rect_h = 0, cx = 0, cy = 0, mpp = 0;
    Rgb at_world(double x, double y) const {
        const int px = static_cast<int>(rect_x + rect_w / 2 + (x - cx) / mpp);
        const int py = static_cast<int>(rect_y + rect_h / 2 - (y - cy) / mpp);
        EXPECT_TRUE(px >= 0 && py >= 0 && px < width && py < height) << "pixel " << px << "," << py << " off the image";
        const unsigned char* p = &pixels[(static_cast<std::size_t>(py) * width + px) * 3];
        return {p[0], p[1], p[2]};
    }
};

// Runs `tidemark gui` with a screenshot of the box 0..400 km (the island is 100..300 km).
Shot screenshot(const ScratchDir& dir, const std::string& ws, const std::string& name, const std::string& time = "",
                int frames = 2) {
    Shot s;
    const std::string png = dir.file(name);
    std::vector<std::string> args = {"gui", ws, "--screenshot", png, "--frames", std::to_string(frames), "--size", "1000x800",
                                     "--view", "0,0,400000,400000", "--print-view"};
    if (!time.empty()) args.insert(args.end(), {"--time", time});
    const auto r = test::run_tidemark(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::istringstream out(r.out);
    std::string key;
    while (out >> key) {
        if (key == "map_rect") out >> s.rect_x >> s.rect_y >> s.rect_w >> s.rect_h;
        else if (key == "view_centre") out >> s.cx >> s.cy;
        else if (key == "metres_per_pixel") out >> s.mpp;
    }
    int channels = 0;
    unsigned char* data = stbi_load(png.c_str(), &s.width, &s.height, &channels, 3);
    EXPECT_NE(data, nullptr) << "no PNG written at " << png;
    if (data) {
        s.pixels.assign(data, data + static_cast<std::size_t>(s.width) * s.height * 3);
        stbi_image_free(data);
    }
    return s;
}

// The same colour as the screenshot tests compare them: each channel within 3 of 255.
bool same_colour(Rgb a, Rgb b) { return std::abs(a.r - b.r) <= 3 && std::abs(a.g - b.g) <= 3 && std::abs(a.b - b.b) <= 3; }

void expect_colour(Rgb got, Rgb want, const char* what) {
    EXPECT_NEAR(got.r, want.r, 3) << what;
    EXPECT_NEAR(got.g, want.g, 3) << what;
    EXPECT_NEAR(got.b, want.b, 3) << what;
}

// The default land fill (0.93, 0.91, 0.85) and the scene's sea (0.80, 0.88, 0.94) in 8-bit.
constexpr Rgb kLand{237, 232, 217};
constexpr Rgb kSea{204, 224, 240};

Rgb rgb8(const layers::Rgba& c) {
    auto b = [](float v) { return static_cast<int>(std::lround(v * 255)); };
    return {b(c.r), b(c.g), b(c.b)};
}

TEST(GuiScreenshot, LandAndSeaWhereTheyShouldBe) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string ws = test::make_island_workspace(dir);
    const Shot s = screenshot(dir, ws, "map.png");
    ASSERT_FALSE(s.pixels.empty());
    EXPECT_NEAR(s.mpp, 400000.0 / std::min(s.rect_w, s.rect_h), 1e-3);  // --view fits 400 km
    expect_colour(s.at_world(200000, 200000), kLand, "island centre");
    expect_colour(s.at_world(120000, 280000), kLand, "inside the island's north-west corner");
    expect_colour(s.at_world(350000, 200000), kSea, "50 km east of the island");
    // The coast line (dark, 1 px) lies on the island's east edge at x = 300 km.
    const Rgb edge = s.at_world(300000, 200000);
    EXPECT_LT(edge.r + edge.g + edge.b, 3 * 150) << "coast outline at the east edge";
}

// Panels that did not change are left in the kept back buffer, not drawn again
// (app/gui/panel_redraw.h): after frames of that, the window is what drawing everything gives.
TEST(GuiScreenshot, PanelsLeftFromEarlierFramesLookAsIfDrawnAgain) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string ws = test::make_island_workspace(dir);
    const Shot kept = screenshot(dir, ws, "kept.png", "", 12);
    ::setenv("TIDEMARK_FULL_REDRAW", "1", 1);
    const Shot drawn = screenshot(dir, ws, "drawn.png", "", 12);
    ::unsetenv("TIDEMARK_FULL_REDRAW");
    ASSERT_FALSE(kept.pixels.empty());
    ASSERT_EQ(kept.pixels.size(), drawn.pixels.size());
    std::size_t differ = 0, panel = 0;
    for (std::size_t i = 0; i < kept.pixels.size(); i += 3) {
        differ += kept.pixels[i] != drawn.pixels[i] || kept.pixels[i + 1] != drawn.pixels[i + 1] ||
                  kept.pixels[i + 2] != drawn.pixels[i + 2];
        const int x = static_cast<int>(i / 3) % kept.width;
        panel += x < kept.rect_x && !same_colour({kept.pixels[i], kept.pixels[i + 1], kept.pixels[i + 2]}, {0, 0, 0});
    }
    EXPECT_EQ(differ, 0u);
    EXPECT_GT(panel, 100000u) << "the side bar is in the picture, not black";
}

TEST(GuiScreenshot, HiddenLayerIsGone) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    ws->settings["styles"]["coastline"] = {{"visible", false}};
    ASSERT_TRUE(ws->save(&error)) << error;
    const Shot s = screenshot(dir, path, "hidden.png");
    ASSERT_FALSE(s.pixels.empty());
    expect_colour(s.at_world(200000, 200000), kSea, "island centre with the coastline hidden");
}

TEST(GuiScreenshot, ReportSymbolWhereTheReportIs) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    geo::Problems problems;
    auto reports = layers::import_layer(dir.write("reports.geojson", test::report_geojson()), ws->crs(),
                                        layers::LayerRole::Reports, "reports", problems, &error);
    ASSERT_TRUE(reports) << error;
    ws->put(std::move(*reports));
    // Pure red 14 px squares, no category colours: the expected pixel is (255, 0, 0).
    ws->settings["styles"]["reports"] = {{"fill", {1, 0, 0, 1}}, {"fill_enabled", true}, {"colour_by", ""},
                                         {"symbol", 1}, {"symbol_size_px", 14}};
    ASSERT_TRUE(ws->save(&error)) << error;
    const Shot s = screenshot(dir, path, "report.png");
    ASSERT_FALSE(s.pixels.empty());
    expect_colour(s.at_world(200000, 350000), {255, 0, 0}, "report symbol");
    // 20 px west of the report: sea again.
    expect_colour(s.at_world(200000 - 20 * s.mpp, 350000), kSea, "beside the report");
}

// Two coverage segments in the sea north of the island, 8 px wide: one whose longest gap (20 h)
// meets the 24 h target, one never observed; a vessel whose fixes are an hour and 40 km apart,
// with its track points hidden (issue 14: the export then drew no vessels).
std::string scene_workspace(const ScratchDir& dir) {
    const std::string path = test::make_island_workspace(dir);
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    EXPECT_TRUE(ws) << error;
    layers::Layer seg;
    seg.name = "segments";
    seg.role = layers::LayerRole::Segments;
    seg.fields = {{"max_gap_s", layers::FieldType::Real}, {"visits", layers::FieldType::Integer}};
    auto add_line = [&](double x0, double x1, double y, layers::Value gap, layers::Value visits) {
        layers::Feature f;
        f.fid = static_cast<std::int64_t>(seg.features().size() + 1);
        f.geometry.kind = geo::GeometryKind::Line;
        f.geometry.lines = {{{x0, y}, {x1, y}}};
        f.values = {gap, visits};
        seg.features().push_back(f);
    };
    add_line(60000, 180000, 340000, 20 * 3600.0, std::int64_t{4});
    add_line(220000, 340000, 340000, 168 * 3600.0, std::int64_t{0});
    ws->put(std::move(seg));
    layers::Layer tracks;
    tracks.name = "track_points";
    tracks.role = layers::LayerRole::Tracks;
    tracks.fields = {{"vessel", layers::FieldType::String}, {"time", layers::FieldType::DateTime}};
    for (auto [x, t] : {std::pair{200000.0, "2026-03-02T12:00:00Z"}, std::pair{240000.0, "2026-03-02T13:00:00Z"}}) {
        layers::Feature f;
        f.fid = static_cast<std::int64_t>(tracks.features().size() + 1);
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {{x, 380000}};
        f.values = {std::string("HMC Test"), std::string(t)};
        tracks.features().push_back(f);
    }
    ws->put(std::move(tracks));
    ws->settings["coverage"] = {{"revisit_target_h", 24}};
    ws->settings["styles"]["segments"] = {{"stroke_width_px", 8}, {"colour_by", "max_gap_s"}};
    ws->settings["styles"]["track_points"] = {{"visible", false}};
    EXPECT_TRUE(ws->save(&error)) << error;
    return path;
}

// The same scene through both backends: the OpenGL map (a screenshot of the app) and the cairo
// export (a GeoTIFF, whose geotransform places every pixel). Both draw the met segment in the
// scene's "target met" colour, the never-observed one in its colour, and the vessel at its
// interpolated position (220 km, 380 km at 12:30, halfway between its fixes) in its colour.
TEST(GuiScreenshot, SceneClassesAndVesselAgreeWithTheExport) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string path = scene_workspace(dir);
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    const layers::SceneLayer seg = layers::scene_layer(*ws, *ws->find("segments"));
    ASSERT_EQ(seg.classes.feature_class, (std::vector<int>{0, 4}));  // 20 h <= 24 h: met; 0 visits: never
    EXPECT_NE(seg.legend[0].label.find("target met"), std::string::npos);
    const Rgb met = rgb8(seg.legend[0].colour), never = rgb8(seg.legend[4].colour);
    const auto vessels = layers::build_map_scene(*ws, geo::parse_iso8601("2026-03-02T12:30:00Z")).vessels;
    ASSERT_EQ(vessels.size(), 1u);
    const Rgb vessel = rgb8(vessels[0].colour);

    const Shot gl = screenshot(dir, path, "scene.png", "2026-03-02T12:30:00Z");
    ASSERT_FALSE(gl.pixels.empty());
    expect_colour(gl.at_world(120000, 340000), met, "GL: segment meeting the target");
    expect_colour(gl.at_world(280000, 340000), never, "GL: segment never observed");
    expect_colour(gl.at_world(220000, 380000), vessel, "GL: vessel at 12:30");

    render::RenderOptions o;
    o.width_px = 1000;
    o.height_px = 1000;
    o.bbox = geo::Box{0, 0, 400000, 400000};  // 400 m pixels
    o.time = geo::parse_iso8601("2026-03-02T12:30:00Z");
    const std::string tif = dir.file("scene.tif");
    ASSERT_TRUE(render::render_map(*ws, o, tif, &error)) << error;
    layers::ensure_gdal_registered();
    layers::DatasetPtr ds(static_cast<GDALDataset*>(GDALOpen(tif.c_str(), GA_ReadOnly)));
    ASSERT_TRUE(ds);
    double gt[6];
    ASSERT_EQ(ds->GetGeoTransform(gt), CE_None);
    auto at_world = [&](double x, double y) {
        const int col = static_cast<int>((x - gt[0]) / gt[1]), row = static_cast<int>((y - gt[3]) / gt[5]);
        unsigned char c[3] = {};
        for (int b = 0; b < 3; ++b)
            EXPECT_EQ(ds->GetRasterBand(b + 1)->RasterIO(GF_Read, col, row, 1, 1, &c[b], 1, 1, GDT_Byte, 0, 0), CE_None);
        return Rgb{c[0], c[1], c[2]};
    };
    expect_colour(at_world(120000, 340000), met, "export: segment meeting the target");
    expect_colour(at_world(280000, 340000), never, "export: segment never observed");
    expect_colour(at_world(220000, 380000), vessel, "export: vessel at 12:30 with its track points hidden");
    expect_colour(at_world(350000, 200000), kSea, "export: the same sea as the app");
}

// A typed time moves the vessel on the map. HMC Test sails from x = 200 km at 12:00 to 240 km
// at 13:00: typed 12:15 it is drawn at 210 km, typed 12:45 at 230 km, and not ahead of there
// (behind it, its tail is in its colour). `--time` goes through the
// timeline's typed-time path (AppState::type_time): a 1970 typed is refused, not drawn.
TEST(GuiScreenshot, TheVesselIsDrawnWhereItWasAtTheTypedTime) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string path = scene_workspace(dir);
    std::string error;
    auto ws = layers::Workspace::open(path, &error);
    ASSERT_TRUE(ws) << error;
    const Rgb vessel = rgb8(layers::build_map_scene(*ws, geo::parse_iso8601("2026-03-02T12:30:00Z")).vessels.at(0).colour);
    auto is_vessel = [&](Rgb c) { return same_colour(c, vessel); };

    const Shot quarter = screenshot(dir, path, "typed_1215.png", "2026-03-02 12:15");
    ASSERT_FALSE(quarter.pixels.empty());
    EXPECT_TRUE(is_vessel(quarter.at_world(210000, 380000))) << "the vessel at 12:15";
    EXPECT_FALSE(is_vessel(quarter.at_world(230000, 380000))) << "not yet where it is at 12:45";

    const Shot three_quarters = screenshot(dir, path, "typed_1245.png", "2026-03-02T12:45Z");
    ASSERT_FALSE(three_quarters.pixels.empty());
    EXPECT_TRUE(is_vessel(three_quarters.at_world(230000, 380000))) << "the vessel at 12:45";
    EXPECT_FALSE(is_vessel(three_quarters.at_world(238000, 380000))) << "not yet where it is at 12:57";

    auto refused = test::run_tidemark({"gui", path, "--screenshot", dir.file("typed_1970.png"), "--time", "1970-01-01 00:00"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("--time 1970-01-01 00:00: "), std::string::npos) << refused.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("typed_1970.png")));
}

// Two reports in the sea, graded B2 (north of the island) and C1 (east of it), with the heat layer
// on; the view kept in the workspace filters grading B2. The app draws the B2 report and its heat
// cell; where the C1 report is there is only sea: neither its symbol nor its heat (issue 14).
TEST(GuiScreenshot, AFilteredReportLeavesNoSymbolAndNoHeat) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string path = test::make_island_workspace(dir);
    auto save_with_filter = [&](const std::string& grading) {
        AppState app;
        app.view.rect = {0, 0, 1000, 800};
        std::string error;
        ASSERT_TRUE(app.open(path, &error)) << error;
        if (!app.workspace->find("reports")) {
            layers::Layer l;
            l.name = "reports";
            l.role = layers::LayerRole::Reports;
            l.fields = {{"reported_at", layers::FieldType::DateTime}, {"category", layers::FieldType::String},
                        {"source_evaluation", layers::FieldType::String}, {"assessment", layers::FieldType::String}};
            for (auto [x, y, src, as] : {std::tuple{200000.0, 350000.0, "2", "B"}, std::tuple{350000.0, 200000.0, "1", "C"}}) {
                layers::Feature f;
                f.fid = static_cast<std::int64_t>(l.features().size() + 1);
                f.geometry.kind = geo::GeometryKind::Point;
                f.geometry.points = {{x, y}};
                f.values = {std::string("2026-03-02T10:00:00Z"), std::string("small boat"), std::string(src), std::string(as)};
                l.features().push_back(f);
            }
            app.workspace->put(std::move(l));
        }
        app.heat_layer = true;
        app.report_filter = {};
        app.report_filter.grading = grading;
        ASSERT_TRUE(app.save(&error)) << error;
    };
    auto is_sea = [](Rgb p) { return same_colour(p, kSea); };
    // A point of the report's heat disc (radius 32 px round the centre of its 32 px screen cell)
    // 12 px past the cell's centre, away from the report, so clear of the report's symbol.
    auto in_heat_disc = [](const Shot& shot, double x, double y) {
        const double sx = shot.rect_x + shot.rect_w / 2 + (x - shot.cx) / shot.mpp;
        const double sy = shot.rect_y + shot.rect_h / 2 - (y - shot.cy) / shot.mpp;
        const double kx = (std::floor(sx / 32) + 0.5) * 32, ky = (std::floor(sy / 32) + 0.5) * 32;
        double dx = kx - sx, dy = ky - sy;
        const double len = std::hypot(dx, dy);
        if (len < 1) dx = 1, dy = 0; else dx /= len, dy /= len;
        const double px = kx + 12 * dx, py = ky + 12 * dy;
        return std::pair{shot.cx + (px - shot.rect_x - shot.rect_w / 2) * shot.mpp,
                         shot.cy - (py - shot.rect_y - shot.rect_h / 2) * shot.mpp};
    };
    save_with_filter("");
    const Shot all = screenshot(dir, path, "heat_all.png");
    ASSERT_FALSE(all.pixels.empty());
    EXPECT_FALSE(is_sea(all.at_world(350000, 200000))) << "unfiltered, the C1 report is drawn";
    EXPECT_FALSE(is_sea(all.at_world(200000, 350000))) << "unfiltered, the B2 report is drawn";
    const auto [hx, hy] = in_heat_disc(all, 350000, 200000);
    EXPECT_FALSE(is_sea(all.at_world(hx, hy))) << "unfiltered, the C1 report's heat is drawn";

    save_with_filter("B2");
    const Shot b2 = screenshot(dir, path, "heat_b2.png");
    ASSERT_FALSE(b2.pixels.empty());
    EXPECT_FALSE(is_sea(b2.at_world(200000, 350000))) << "the B2 report stays";
    expect_colour(b2.at_world(350000, 200000), kSea, "the C1 report filtered out: no symbol");
    const auto [fx, fy] = in_heat_disc(b2, 350000, 200000);
    expect_colour(b2.at_world(fx, fy), kSea, "the C1 report filtered out: no heat");
}

// An off-screen GL 3.3 context with a `width` x `height` RGBA target standing in for the window.
class GlTarget {
public:
    GlTarget(int width, int height) : width_(width), height_(height) {
        if (!glfwInit()) return;
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        window_ = glfwCreateWindow(64, 64, "test", nullptr, nullptr);
        if (!window_) return;
        glfwMakeContextCurrent(window_);
        glGenFramebuffers(1, &fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glGenRenderbuffers(1, &colour_);
        glBindRenderbuffer(GL_RENDERBUFFER, colour_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
    }
    ~GlTarget() {
        if (window_) {
            glDeleteRenderbuffers(1, &colour_);
            glDeleteFramebuffers(1, &fbo_);
            glfwDestroyWindow(window_);
        }
        glfwTerminate();
    }
    bool ok() const { return window_ && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE; }
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }
    std::vector<unsigned char> pixels() const {
        std::vector<unsigned char> out(static_cast<std::size_t>(width_) * height_ * 4);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
        glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, out.data());
        return out;
    }

private:
    int width_, height_;
    GLFWwindow* window_ = nullptr;
    GLuint fbo_ = 0, colour_ = 0;
};

// Panning draws only the strips that came into sight and copies the rest from the map drawn
// before (MapCache): the result must be the map drawn afresh at the new view, pixel for pixel
// up to edge pixels rounded the other way.
TEST(GuiMapCache, APannedMapIsTheMapDrawnAfresh) {
    REQUIRE_XVFB();
    ScratchDir dir;
    const std::string path = scene_workspace(dir);
    constexpr int kW = 400, kH = 300;
    GlTarget target(kW, kH);
    ASSERT_TRUE(target.ok()) << "no OpenGL 3.3 context on the Xvfb display";
    AppState app;
    std::string error;
    ASSERT_TRUE(app.open(path, &error)) << error;
    app.view.rect = {0, 0, kW, kH};
    app.view.fit({0, 0, 400000, 400000}, 0.0);
    MapRenderer renderer;
    ASSERT_TRUE(renderer.create(&error)) << error;
    renderer.sync(app);
    target.bind();
    EXPECT_EQ(renderer.draw(app, kH).pixels, static_cast<std::size_t>(kW * kH)) << "the first map is drawn whole";
    EXPECT_EQ(renderer.draw(app, kH).pixels, 0u) << "an unchanged view comes from the cache";

    app.view.pan_pixels(37, -23);  // a drag 37 px right and 23 px up: strips west and south uncovered
    renderer.sync(app);
    const DrawStats panned = renderer.draw(app, kH);
    EXPECT_EQ(panned.pixels, static_cast<std::size_t>(37 * kH + 23 * (kW - 37)));
    const std::vector<unsigned char> from_cache = target.pixels();
    renderer.invalidate_cache();
    EXPECT_EQ(renderer.draw(app, kH).pixels, static_cast<std::size_t>(kW * kH));
    const std::vector<unsigned char> afresh = target.pixels();

    std::size_t differ = 0, land = 0, segment = 0;
    const Rgb met = rgb8(layers::scene_layer(*app.workspace, *app.workspace->find("segments")).legend[0].colour);
    for (std::size_t i = 0; i < afresh.size(); i += 4) {
        bool same = true;
        for (int c = 0; c < 3; ++c) same &= std::abs(int(afresh[i + c]) - int(from_cache[i + c])) <= 2;
        differ += !same;
        const Rgb p{afresh[i], afresh[i + 1], afresh[i + 2]};
        land += same_colour(p, kLand);
        segment += same_colour(p, met);
    }
    EXPECT_GT(land, 10000u) << "the island is in the picture";
    EXPECT_GT(segment, 200u) << "the segment meeting the target is in the picture";
    EXPECT_LE(differ, static_cast<std::size_t>(kW * kH / 500)) << differ << " pixels differ";

    // A pan by a fraction of a pixel, or a zoom, cannot reuse whole pixels: drawn whole.
    app.view.pan_pixels(0.5, 0);
    EXPECT_EQ(renderer.draw(app, kH).pixels, static_cast<std::size_t>(kW * kH));
    app.view.zoom_at({kW / 2.0, kH / 2.0}, 2);
    EXPECT_EQ(renderer.draw(app, kH).pixels, static_cast<std::size_t>(kW * kH));
    // So does a change of style (here: the segments hidden).
    renderer.draw(app, kH);
    app.set_visible("segments", false);
    renderer.sync(app);
    EXPECT_EQ(renderer.draw(app, kH).pixels, static_cast<std::size_t>(kW * kH));
    renderer.destroy();
}

}  // namespace
}  // namespace tidemark::gui
