// Producing export files so the target path only ever holds a complete result: everything is
// written under a temporary name in the target's folder (same file system, so rename is
// atomic) and moved into place only when the writer reports success. Temporaries left by a
// writer that was killed are removed by the next write to the same target.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace tidemark::layers {

// `write(temp_path, error)` creates one file at temp_path. On success it is synced and
// renamed over `path`; on failure (or an exception) the temporary is removed and `path`
// keeps whatever it held before.
bool produce_file_atomically(const std::string& path,
                             const std::function<bool(const std::string& temp_path, std::string* error)>& write,
                             std::string* error);

// For outputs made of several files (a Shapefile's .shp/.shx/.dbf/.prj/.cpg) or a whole
// folder: `write(temp_dir, error)` fills an empty temporary folder beside `path`.
// - as_folder: the folder itself becomes `path` (an existing folder at `path` is replaced
//   only after the new one is complete).
// - otherwise: every file in the temporary folder is renamed into path's folder, the file
//   named like `path` last, so a reader that finds it finds its sidecars too.
bool produce_files_atomically(const std::string& path, bool as_folder,
                              const std::function<bool(const std::string& temp_dir, std::string* error)>& write,
                              std::string* error);

}  // namespace tidemark::layers
