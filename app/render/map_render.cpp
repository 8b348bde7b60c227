#include "app/render/map_render.h"

#include "app/render/attribution.h"
#include "app/render/draw_layers.h"
#include "app/render/map_frame.h"
#include "app/render/map_page.h"
#include "app/render/raster_output.h"
#include "layers/export/export_atomic.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <memory>
#include <sstream>

namespace tidemark::render {
namespace {

struct SurfaceCloser {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextCloser {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceCloser>;
using ContextPtr = std::unique_ptr<cairo_t, ContextCloser>;

std::string short_time(geo::UnixTime t) {
    std::string s = geo::format_iso8601(t);  // 2026-03-01T12:00:05Z
    if (s.size() == 20 && s.compare(16, 3, ":00") == 0) s = s.substr(0, 16) + "Z";
    return s;
}

std::string time_line(const layers::Workspace& ws, std::optional<geo::UnixTime> at) {
    std::string s;
    if (ws.window_from && ws.window_to) s = "Time window " + short_time(*ws.window_from) + " – " + short_time(*ws.window_to) + " (UTC)";
    else if (ws.window_from) s = "Time window from " + short_time(*ws.window_from) + " (UTC)";
    else s = "Time window: not set";
    if (at) s += "   ·   situation at " + short_time(*at);
    return s;
}

std::string crs_line(const geo::Crs& crs) {
    std::string def = crs.definition();
    return def.size() < 24 && def != crs.name() ? crs.name() + " (" + def + ")" : crs.name();
}

// Clockwise angle from grid up to true north at `p` (working CRS).
double true_north_deg(const geo::Crs& crs, geo::XY p) {
    try {
        geo::Transformer t(crs, geo::Crs::wgs84());
        geo::XY ll = t.forward(p);
        geo::XY north = t.inverse({ll.x, ll.y + 0.05});
        if (!std::isfinite(north.x)) return 0;
        return std::atan2(north.x - p.x, north.y - p.y) * 180.0 / M_PI;
    } catch (const std::exception&) {
        return 0;
    }
}

FrameText frame_text(const layers::Workspace& ws, const MapScene& scene, const RenderOptions& o) {
    FrameText t;
    t.title = o.title;
    t.time_line = time_line(ws, o.time);
    t.marking = o.marking;
    t.crs_line = crs_line(ws.crs());
    std::vector<const layers::Layer*> shown;
    for (const auto& d : scene.layers) shown.push_back(d.layer);
    t.attributions = attributions(shown);
    const geo::UnixTime now = o.generated_at.value_or(static_cast<double>(std::time(nullptr)));
    t.generated_line = o.known_at ? "Workspace as known at " + geo::format_iso8601(*o.known_at) + ", by Tidemark 0.1.0"
                                  : "Generated " + geo::format_iso8601(now) + " by Tidemark 0.1.0";
    return t;
}

}  // namespace

bool draw_map_page(cairo_surface_t* surface, const layers::Workspace& ws, const MapScene& scene, const RenderOptions& o,
                   double scale, double w_pt, double h_pt, std::string* error) {
    ContextPtr cr(cairo_create(surface));
    cairo_scale(cr.get(), scale, scale);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const PageLayout page = layout_page(w_pt, h_pt, !o.marking.empty());
    const MapView view(o.bbox.value_or(default_extent(scene)), page.map);
    draw_scene(cr.get(), view, scene, page.unit, frame_furniture(view, page.unit));
    draw_frame(cr.get(), page, view, scene, frame_text(ws, scene, o), true_north_deg(ws.crs(), view.world().centre()));
    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
        *error = std::string("drawing failed: ") + cairo_status_to_string(cairo_status(cr.get()));
        return false;
    }
    return true;
}

bool render_page(const layers::Workspace& ws, const MapScene& scene, const RenderOptions& o, MapFormat format,
                 const std::string& path, std::string* error);

std::optional<MapFormat> map_format_for(const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    std::string ext = path.substr(dot + 1);
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "png") return MapFormat::Png;
    if (ext == "pdf") return MapFormat::Pdf;
    if (ext == "tif" || ext == "tiff") return MapFormat::GeoTiff;
    return std::nullopt;
}

std::optional<geo::Box> parse_bbox(const std::string& text, const geo::Crs& working, std::string* error) {
    std::vector<double> v;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        char* end = nullptr;
        const double d = std::strtod(part.c_str(), &end);
        if (end == part.c_str() || *end != '\0' || !std::isfinite(d)) break;
        v.push_back(d);
    }
    if (v.size() != 4 || !(v[0] < v[2]) || !(v[1] < v[3])) {
        *error = "--bbox '" + text + "': expected minx,miny,maxx,maxy with min < max (working CRS metres, or lon/lat degrees)";
        return std::nullopt;
    }
    const bool degrees = std::all_of(v.begin(), v.end(), [](double d) { return std::abs(d) <= 180; }) &&
                         std::abs(v[1]) <= 90 && std::abs(v[3]) <= 90;
    if (!degrees) return geo::Box{v[0], v[1], v[2], v[3]};
    geo::Transformer t(geo::Crs::wgs84(), working);
    geo::Box box;
    for (int i = 0; i <= 10; ++i)  // edges, densified: projected lon/lat boxes are not rectangles
        for (geo::XY p : {geo::XY{v[0] + (v[2] - v[0]) * i / 10, v[1]}, geo::XY{v[0] + (v[2] - v[0]) * i / 10, v[3]},
                          geo::XY{v[0], v[1] + (v[3] - v[1]) * i / 10}, geo::XY{v[2], v[1] + (v[3] - v[1]) * i / 10}}) {
            const geo::XY q = t.forward(p);
            if (std::isfinite(q.x)) box.expand(q);
        }
    if (box.empty()) {
        *error = "--bbox '" + text + "': cannot be projected to " + working.name();
        return std::nullopt;
    }
    return box;
}

