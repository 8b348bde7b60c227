#include "layers/reports/density_raster.h"

#include "layers/io/gdal_handles.h"
#include "layers/io/temp_files.h"

#include <cpl_string.h>
#include <ogr_spatialref.h>

#include <filesystem>
#include <unistd.h>

namespace tidemark::layers {

bool write_density_geotiff(const std::string& path, const geo::DensityGrid& grid, const geo::Crs& crs,
                           std::string* error, const std::string& description) {
    ensure_gdal_registered();
    namespace fs = std::filesystem;
    if (grid.cols <= 0 || grid.rows <= 0) {
        *error = path + ": nothing to write (empty density grid: no reports?)";
        return false;
    }
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) {
        *error = "GDAL has no GTiff driver";
        return false;
    }
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.definition().c_str()) != OGRERR_NONE) {
        *error = path + ": cannot express CRS " + crs.name() + " for GDAL";
        return false;
    }
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    const std::string projection = wkt ? wkt : "";
    CPLFree(wkt);

    const fs::path target(path);
    remove_stale_temporaries(target);
    const fs::path temp = temporary_beside(target, target.extension().string());
    std::error_code ec;
    fs::remove(temp, ec);
    bool ok = true;
    {
        CPLStringList options;
        options.SetNameValue("COMPRESS", "DEFLATE");
        options.SetNameValue("PREDICTOR", "3");  // floating-point predictor
        options.SetNameValue("TILED", "YES");
        DatasetPtr ds(driver->Create(temp.c_str(), grid.cols, grid.rows, 1, GDT_Float32, options.List()));
        if (!ds) {
            *error = path + ": cannot create (" + last_gdal_error() + ")";
            return false;
        }
        double transform[6] = {grid.min_x, grid.cell_m, 0, grid.max_y, 0, -grid.cell_m};
        ds->SetGeoTransform(transform);
        ds->SetProjection(projection.c_str());
        GDALRasterBand* band = ds->GetRasterBand(1);
        band->SetDescription(description.c_str());
        band->SetUnitType("1/km2");
        std::vector<float> row(static_cast<std::size_t>(grid.cols));
        for (int r = 0; r < grid.rows && ok; ++r) {
            for (int c = 0; c < grid.cols; ++c) row[c] = static_cast<float>(grid.at(c, r));
            ok = band->RasterIO(GF_Write, 0, r, grid.cols, 1, row.data(), grid.cols, 1, GDT_Float32, 0, 0) == CE_None;
        }
        if (!ok) *error = path + ": cannot write raster rows (" + last_gdal_error() + ")";
        ds->SetMetadataItem("TIDEMARK_CONTENT", description.c_str());
    }  // closing the dataset flushes it
    if (ok) {
        fs::rename(temp, target, ec);
        if (ec) {
            ok = false;
            *error = path + ": cannot replace with the new file (" + ec.message() + ")";
        }
    }
    if (!ok) remove_own_temporaries(temp);
    return ok;
}

}  // namespace tidemark::layers
