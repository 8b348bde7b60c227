// Project Kraken reports: what the maritime community tells the police and Border Force
// (see docs/reports.md). Read from CSV, GeoJSON, GeoPackage or KML; every bad row becomes a
// problem naming its line and what was expected, while the good rows load.
#pragma once

#include "geo/crs.h"
#include "geo/geometry.h"
#include "geo/problem.h"
#include "geo/time.h"

#include <cstddef>
#include <string>
#include <vector>

namespace tidemark::geo {
struct WeightedEvent;  // geo/observation.h (coverage engine): { XY p; UnixTime t; double weight; }
}

namespace tidemark::layers {

class Workspace;
class Layer;

struct Report {
    std::string report_id;
    geo::UnixTime reported_at = 0, observed_at = 0;  // UTC
    geo::XY position;                                 // working CRS
    std::string category, description, source;        // category/source: canonical names (report_categories())
    std::string reporter, reporter_contact;           // who reported, how to reach them ("" unknown): personal data
    int source_evaluation = 0;  // 1..3, 0 unknown (3x5x2 grading, geo/report_grading.h)
    char assessment = 0;        // 'A'..'E', 0 unknown
    char handling = 0;          // 'P' or 'C', 0 unknown
    bool possible_duplicate = false;  // same category within 200 m and 30 min of an earlier report
    bool synthetic = false;           // generated demo data: label it wherever shown
    long line = 0;                    // 1-based line in a text source, 0 otherwise
    std::string file;                 // where it was read from
    std::string duplicate_of;         // report_id of the earlier report when possible_duplicate
};

struct ReportReadResult {
    std::vector<Report> reports;
    geo::Problems problems;
    std::size_t rejected = 0;  // rows not loaded (each has an Error problem)
    bool ok = false;           // false when the file could not be read at all
    std::string error;
};

// The enumerated categories and sources, in the canonical spelling stored in Report.
const std::vector<std::string>& report_categories();
const std::vector<std::string>& report_sources();

// Reads one file ("file.gpkg:layer" for one layer of a multi-layer file). `columns` maps canonical fields onto other column names:
// "report_id=Ref,observed_at=When,grid_ref=Location" (canonical names in docs/reports.md).
// How a time without a UTC offset ("2026-07-01 22:40") is read: as UTC, with one warning per
// file saying how many there were; or as a UK clock reading (GMT in winter, BST in summer),
// as a member of the public reporting in the UK most likely gave it.
enum class UnzonedTimes { Utc, UkClock };
ReportReadResult read_reports(const std::string& path, const geo::Crs& working, const std::string& columns = {},
                              UnzonedTimes unzoned = UnzonedTimes::Utc);

// Limits for "far inland" / "far offshore" rejection (metres from the coastline). 15 km inland
// because the OSM coastline closes estuaries at their mouths: Gravesend on the tidal Thames is
// ~10 km "inland" of it. The checks catch swapped lat/lon and wrong grid letters (tens to
// hundreds of km out), not a report from a river hard.
struct CoastLimits {
    double max_inland_m = 15000;
    double max_offshore_m = 60000;
};
// Moves reports too far inland or offshore of `coast` (land polygons; lines only give
// "far from the coast") from result.reports into rejected, with a problem each.
void reject_far_from_coast(ReportReadResult& result, const Layer& coast, const CoastLimits& limits = {});

// Flags possible duplicates: same category, within 200 m and 30 min (observed_at) of an
// earlier report (by observed_at, then input order). Never removes anything; adds an Info
// problem per flagged report when `problems` is given.
void flag_duplicates(std::vector<Report>& reports, geo::Problems* problems = nullptr,
                     double max_distance_m = 200, double max_dt_s = 1800);

// Workspace layer `reports` (role Reports): layers/reports/report_store.cpp.
inline constexpr const char* kReportsLayer = "reports";
void store_reports(Workspace& ws, const std::vector<Report>& reports);
std::vector<Report> load_reports(const Workspace& ws);

// One event per report at its position and observed_at, weight = grading x recency
// (geo/report_grading.h: grading_weight(source_evaluation, assessment) *
// recency_weight(observed_at, now), half-life 7 days). Reports flagged as possible
// duplicates are left out so a repeated sighting is counted once.
std::vector<geo::WeightedEvent> report_events(const std::vector<Report>& reports, geo::UnixTime now);

}  // namespace tidemark::layers
