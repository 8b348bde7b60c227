// An in-app file browser under the path field of the Open, Save as, Export map and Add layer
// dialogs: the folder's sub-folders and the files a dialog can use, one click to go into a
// folder or pick a file (double click to accept it). Typing a path keeps working; so does a
// PostgreSQL URL, which the browser leaves alone.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace tidemark::gui {

struct FolderEntry {
    std::string name;
    bool folder = false;
};

// The entries of `folder` a dialog shows: sub-folders, then files whose extension is one of
// `extensions` (".gpkg"; case-insensitive; empty: every file), each group sorted by name
// without regard to case; hidden entries (".name", such as a writer's temporaries) left out.
// An unreadable folder gives no entries and `error` says why.
std::vector<FolderEntry> list_folder(const std::filesystem::path& folder, const std::vector<std::string>& extensions,
                                     std::string* error);

class FileBrowser {
public:
    // Start in the folder of `path` when it has one that exists, else where the app was started.
    void reset(const char* path);
    // Draws the folder line and the list; a picked file is written into `path` (of `size`
    // bytes). True when a file was double-clicked: the dialog accepts it.
    bool draw(char* path, std::size_t size, const std::vector<std::string>& extensions, float height = 240);

private:
    std::filesystem::path folder_, listed_;
    std::vector<std::string> listed_extensions_;
    std::vector<FolderEntry> entries_;
    std::string error_;
    double listed_at_ = -1;  // ImGui time of the listing: read again after a second, or on a change
};

}  // namespace tidemark::gui
