#include "layers/store/gpkg_store.h"

#include "layers/io/gdal_handles.h"
#include "layers/io/ogr_dataset_reader.h"
#include "layers/store/gpkg_settings.h"
#include "layers/store/store_messages.h"
#include "layers/io/ogr_writer.h"
#include "layers/io/temp_files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace tidemark::layers {
namespace {

// How long a save waits for another process's save to finish (SQLite busy timeout), and how
// often it starts again when another save committed between its opening and its locking the file.
constexpr const char* kBusyTimeout = "PRAGMA busy_timeout = 60000";
constexpr int kMaxAttempts = 50;

DatasetPtr open_gpkg(const std::string& path, bool update) {
    ensure_gdal_registered();
    static const char* const gpkg_only[] = {"GPKG", nullptr};
    return DatasetPtr(static_cast<GDALDataset*>(GDALOpenEx(
        path.c_str(), GDAL_OF_VECTOR | (update ? GDAL_OF_UPDATE : GDAL_OF_READONLY), gpkg_only, nullptr, nullptr)));
}

bool run_sql(GDALDataset& ds, const std::string& sql, std::string* why) {
    CPLErrorReset();
    if (OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) ds.ReleaseResultSet(result);
    if (CPLGetLastErrorType() < CE_Failure) return true;
    *why = last_gdal_error();
    return false;
}

struct Row {
    GIntBig fid = 0;
    std::string value;
};
using RowIndex = std::map<std::string, Row>;

// Reads every settings row and finalises the cursor, so that no read lock is held afterwards
// (a read lock held into the write transaction could deadlock against another saver).
RowIndex read_rows(OGRLayer& table) {
    RowIndex rows;
    const int key = table.GetLayerDefn()->GetFieldIndex("key");
    const int value = table.GetLayerDefn()->GetFieldIndex("value");
    if (key < 0 || value < 0) return rows;
    table.SetAttributeFilter(nullptr);
    table.ResetReading();
    for (auto& f : table) rows[f->GetFieldAsString(key)] = {f->GetFID(), f->GetFieldAsString(value)};
    table.ResetReading();
    return rows;
}

SettingsRows values(const RowIndex& rows) {
    SettingsRows out;
    for (const auto& [key, row] : rows) out[key] = row.value;
    return out;
}

// Updates, adds and deletes rows so that the table holds `after`.
bool write_rows(OGRLayer& table, const RowIndex& before, const SettingsRows& after, std::string* why) {
    OGRFeatureDefn* defn = table.GetLayerDefn();
    const int key = defn->GetFieldIndex("key");
    const int value = defn->GetFieldIndex("value");
    for (const auto& [k, text] : after) {
        auto it = before.find(k);
        OGRErr err = OGRERR_NONE;
        if (it == before.end()) {
            OGRFeature f(defn);
            f.SetField(key, k.c_str());
            f.SetField(value, text.c_str());
            err = table.CreateFeature(&f);
        } else if (it->second.value != text) {
            OGRFeatureUniquePtr f(table.GetFeature(it->second.fid));
            if (!f)
                err = OGRERR_FAILURE;
            else {
                f->SetField(value, text.c_str());
                err = table.SetFeature(f.get());
            }
        }
        if (err != OGRERR_NONE) {
            *why = "cannot write setting '" + k + "': " + last_gdal_error();
            return false;
        }
    }
    for (const auto& [k, row] : before)
        if (!after.count(k) && table.DeleteFeature(row.fid) != OGRERR_NONE) {
            *why = "cannot delete setting '" + k + "': " + last_gdal_error();
            return false;
        }
    return true;
}

bool delete_layer(GDALDataset& ds, const std::string& name, std::string* why) {
    for (int i = 0; i < ds.GetLayerCount(); ++i)
        if (EQUAL(ds.GetLayer(i)->GetName(), name.c_str())) {
            if (ds.DeleteLayer(i) == OGRERR_NONE) return true;
            *why = "cannot delete layer '" + name + "': " + last_gdal_error();
            return false;
        }
    return true;
}

// The settings table in a complete new file, rows in a readable order.
Layer settings_table(const SettingsRows& rows) {
    Layer t;
    t.name = kSettingsTable;
    t.role = LayerRole::Table;
    t.fields = {{"key", FieldType::String}, {"value", FieldType::String}};
    auto add = [&](const std::string& k, const std::string& v) {
        Feature f;
        f.values = {k, v};
        t.features().push_back(std::move(f));
    };
    const char* first[] = {"format", "crs", "window_from", "window_to", "layers", "settings"};
    for (const char* k : first)
        if (auto it = rows.find(k); it != rows.end()) add(k, it->second);
    for (const auto& [k, v] : rows)
        if (std::find(std::begin(first), std::end(first), k) == std::end(first)) add(k, v);
    return t;
}

}  // namespace

std::string file_stamp(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return file_identity(path) + ":" + std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
}

std::string file_identity(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return {};
    return std::to_string(st.st_dev) + ":" + std::to_string(st.st_ino);
}

std::optional<StoredState> GpkgStore::read_state(std::string* error) {
    std::error_code ec;
    if (!std::filesystem::exists(path_, ec)) {
        // A symlink loop or a folder we may not read is not a missing file: say which.
        if (ec && ec != std::errc::no_such_file_or_directory) *error = path_ + ": cannot be opened (" + ec.message() + ")";
        else *error = path_ + ": no such workspace; create one with `tidemark workspace new`";
        return std::nullopt;
    }
    const std::string identity = file_identity(path_);
    // A save killed midway leaves a hot journal: opening for update rolls it back before anything
    // reads the file. Otherwise read-only, so that opening never changes the file.
    const bool journal = std::filesystem::exists(path_ + "-journal", ec);
    DatasetPtr ds = open_gpkg(path_, journal);
    if (!ds && journal) ds = open_gpkg(path_, false);
    OGRLayer* table = ds ? ds->GetLayerByName(kSettingsTable) : nullptr;
    if (!table) {
        *error = path_ + ": not a Tidemark workspace (no " + kSettingsTable + " table)" +
                 (ds ? "" : ": " + last_gdal_error("not a GeoPackage"));
        return std::nullopt;
    }
    auto state = decode_settings(values(read_rows(*table)), path_, error);
    if (state) state->identity = identity;
    return state;
}

