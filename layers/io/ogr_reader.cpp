#include "layers/io/ogr_reader.h"
#include "layers/io/ogr_dataset_reader.h"

#include "geo/time.h"
#include "geo/validity.h"
#include "layers/io/gdal_handles.h"
#include "layers/io/ogr_geometry.h"

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <cstdio>
#include <filesystem>

namespace tidemark::layers {
namespace {

bool has_extension(const std::string& path, std::initializer_list<const char*> exts) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* e : exts)
        if (ext == e) return true;
    return false;
}

// CSV: find geometry in WKT or lon/lat columns under their common names.
std::vector<std::string> default_open_options(const std::string& path) {
    if (!has_extension(path, {".csv", ".tsv", ".txt"})) return {};
    return {"X_POSSIBLE_NAMES=lon,longitude,long,lng,x,easting",
            "Y_POSSIBLE_NAMES=lat,latitude,y,northing",
            "GEOM_POSSIBLE_NAMES=wkt,geom,geometry,the_geom",
            "KEEP_GEOM_COLUMNS=NO",
            "AUTODETECT_TYPE=YES"};
}

FieldType field_type(OGRFieldType t) {
    switch (t) {
        case OFTInteger:
        case OFTInteger64: return FieldType::Integer;
        case OFTReal: return FieldType::Real;
        case OFTDate:
        case OFTDateTime: return FieldType::DateTime;
        default: return FieldType::String;
    }
}

std::string iso_from_ogr(OGRFeature& f, int i) {
    int y, m, d, hh, mm, tz;
    float ss;
    if (!f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz)) return {};
    double t = geo::days_from_civil(y, m, d) * 86400.0 + hh * 3600.0 + mm * 60.0 + ss;
    // OGR's tz flag: 100 = UTC, 100 + n = UTC + n*15 min; 0/1 = unknown/local, taken as UTC.
    if (tz > 1) t -= (tz - 100) * 15 * 60.0;
    return geo::format_iso8601(t);
}

Value read_value(OGRFeature& f, int i, FieldType type, bool utf8, bool* recoded) {
    if (!f.IsFieldSetAndNotNull(i)) return {};
    switch (type) {
        case FieldType::Integer: return static_cast<std::int64_t>(f.GetFieldAsInteger64(i));
        case FieldType::Real: return f.GetFieldAsDouble(i);
        case FieldType::DateTime: return iso_from_ogr(f, i);
        case FieldType::String: break;
    }
    std::string s = f.GetFieldAsString(i);
    if (!utf8 && !CPLIsUTF8(s.c_str(), -1)) {
        char* r = CPLRecode(s.c_str(), CPL_ENC_ISO8859_1, CPL_ENC_UTF8);
        s = r;
        CPLFree(r);
        *recoded = true;
    }
    return s;
}

std::optional<geo::Crs> crs_of(const OGRSpatialReference* srs) {
    if (!srs) return std::nullopt;
    const char* auth = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (auth && code) {
        if (auto crs = geo::Crs::parse(std::string(auth) + ":" + code)) return crs;
    }
    char* wkt = nullptr;
    const char* wkt_options[] = {"FORMAT=WKT2_2019", nullptr};
    srs->exportToWkt(&wkt, wkt_options);
    std::optional<geo::Crs> crs = wkt ? geo::Crs::parse(wkt) : std::nullopt;
    CPLFree(wkt);
    return crs;
}

bool fits_lonlat(const OGREnvelope& e) {
    return e.MinX >= -180.0 && e.MaxX <= 180.0 && e.MinY >= -90.0 && e.MaxY <= 90.0;
}

geo::Problem problem(geo::Problem::Severity sev, const std::string& path, const std::string& layer,
                     const std::string& feature, std::string reason) {
    geo::Problem p;
    p.severity = sev;
    p.source = path;
    p.layer = layer;
    p.feature = feature;
    p.reason = std::move(reason);
    return p;
}

bool all_finite(const Geometry& g) {
    auto ok = [](XY p) { return std::isfinite(p.x) && std::isfinite(p.y); };
    for (XY p : g.points) if (!ok(p)) return false;
    for (const auto& l : g.lines) for (XY p : l) if (!ok(p)) return false;
    for (const auto& poly : g.polygons) {
        for (XY p : poly.outer) if (!ok(p)) return false;
        for (const auto& h : poly.holes) for (XY p : h) if (!ok(p)) return false;
    }
    return true;
}

