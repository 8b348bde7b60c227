#include "layers/store/lazy_rows.h"

#include "layers/store/gpkg_store.h"
#include "layers/store/layer_hash.h"

#include <algorithm>

namespace tidemark::layers {

LazyRows::LazyRows(std::shared_ptr<WorkspaceStore> store, geo::Crs crs, std::string identity,
                   std::map<std::string, std::size_t> declared)
    : store_(std::move(store)), crs_(std::move(crs)), identity_(std::move(identity)), declared_(std::move(declared)) {}

RowSource::Rows LazyRows::read_rows(const std::string& layer) {
    std::lock_guard lock(mutex_);
    const std::size_t problems_before = report_.problems.size();
    std::size_t left_out = 0;
    ReadOptions options;
    options.working_crs = crs_;
    options.only_layer = layer;
    options.validate_polygons = false;  // validated on import
    ReadResult read = store_->read_layers(options);
    Rows rows;
    auto problem = [&](geo::Problem::Severity severity, std::string reason) {
        report_.problems.push_back({severity, store_->location(), layer, "", 0, std::move(reason)});
    };
    if (!read.ok || read.layers.empty()) {
        const std::size_t declared = declared_.count(layer) ? declared_.at(layer) : 0;
        left_out = std::max<std::size_t>(1, declared);
        report_.left_out_by_layer[layer] += left_out;
        problem(geo::Problem::Severity::Error,
                "the layer's rows could not be read (" + (read.error.empty() ? "the layer is gone" : read.error) +
                    "): it is held empty and saving it here is refused; open the workspace again");
    } else {
        rows.features = std::move(read.layers.front().features());
        report_.problems.insert(report_.problems.end(), read.problems.begin(), read.problems.end());
        for (const auto& [name, count] : read.left_out_by_layer) report_.left_out_by_layer[name] += count;
        left_out = read.features_left_out;
        // Only a GeoPackage reads its rows later (reads_schema_first): its identity is its file's.
        if (file_identity(store_->location()) != identity_)
            problem(geo::Problem::Severity::Warning,
                    "read from the file as it is now, which another program replaced since the workspace was "
                    "opened: open it again before saving (a save here is refused)");
    }
    rows.hash = rows_hash(rows.features);
    if (reporter_ && report_.problems.size() > problems_before)
        reporter_(geo::Problems(report_.problems.begin() + static_cast<std::ptrdiff_t>(problems_before), report_.problems.end()),
                  left_out);
    return rows;
}

void LazyRows::report_to(Reporter reporter) {
    std::lock_guard lock(mutex_);
    reporter_ = std::move(reporter);
}

LazyRows::Report LazyRows::report() const {
    std::lock_guard lock(mutex_);
    return report_;
}

}  // namespace tidemark::layers