ReadResult GpkgStore::read_layers(const ReadOptions& options) {
    if (options.only_layer.empty()) return read_vector(path_, options);
    // One layer at a time (a lazily opened workspace's first uses, lazy_rows.h): opening a
    // GeoPackage runs dozens of SQL statements, so one read-only handle serves every such read
    // while the file is as it was when the handle opened it; after any save (ours or another
    // program's) the next read opens it again, so GDAL's list of tables is never stale.
    const std::string stamp = file_stamp(path_);
    if (!reader_ || stamp != reader_stamp_) {
        reader_ = open_gpkg(path_, false);
        reader_stamp_ = stamp;
    }
    if (!reader_) return read_vector(path_, options);  // says what is wrong with the file
    return read_dataset(*reader_, path_, options);
}

bool GpkgStore::apply(const ChangeSet& changes, const geo::Crs& crs, Committed* committed, std::string* error) {
    if (changes.empty()) return true;
    // A Save as over this file that was killed left its temporary beside it: saving here is
    // the next run that can tell it is stale.
    remove_stale_temporaries(path_);
    const std::string not_saved = path_ + ": not saved: ";
    for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
        DatasetPtr ds = open_gpkg(path_, true);
        if (!ds) {
            *error = not_saved + "cannot open it for writing (" + last_gdal_error("not a GeoPackage") + ")";
            return false;
        }
        std::string why;
        OGRLayer* table = ds->GetLayerByName(kSettingsTable);
        if (!table) {
            *error = not_saved + "not a Tidemark workspace (no " + kSettingsTable + " table)";
            return false;
        }
        const RowIndex seen = read_rows(*table);
        if (!run_sql(*ds, kBusyTimeout, &why) || ds->StartTransaction() != OGRERR_NONE) {
            *error = not_saved + "cannot start a transaction (" + (why.empty() ? last_gdal_error() : why) + ")";
            return false;
        }
        auto fail = [&](const std::string& message) {
            ds->RollbackTransaction();
            *error = not_saved + message;
            return false;
        };
        // The transaction's first statement writes, so SQLite takes the write lock here (waiting
        // while another process saves) and everything read below is the file this commit changes.
        if (!run_sql(*ds,
                     std::string("UPDATE ") + kSettingsTable +
                         " SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = '" + kCommitKey + "'",
                     &why))
            return fail("another program kept the file locked for 60 s, or it cannot be written (" + why +
                        "); the previous save is intact: try again");
        RowIndex now = read_rows(*table);
        // GDAL read the list of tables when it opened the file. If another save committed since,
        // that list may be stale: start again from a fresh open.
        auto commit_row = [](const RowIndex& r) {
            auto it = r.find(kCommitKey);
            return it == r.end() ? std::string() : it->second.value;
        };
        const std::string before = commit_row(seen), after = commit_row(now);
        if (before.empty() ? !after.empty() : after != std::to_string(std::strtoll(before.c_str(), nullptr, 10) + 1)) {
            ds->RollbackTransaction();
            continue;
        }
        if (!changes.identity.empty() && file_identity(path_) != changes.identity)
            return fail(
                "the file was replaced by another program's save (a Save As over it) since this workspace "
                "was opened. Nothing was written; open it again and redo the change");
        SettingsRows rows = values(now);
        Revisions next;
        const std::string moved = moved_items(rows, changes.base, &next);
        if (!moved.empty())
            return fail(conflict_message(moved));
        for (const std::string& name : changes.removed)
            if (!delete_layer(*ds, name, &why)) return fail(why);
        for (const Layer* layer : changes.put) {
            if (!delete_layer(*ds, layer->name, &why) || !write_layer(*ds, *layer, crs, &why)) return fail(why);
            // Builds the layer's spatial index now, inside the transaction, not when GDAL closes the file.
            OGRLayer* written = ds->GetLayerByName(layer->name.c_str());
            if (!written || written->SyncToDisk() != OGRERR_NONE)
                return fail("cannot finish layer '" + layer->name + "': " + last_gdal_error());
        }
        merge_into(rows, changes, next);
        if (after.empty()) rows[kCommitKey] = "1";
        table = ds->GetLayerByName(kSettingsTable);
        if (!table || !write_rows(*table, now, rows, &why)) return fail(why.empty() ? "settings table vanished" : why);
        if (table->SyncToDisk() != OGRERR_NONE) return fail("cannot write the settings: " + last_gdal_error());
        if (ds->CommitTransaction() != OGRERR_NONE) return fail("commit failed (" + last_gdal_error() + ")");
        committed->revisions = std::move(next);
        return true;
    }
    *error = not_saved + "other saves kept changing the file while this one waited; try again";
    return false;
}

bool write_new_gpkg(const std::string& path, const StoredState& state, const std::vector<Layer>& layers,
                    std::string* error) {
    const Layer table = settings_table(encode_settings(state));
    return write_file_atomically(
        path, "GPKG",
        [&](GDALDataset& ds, std::string* why) {
            for (const Layer& l : layers)
                if (!write_layer(ds, l, state.crs, why)) return false;
            return write_layer(ds, table, state.crs, why);
        },
        error);
}

}  // namespace tidemark::layers