// The first vertex too far out to be on the Earth (see geo::plausible_projected): one such
// vertex would make coverage size its grids and segment lists from it and run out of memory.
std::optional<XY> first_implausible(const Geometry& g) {
    for (XY p : g.points) if (!geo::plausible_projected(p)) return p;
    for (const auto& l : g.lines) for (XY p : l) if (!geo::plausible_projected(p)) return p;
    for (const auto& poly : g.polygons) {
        for (XY p : poly.outer) if (!geo::plausible_projected(p)) return p;
        for (const auto& h : poly.holes) for (XY p : h) if (!geo::plausible_projected(p)) return p;
    }
    return std::nullopt;
}

}  // namespace

ReadResult read_vector(const std::string& path, const ReadOptions& options) {
    ensure_gdal_registered();
    ReadResult result;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && path.find(':') == std::string::npos) {
        // ec is set when the path cannot be followed at all: a symlink loop, a folder without
        // permission. Only a clean "does not exist" is "no such file".
        result.error = path + (ec && ec != std::errc::no_such_file_or_directory ? ": cannot be opened (" + ec.message() + ")"
                                                                                  : std::string(": no such file"));
        return result;
    }
    std::vector<std::string> opts = default_open_options(path);
    opts.insert(opts.end(), options.open_options.begin(), options.open_options.end());
    CPLStringList open_options;
    for (const auto& o : opts) open_options.AddString(o.c_str());
    CPLErrorReset();
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.List(), nullptr)));
    if (!ds) {
        result.error = path + ": cannot read as a vector data source (" + last_gdal_error("format not recognised") +
                       "); expected a file GDAL reads, e.g. GeoPackage, Shapefile, GeoJSON, KML, GML, "
                       "FlatGeobuf, or CSV with WKT or lon/lat columns";
        return result;
    }
    return read_dataset(*ds, path, options);
}

