#include "layers/reports/report_store.h"

#include "geo/report_grading.h"
#include "layers/reports/reports.h"
#include "layers/workspace.h"

namespace tidemark::layers {

namespace col = report_columns;

void store_reports(Workspace& ws, const std::vector<Report>& reports) {
    Layer layer;
    layer.name = kReportsLayer;
    layer.role = LayerRole::Reports;
    layer.source = "tidemark reports import";
    layer.fields = {{col::kId, FieldType::String},          {col::kReportedAt, FieldType::DateTime},
                    {col::kObservedAt, FieldType::DateTime}, {col::kCategory, FieldType::String},
                    {col::kDescription, FieldType::String}, {col::kSource, FieldType::String},
                    {col::kSourceEvaluation, FieldType::Integer}, {col::kAssessment, FieldType::String},
                    {col::kHandling, FieldType::String},    {col::kGrading, FieldType::String},
                    {col::kWeight, FieldType::Real},        {col::kPossibleDuplicate, FieldType::Integer},
                    {col::kDuplicateOf, FieldType::String}, {col::kSynthetic, FieldType::Integer},
                    {col::kFile, FieldType::String},        {col::kLine, FieldType::Integer},
                    {col::kReporter, FieldType::String},    {col::kReporterContact, FieldType::String}};
    std::int64_t fid = 1;
    for (const Report& r : reports) {
        Feature f;
        f.fid = fid++;
        f.geometry.kind = geo::GeometryKind::Point;
        f.geometry.points = {r.position};
        auto text_or_null = [](char c) -> Value { return c ? Value(std::string(1, c)) : Value(); };
        f.values = {r.report_id,
                    geo::format_iso8601(r.reported_at),
                    geo::format_iso8601(r.observed_at),
                    r.category,
                    r.description,
                    r.source,
                    r.source_evaluation ? Value(std::int64_t{r.source_evaluation}) : Value(),
                    text_or_null(r.assessment),
                    text_or_null(r.handling),
                    geo::format_grading({r.source_evaluation, r.assessment, r.handling}),
                    geo::grading_weight(r.source_evaluation, r.assessment),
                    std::int64_t{r.possible_duplicate},
                    r.duplicate_of.empty() ? Value() : Value(r.duplicate_of),
                    std::int64_t{r.synthetic},
                    r.file,
                    std::int64_t{r.line},
                    r.reporter.empty() ? Value() : Value(r.reporter),
                    r.reporter_contact.empty() ? Value() : Value(r.reporter_contact)};
        layer.features().push_back(std::move(f));
    }
    ws.put(std::move(layer));
}

std::vector<Report> load_reports(const Workspace& ws) {
    std::vector<Report> out;
    const Layer* layer = ws.find(kReportsLayer);
    if (!layer) layer = ws.find_role(LayerRole::Reports);
    if (!layer) return out;
    auto text = [&](const Feature& f, const char* name) { return to_string(layer->value(f, name)); };
    auto integer = [&](const Feature& f, const char* name) {
        auto n = to_number(layer->value(f, name));
        return n ? static_cast<long>(*n) : 0L;
    };
    for (const Feature& f : layer->features()) {
        if (f.geometry.points.empty()) continue;
        Report r;
        r.report_id = text(f, col::kId);
        r.reported_at = geo::parse_iso8601(text(f, col::kReportedAt)).value_or(0);
        r.observed_at = geo::parse_iso8601(text(f, col::kObservedAt)).value_or(r.reported_at);
        r.position = f.geometry.points[0];
        r.category = text(f, col::kCategory);
        r.description = text(f, col::kDescription);
        r.source = text(f, col::kSource);
        r.source_evaluation = static_cast<int>(integer(f, col::kSourceEvaluation));
        const std::string a = text(f, col::kAssessment), h = text(f, col::kHandling);
        r.assessment = a.size() == 1 ? a[0] : 0;
        r.handling = h.size() == 1 ? h[0] : 0;
        r.possible_duplicate = integer(f, col::kPossibleDuplicate) != 0;
        r.duplicate_of = text(f, col::kDuplicateOf);
        r.synthetic = integer(f, col::kSynthetic) != 0;
        r.file = text(f, col::kFile);
        r.line = integer(f, col::kLine);
        r.reporter = text(f, col::kReporter);
        r.reporter_contact = text(f, col::kReporterContact);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace tidemark::layers
