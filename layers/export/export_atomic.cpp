#include "layers/export/export_atomic.h"

#include "layers/io/temp_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <filesystem>

namespace tidemark::layers {
namespace fs = std::filesystem;
namespace {

void sync_path(const fs::path& p) {
    int fd = ::open(p.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

fs::path folder_of(const fs::path& target) { return target.parent_path().empty() ? fs::path(".") : target.parent_path(); }

fs::path temp_name(const fs::path& target, const std::string& tag) { return temporary_beside(target, tag); }

// Runs `write`, turning exceptions into an error message.
bool run_writer(const std::function<bool(const std::string&, std::string*)>& write, const fs::path& temp, std::string* why) {
    try {
        return write(temp.string(), why);
    } catch (const std::exception& e) {
        *why = e.what();
        return false;
    }
}

}  // namespace

bool produce_file_atomically(const std::string& path,
                             const std::function<bool(const std::string&, std::string*)>& write, std::string* error) {
    const fs::path target(path);
    std::error_code ec;
    if (!fs::is_directory(folder_of(target), ec)) {
        *error = path + ": folder " + folder_of(target).string() + " does not exist; create it first";
        return false;
    }
    remove_stale_temporaries(target);
    const fs::path temp = temp_name(target, target.extension().string());
    fs::remove(temp, ec);
    std::string why;
    bool ok = run_writer(write, temp, &why);
    if (ok && !fs::exists(temp, ec)) {
        ok = false;
        why = "the writer produced no file";
    }
    if (ok) {
        sync_path(temp);
        fs::rename(temp, target, ec);
        if (ec) {
            ok = false;
            why = "cannot move the finished file into place (" + ec.message() + ")";
        } else {
            sync_path(folder_of(target));
        }
    }
    if (!ok) {
        fs::remove(temp, ec);
        *error = path + ": " + why;
    }
    return ok;
}

bool produce_files_atomically(const std::string& path, bool as_folder,
                              const std::function<bool(const std::string&, std::string*)>& write, std::string* error) {
    const fs::path target(path);
    std::error_code ec;
    if (!fs::is_directory(folder_of(target), ec)) {
        *error = path + ": folder " + folder_of(target).string() + " does not exist; create it first";
        return false;
    }
    if (as_folder && fs::exists(target, ec) && !fs::is_directory(target, ec)) {
        *error = path + ": exists and is not a folder; choose a folder name for a multi-layer export";
        return false;
    }
    remove_stale_temporaries(target);
    const fs::path temp = temp_name(target, ".d");
    fs::remove_all(temp, ec);
    if (!fs::create_directory(temp, ec)) {
        *error = path + ": cannot create a temporary folder beside it (" + ec.message() + ")";
        return false;
    }
    std::string why;
    bool ok = run_writer(write, temp, &why);
    if (ok) {
        for (const auto& entry : fs::directory_iterator(temp, ec)) sync_path(entry.path());
        if (as_folder) {
            const fs::path old = temp_name(target, ".old");
            fs::remove_all(old, ec);
            const bool had_old = fs::exists(target, ec);
            if (had_old) fs::rename(target, old, ec);
            if (!ec) fs::rename(temp, target, ec);
            if (ec) {
                ok = false;
                why = "cannot move the finished folder into place (" + ec.message() + ")";
                if (had_old && !fs::exists(target)) fs::rename(old, target, ec);
            } else {
                fs::remove_all(old, ec);
            }
        } else {
            // Sidecars first, the main file last.
            std::vector<fs::path> files;
            fs::path main_file;
            for (const auto& entry : fs::directory_iterator(temp, ec)) {
                if (entry.path().filename() == target.filename()) main_file = entry.path();
                else files.push_back(entry.path());
            }
            if (!main_file.empty()) files.push_back(main_file);
            for (const auto& f : files) {
                fs::rename(f, folder_of(target) / f.filename(), ec);
                if (ec) {
                    ok = false;
                    why = "cannot move " + f.filename().string() + " into place (" + ec.message() + ")";
                    break;
                }
            }
        }
        if (ok) sync_path(folder_of(target));
    }
    fs::remove_all(temp, ec);
    if (!ok) *error = path + ": " + why;
    return ok;
}

}  // namespace tidemark::layers