ReadResult read_dataset(GDALDataset& dataset, const std::string& path, const ReadOptions& options) {
    ReadResult result;
    result.driver = dataset.GetDriver() ? dataset.GetDriver()->GetDescription() : "";
    using Sev = geo::Problem::Severity;

    // Left-out features are counted per layer too: a save may rewrite the other layers.
    std::string counted_layer;
    std::size_t left_out_before = 0;
    auto settle_left_out = [&] {
        if (!counted_layer.empty() && result.features_left_out > left_out_before)
            result.left_out_by_layer[counted_layer] += result.features_left_out - left_out_before;
    };
    for (OGRLayer* ogr_layer : dataset.GetLayers()) {
        settle_left_out();
        const std::string lname = ogr_layer->GetName();
        counted_layer = lname;
        left_out_before = result.features_left_out;
        if (!options.only_layer.empty() && lname != options.only_layer) continue;
        if (lname.rfind("gpkg_", 0) == 0 || lname.rfind("rtree_", 0) == 0) continue;

        std::optional<geo::Crs> source_crs = crs_of(ogr_layer->GetSpatialRef());
        std::string source_crs_name = source_crs ? source_crs->name() : "(none)";
        const bool has_geometry_column = ogr_layer->GetGeomType() != wkbNone;
        if (!source_crs && has_geometry_column) {
            OGREnvelope env;
            if (ogr_layer->GetExtent(&env, TRUE) == OGRERR_NONE && fits_lonlat(env)) {
                source_crs = geo::Crs::wgs84();
                source_crs_name = "(none; assumed WGS 84)";
                // CSV has no way to declare a CRS; lon/lat columns are WGS 84 by convention.
                result.problems.push_back(problem(result.driver == "CSV" ? Sev::Info : Sev::Warning, path, lname, "",
                    "no CRS declared; coordinates fit longitude/latitude, so WGS 84 (EPSG:4326) is assumed"));
            } else if (ogr_layer->GetFeatureCount() > 0) {
                result.problems.push_back(problem(Sev::Error, path, lname, "",
                    "no CRS declared and coordinates are not longitude/latitude: layer skipped; "
                    "add a .prj file or declare the CRS in the source"));
                result.features_left_out += static_cast<std::size_t>(ogr_layer->GetFeatureCount());
                continue;
            }
        }
        std::optional<geo::Transformer> to_working;
        if (source_crs) {
            try {
                to_working.emplace(*source_crs, options.working_crs);
            } catch (const std::exception& e) {
                result.problems.push_back(problem(Sev::Error, path, lname, "", std::string(e.what()) + ": layer skipped"));
                result.features_left_out += static_cast<std::size_t>(std::max<GIntBig>(0, ogr_layer->GetFeatureCount()));
                continue;
            }
        }

        Layer layer;
        layer.name = lname;
        layer.role = options.role.value_or(LayerRole::Generic);
        layer.source = path;
        OGRFeatureDefn* defn = ogr_layer->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i)
            layer.fields.push_back({defn->GetFieldDefn(i)->GetNameRef(), field_type(defn->GetFieldDefn(i)->GetType())});
        const bool utf8 = ogr_layer->TestCapability(OLCStringsAsUTF8);
        // Problems name the feature by id and, when there is one, by its name ("12 (Kent)").
        int label_field = -1;
        for (int i = 0; i < defn->GetFieldCount() && label_field < 0; ++i) {
            std::string n = defn->GetFieldDefn(i)->GetNameRef();
            for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (defn->GetFieldDefn(i)->GetType() == OFTString &&
                (n == "name" || (n.size() > 4 && n.compare(n.size() - 4, 4, "name") == 0) ||
                 (n.size() > 2 && n.compare(n.size() - 2, 2, "nm") == 0)))
                label_field = i;
        }
        bool reported_encoding = false;
        std::size_t no_geometry = 0;
        GIntBig seen = 0;  // features GDAL handed over, kept or not

        ogr_layer->ResetReading();
        CPLErrorReset();
        // A lazily opened workspace reads the schema now and the rows later (Layer::features).
        while (OGRFeature* raw = options.schema_only ? nullptr : ogr_layer->GetNextFeature()) {
            std::unique_ptr<OGRFeature, decltype(&OGRFeature::DestroyFeature)> f(raw, &OGRFeature::DestroyFeature);
            ++seen;
            Feature feature;
            feature.fid = f->GetFID();
            std::string fid = std::to_string(feature.fid);
            if (label_field >= 0 && f->IsFieldSetAndNotNull(label_field))
                fid += std::string(" (") + f->GetFieldAsString(label_field) + ")";
            if (CPLGetLastErrorType() >= CE_Failure) {
                // GDAL hands over the row with no geometry when its blob does not parse
                // ("Unable to read geometry"): a damaged row, not an attribute-only one.
                const char* column = ogr_layer->GetGeometryColumn();
                result.problems.push_back(problem(Sev::Error, path, lname, fid,
                    std::string("field ") + (column && *column ? column : "geometry") + ": " + last_gdal_error() +
                    "; the stored geometry cannot be parsed: feature left out"));
                ++result.features_left_out;
                CPLErrorReset();
                continue;
            }
            feature.values.reserve(layer.fields.size());
            bool recoded = false;
            for (int i = 0; i < static_cast<int>(layer.fields.size()); ++i)
                feature.values.push_back(read_value(*f, i, layer.fields[i].type, utf8, &recoded));
            if (recoded && !reported_encoding) {
                reported_encoding = true;
                result.problems.push_back(problem(Sev::Warning, path, lname, fid,
                    "text is not UTF-8 and no encoding is declared: read as Latin-1 (ISO 8859-1); "
                    "add a .cpg file naming the encoding if that is wrong"));
            }

            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) {
                if (has_geometry_column) ++no_geometry;
                layer.features().push_back(std::move(feature));
                continue;
            }
            std::string dropped;
            feature.geometry = from_ogr(*g, &dropped);
            if (!dropped.empty())
                result.problems.push_back(problem(Sev::Warning, path, lname, fid, dropped));
            if (feature.geometry.empty()) {
                result.problems.push_back(problem(Sev::Warning, path, lname, fid, "empty geometry: feature skipped"));
                ++result.features_left_out;
                continue;
            }
            if (options.validate_polygons) {
                for (std::size_t k = 0; k < feature.geometry.polygons.size(); ++k) {
                    if (auto why = geo::invalid_reason(feature.geometry.polygons[k])) {
                        std::string part = feature.geometry.polygons.size() > 1 ? " (part " + std::to_string(k + 1) + ")" : "";
                        result.problems.push_back(problem(Sev::Warning, path, lname, fid,
                            "invalid polygon" + part + ": " + *why + " (in source coordinates); kept as read"));
                    }
                }
            }
            if (to_working) to_working->forward(feature.geometry);
            if (!all_finite(feature.geometry)) {
                result.problems.push_back(problem(Sev::Error, path, lname, fid,
                    "coordinates cannot be transformed from " + source_crs_name + " to " +
                    options.working_crs.name() + " (outside the CRS's area?): feature skipped"));
                ++result.features_left_out;
                continue;
            }
            if (auto far = first_implausible(feature.geometry)) {
                char where[96];
                std::snprintf(where, sizeof where, "(%.6g, %.6g)", far->x, far->y);
                result.problems.push_back(problem(Sev::Error, path, lname, fid,
                    std::string("a vertex at ") + where + " in " + options.working_crs.name() +
                    " is not on the Earth (" + geo::kPlausibleProjectedText + "): feature skipped"));
                ++result.features_left_out;
                continue;
            }
            layer.features().push_back(std::move(feature));
        }
        if (CPLGetLastErrorType() >= CE_Failure) {
            result.problems.push_back(problem(Sev::Error, path, lname, "",
                "reading stopped early: " + last_gdal_error() + "; the features before it are kept"));
            result.features_left_out += static_cast<std::size_t>(std::max<GIntBig>(1, ogr_layer->GetFeatureCount() - seen));
        }
        if (no_geometry > 0)
            result.problems.push_back(problem(Sev::Warning, path, lname, "",
                std::to_string(no_geometry) + " feature(s) have no geometry; kept as attribute rows"));
        // The declared type, so that an empty layer is written back with it (and hashes as the
        // code that made it, which sets it, e.g. the plan tables).
        switch (wkbFlatten(ogr_layer->GetGeomType())) {
            case wkbPoint: case wkbMultiPoint: layer.empty_kind = geo::GeometryKind::Point; break;
            case wkbLineString: case wkbMultiLineString: layer.empty_kind = geo::GeometryKind::Line; break;
            case wkbPolygon: case wkbMultiPolygon: layer.empty_kind = geo::GeometryKind::Polygon; break;
            default: break;
        }

        LayerSummary summary;
        summary.name = lname;
        summary.geometry_type = OGRGeometryTypeToName(ogr_layer->GetGeomType());
        if (wkbFlatten(ogr_layer->GetGeomType()) == wkbUnknown) {
            // GeoJSON and friends declare no type; say what was actually found.
            static const char* kinds[] = {"None", "Points", "Lines", "Polygons"};
            summary.geometry_type = std::string(kinds[static_cast<int>(layer.geometry_kind())]) + " (single and multi)";
        }
        summary.source_crs = source_crs_name;
        summary.features = options.schema_only ? static_cast<std::size_t>(std::max<GIntBig>(0, ogr_layer->GetFeatureCount()))
                                               : layer.features().size();
        Box working = layer.extent();
        if (!working.empty()) {
            geo::Transformer back(options.working_crs, geo::Crs::wgs84());
            XY corners[4] = {{working.min_x, working.min_y}, {working.max_x, working.min_y},
                             {working.min_x, working.max_y}, {working.max_x, working.max_y}};
            back.forward(corners, 4);
            for (XY c : corners) summary.lonlat_extent.expand(c);
        }
        result.summaries.push_back(summary);
        result.layers.push_back(std::move(layer));
    }
    settle_left_out();
    if (!options.only_layer.empty() && result.layers.empty()) {
        result.error = path + ": no layer named '" + options.only_layer + "'";
        return result;
    }
    result.ok = true;
    return result;
}

