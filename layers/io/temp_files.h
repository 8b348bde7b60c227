// Temporary files written beside a target and renamed over it when complete, and the clean-up
// of those a killed run left behind. One naming scheme for every writer, so any run can tell
// another writer's temporaries from its own and from the user's files:
//   <folder>/.<target file name>.partial-<pid><suffix>
// GDAL adds its own sidecars to such names (-journal, -wal, .aux.xml); they share the prefix.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tidemark::layers {

// The temporary for `target` owned by this process; `suffix` keeps the extension drivers want.
std::filesystem::path temporary_beside(const std::filesystem::path& target, const std::string& suffix);

// Removes this process's temporary `temp` (a file or folder) and the sidecars GDAL may have
// put beside it (SQLite's -journal, -wal, -shm; .aux.xml): after a failed write.
void remove_own_temporaries(const std::filesystem::path& temp);

// Removes temporaries of `target` whose writer is gone: its pid no longer runs, or runs a
// process that started after the temporary was last written (the pid was reused). A writer
// still running keeps its temporary. A previous output moved aside (suffix ".old") is put back
// when the target is missing. Returns what was removed or put back, for a note to the user.
std::vector<std::filesystem::path> remove_stale_temporaries(const std::filesystem::path& target);

}  // namespace tidemark::layers
