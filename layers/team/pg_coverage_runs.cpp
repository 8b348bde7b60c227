#include "layers/team/pg_coverage_runs.h"

#include "geo/time.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace tidemark::layers::team {
namespace {

Value time_value(const std::optional<geo::UnixTime>& t) { return t ? Value(geo::format_iso8601(*t)) : Value{}; }

Layer run_layer(Feature row) {
    Layer l;
    l.name = kCoverageRunsTable;
    l.fields = coverage_runs_shape().fields;
    row.values.resize(l.fields.size());
    l.features().push_back(std::move(row));
    return l;
}

}  // namespace

TableShape coverage_runs_shape() {
    TableShape s;
    s.name = kCoverageRunsTable;
    s.fid_column = "fid";
    s.fields = {{"parameters", FieldType::String}, {"window_from", FieldType::DateTime}, {"window_to", FieldType::DateTime}};
    s.sharing = s.runs = true;
    return s;
}

bool stores_run(const ChangeSet& changes) {
    return std::any_of(changes.put.begin(), changes.put.end(), [](const Layer* l) { return holds_agency_runs(l->name); });
}

std::optional<Layer> run_parameters(PgConnection& conn, const ChangeSet& changes, std::string* error) {
    Layer stored;
    if (!read_table(conn, coverage_runs_shape(), stored, error)) return std::nullopt;
    Feature row;
    if (!stored.features().empty()) row.values = stored.features().front().values;
    row.values.resize(stored.fields.size());
    if (auto it = changes.settings.find(kCoverageSetting); it != changes.settings.end())
        row.values[0] = it->second ? Value(it->second->dump()) : Value{};
    if (changes.window_changed) {
        row.values[1] = time_value(changes.window_from);
        row.values[2] = time_value(changes.window_to);
    }
    return run_layer(std::move(row));
}

ChangeSet without_run_parameters(const ChangeSet& changes) {
    ChangeSet global = changes;
    global.settings.erase(kCoverageSetting);
    global.base.erase(setting_item(kCoverageSetting));
    if (global.window_changed) {
        global.window_changed = false;
        global.base.erase(kWindowItem);
    }
    return global;
}

void apply_run_parameters(StoredState& state, const Layer& run) {
    state.settings.erase(kCoverageSetting);
    if (run.features().empty()) return;
    const Feature& row = run.features().front();
    const nlohmann::json parameters = nlohmann::json::parse(to_string(row.values.at(0)), nullptr, /*allow_exceptions=*/false);
    if (parameters.is_object()) state.settings[kCoverageSetting] = parameters;
    state.window_from = geo::parse_iso8601(to_string(row.values.at(1)));
    state.window_to = geo::parse_iso8601(to_string(row.values.at(2)));
}

std::optional<Layer> take_run_parameters(StoredState& state) {
    if (!state.settings.contains(kCoverageSetting)) return std::nullopt;
    Feature row;
    row.values = {Value(state.settings[kCoverageSetting].dump()), time_value(state.window_from), time_value(state.window_to)};
    state.settings.erase(kCoverageSetting);
    return run_layer(std::move(row));
}

}  // namespace tidemark::layers::team