std::optional<Box> lonlat_extent(const std::string& path) {
    ensure_gdal_registered();
    CPLStringList open_options;
    for (const auto& o : default_open_options(path)) open_options.AddString(o.c_str());
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.List(), nullptr)));
    if (!ds) return std::nullopt;
    Box out;
    for (OGRLayer* l : ds->GetLayers()) {
        OGREnvelope env;
        if (l->GetExtent(&env, TRUE) != OGRERR_NONE) continue;
        std::optional<geo::Crs> crs = crs_of(l->GetSpatialRef());
        if (!crs && fits_lonlat(env)) crs = geo::Crs::wgs84();
        if (!crs) continue;
        std::optional<geo::Transformer> to_lonlat;
        try {
            to_lonlat.emplace(*crs, geo::Crs::wgs84());
        } catch (const std::exception&) {
            continue;  // a local CRS has no place on the Earth; read_vector names the problem
        }
        geo::Transformer& t = *to_lonlat;
        XY corners[4] = {{env.MinX, env.MinY}, {env.MaxX, env.MinY}, {env.MinX, env.MaxY}, {env.MaxX, env.MaxY}};
        t.forward(corners, 4);
        for (XY c : corners)
            if (std::isfinite(c.x)) out.expand(c);
    }
    if (out.empty()) return std::nullopt;
    return out;
}

}  // namespace tidemark::layers