bool render_map(const layers::Workspace& ws, const RenderOptions& o, const std::string& path, std::string* error) {
    const auto format = map_format_for(path);
    if (!format) {
        *error = path + ": unknown map format; use a .png, .pdf or .tif file name";
        return false;
    }
    if (o.width_px < 100 || o.height_px < 100 || o.width_px > 20000 || o.height_px > 20000 || !(o.dpi >= 10 && o.dpi <= 2400)) {
        *error = "map size must be 100–20000 pixels a side and the DPI 10–2400";
        return false;
    }
    const MapScene scene = build_scene(ws, o.time, o.coverage_as_of, o.reports ? &*o.reports : nullptr);
    RenderOptions fitted = o;
    const geo::Box extent = o.bbox.value_or(default_extent(scene));
    if (o.fit_orientation && (extent.height() > extent.width()) != (o.height_px > o.width_px))
        std::swap(fitted.width_px, fitted.height_px);
    return render_page(ws, scene, fitted, *format, path, error);
}

bool render_page(const layers::Workspace& ws, const MapScene& scene, const RenderOptions& o, MapFormat format,
                 const std::string& path, std::string* error) {
    const double scale = o.dpi / 72.0;  // device pixels per point
    const double w_pt = o.width_px / scale, h_pt = o.height_px / scale;
    return layers::produce_file_atomically(path, [&](const std::string& temp, std::string* why) {
        if (format == MapFormat::Pdf) {
            SurfacePtr pdf(cairo_pdf_surface_create(temp.c_str(), w_pt, h_pt));
            cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_TITLE, o.title.c_str());
            cairo_pdf_surface_set_metadata(pdf.get(), CAIRO_PDF_METADATA_CREATOR, "Tidemark 0.1.0");
            if (!draw_map_page(pdf.get(), ws, scene, o, 1.0, w_pt, h_pt, why)) return false;
            cairo_surface_finish(pdf.get());
            if (cairo_surface_status(pdf.get()) != CAIRO_STATUS_SUCCESS) {
                *why = std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(pdf.get()));
                return false;
            }
            return true;
        }
        SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, o.width_px, o.height_px));
        if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) {
            *why = "not enough memory for a " + std::to_string(o.width_px) + "×" + std::to_string(o.height_px) + " image";
            return false;
        }
        if (format == MapFormat::Png) {
            if (!draw_map_page(image.get(), ws, scene, o, scale, w_pt, h_pt, why)) return false;
            return write_png(image.get(), o.dpi, temp, why);
        }
        // GeoTIFF: the map alone fills the raster, so every pixel has a place on the ground.
        ContextPtr cr(cairo_create(image.get()));
        cairo_scale(cr.get(), scale, scale);
        const Rect whole{0, 0, w_pt, h_pt};
        const MapView view(o.bbox.value_or(default_extent(scene)), whole);
        draw_scene(cr.get(), view, scene, std::clamp(std::min(w_pt, h_pt) / 595.0, 0.4, 4.0));
        cr.reset();
        return write_geotiff(image.get(), view.world(), ws.crs(), temp, why);
    }, error);
}

}  // namespace tidemark::render
