#include "app/gui/file_browser.h"

#include <imgui.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

namespace tidemark::gui {
namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool wanted(const std::filesystem::path& file, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    const std::string ext = lower(file.extension().string());
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& e) { return lower(e) == ext; });
}

}  // namespace

std::vector<FolderEntry> list_folder(const std::filesystem::path& folder, const std::vector<std::string>& extensions,
                                     std::string* error) {
    std::vector<FolderEntry> out;
    std::error_code ec;
    std::filesystem::directory_iterator it(folder, std::filesystem::directory_options::skip_permission_denied, ec);
    if (ec) {
        if (error) *error = folder.string() + ": " + ec.message();
        return out;
    }
    for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        std::error_code type_ec;
        const bool folder_entry = it->is_directory(type_ec);
        if (folder_entry || wanted(it->path(), extensions)) out.push_back({name, folder_entry});
    }
    std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) {
        if (a.folder != b.folder) return a.folder;
        return lower(a.name) < lower(b.name);
    });
    if (error) error->clear();
    return out;
}

void FileBrowser::reset(const char* path) {
    std::error_code ec;
    const std::filesystem::path typed(path ? path : "");
    if (!typed.empty() && typed.has_parent_path() && std::filesystem::is_directory(typed.parent_path(), ec))
        folder_ = std::filesystem::absolute(typed.parent_path(), ec);
    else
        folder_ = std::filesystem::current_path(ec);
}

bool FileBrowser::draw(char* path, std::size_t size, const std::vector<std::string>& extensions, float height) {
    if (folder_.empty()) reset(path);
    if (std::strncmp(path, "postgresql://", 13) == 0 || std::strncmp(path, "postgres://", 11) == 0) return false;
    if (ImGui::Button("Up") && folder_.has_parent_path()) folder_ = folder_.parent_path();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", folder_.string().c_str());
    if (folder_ != listed_ || extensions != listed_extensions_ || ImGui::GetTime() - listed_at_ > 1.0) {
        entries_ = list_folder(folder_, extensions, &error_);
        listed_ = folder_;
        listed_extensions_ = extensions;
        listed_at_ = ImGui::GetTime();
    }
    const std::vector<FolderEntry>& entries = entries_;
    const std::string& error = error_;
    bool accepted = false;
    ImGui::BeginChild("##files", {ImGui::GetContentRegionAvail().x, height}, true);
    if (!error.empty()) ImGui::TextColored({0.8f, 0.1f, 0.1f, 1}, "%s", error.c_str());
    std::filesystem::path go_into;
    for (const FolderEntry& e : entries) {
        const std::filesystem::path full = folder_ / e.name;
        const bool picked = !e.folder && full.string() == path;
        const std::string label = e.folder ? e.name + "/" : e.name;
        if (ImGui::Selectable(label.c_str(), picked, ImGuiSelectableFlags_AllowDoubleClick)) {
            if (e.folder) {
                go_into = full;
            } else {
                std::snprintf(path, size, "%s", full.string().c_str());
                accepted = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
            }
        }
    }
    if (entries.empty() && error.empty()) ImGui::TextDisabled("(no folders or matching files here)");
    ImGui::EndChild();
    if (!go_into.empty()) folder_ = go_into;
    return accepted;
}

}  // namespace tidemark::gui
