#include "layers/tracks/track_gpx.h"
#include "layers/tracks/track_problem.h"

#include "geo/time.h"
#include "layers/io/gdal_handles.h"

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

namespace tidemark::layers {
namespace {

constexpr std::size_t kProblemsPerReason = 20;  // individual reports per reason; the rest are counted

std::optional<double> ogr_time(OGRFeature& f, int field) {
    if (field < 0 || !f.IsFieldSetAndNotNull(field)) return std::nullopt;
    int y, mo, d, h, mi, tz;
    float s;
    if (!f.GetFieldAsDateTime(field, &y, &mo, &d, &h, &mi, &s, &tz)) return std::nullopt;
    double t = static_cast<double>(geo::days_from_civil(y, mo, d)) * 86400.0 + h * 3600.0 + mi * 60.0 + s;
    if (tz > 1) t -= (tz - 100) * 15 * 60.0;  // OGR: 100 = UTC, each step 15 minutes
    return t;
}

}  // namespace

bool read_gpx_positions(const std::string& path, const geo::Transformer& to_working, std::vector<geo::PositionReport>& out,
                        geo::Problems& problems, std::string* error) {
    ensure_gdal_registered();
    const char* drivers[] = {"GPX", nullptr};
    DatasetPtr ds(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr)));
    if (!ds) {
        *error = path + ": not a readable GPX file (" + last_gdal_error("GDAL's GPX driver could not open it") + ")";
        return false;
    }
    std::map<long long, std::string> track_names;
    if (OGRLayer* tracks = ds->GetLayerByName("tracks")) {
        for (auto& f : *tracks) {
            const char* n = f->GetFieldAsString("name");
            track_names[f->GetFID()] = n && *n ? n : "";
        }
    }
    OGRLayer* pts = ds->GetLayerByName("track_points");
    if (!pts || pts->GetFeatureCount() == 0) {
        problems.push_back(track_problem(path, 0, "no track points (<trkpt>) found; expected a GPX track with timed points"));
        return true;
    }
    std::string stem = std::filesystem::path(path).stem().string();
    OGRFeatureDefn* defn = pts->GetLayerDefn();
    int f_time = defn->GetFieldIndex("time"), f_track = defn->GetFieldIndex("track_fid");
    int f_speed = defn->GetFieldIndex("speed"), f_course = defn->GetFieldIndex("course");
    std::size_t untimed = 0;
    for (auto& f : *pts) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
        auto t = ogr_time(*f, f_time);
        if (t && !geo::plausible_time(*t)) {
            problems.push_back(track_problem(path, 0, "track point <time> " + geo::format_iso8601(*t) + " refused; " +
                                                      geo::kPlausibleTimeText,
                                         geo::Problem::Severity::Warning, std::to_string(f->GetFID())));
            continue;
        }
        if (!t) {
            if (untimed++ < kProblemsPerReason)
                problems.push_back(track_problem(path, 0, "track point has no <time>; expected an ISO 8601 time",
                                             geo::Problem::Severity::Warning, std::to_string(f->GetFID())));
            continue;
        }
        const auto* pt = g->toPoint();
        geo::PositionReport rep;
        long long tfid = f_track >= 0 ? f->GetFieldAsInteger64(f_track) : 0;
        auto it = track_names.find(tfid);
        rep.vessel = it != track_names.end() && !it->second.empty() ? it->second : stem;
        rep.fix.t = *t;
        rep.fix.p = to_working.forward(geo::XY{pt->getX(), pt->getY()});
        if (!std::isfinite(rep.fix.p.x) || !std::isfinite(rep.fix.p.y)) continue;
        // GPX 1.0 <speed> is m/s and <course> degrees.
        if (f_speed >= 0 && f->IsFieldSetAndNotNull(f_speed)) rep.fix.speed_kn = f->GetFieldAsDouble(f_speed) * 3600.0 / 1852.0;
        if (f_course >= 0 && f->IsFieldSetAndNotNull(f_course)) rep.fix.course_deg = f->GetFieldAsDouble(f_course);
        out.push_back(std::move(rep));
    }
    if (untimed > kProblemsPerReason)
        problems.push_back(track_problem(path, 0, std::to_string(untimed) + " track points without <time> in all"));
    return true;
}

}  // namespace tidemark::layers
