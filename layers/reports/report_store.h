// The workspace's `reports` layer (role Reports): one point per report in the working CRS.
// The functions are declared in layers/reports/reports.h (store_reports, load_reports); this header
// names the stored columns for code that reads the layer directly (styles, coverage, GUI).
#pragma once

namespace tidemark::layers::report_columns {

inline constexpr const char* kId = "report_id";
inline constexpr const char* kReportedAt = "reported_at";    // DateTime, UTC
inline constexpr const char* kObservedAt = "observed_at";    // DateTime, UTC
inline constexpr const char* kCategory = "category";
inline constexpr const char* kDescription = "description";
inline constexpr const char* kSource = "source";
// Personal data: on a team workspace only the owning agency reads them (layers/team/pg_reporters.h).
inline constexpr const char* kReporter = "reporter";
inline constexpr const char* kReporterContact = "reporter_contact";
inline constexpr const char* kSourceEvaluation = "source_evaluation";  // Integer 1..3, null unknown
inline constexpr const char* kAssessment = "assessment";     // "A".."E", null unknown
inline constexpr const char* kHandling = "handling";         // "P"/"C", null unknown
inline constexpr const char* kGrading = "grading";           // "1/A/P" for people
inline constexpr const char* kWeight = "grading_weight";     // geo::grading_weight
inline constexpr const char* kPossibleDuplicate = "possible_duplicate";  // Integer 0/1
inline constexpr const char* kDuplicateOf = "duplicate_of";
inline constexpr const char* kSynthetic = "synthetic";       // Integer 0/1
inline constexpr const char* kFile = "file";
inline constexpr const char* kLine = "line";

}  // namespace tidemark::layers::report_columns
