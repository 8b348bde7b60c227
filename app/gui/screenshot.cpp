#include "app/gui/screenshot.h"

#include "app/gui/map/gl_api.h"

#include <stb_image_write.h>

#include <filesystem>
#include <vector>

namespace tidemark::gui {

bool write_framebuffer_png(const std::string& path, int width, int height, std::string* error) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // GL rows run bottom-up; PNG rows top-down.
    stbi_flip_vertically_on_write(1);
    // Written beside the target and renamed: never a half-written PNG.
    const std::string tmp = path + ".part";
    const int ok = stbi_write_png(tmp.c_str(), width, height, 3, pixels.data(), width * 3);
    stbi_flip_vertically_on_write(0);
    std::error_code ec;
    if (ok) std::filesystem::rename(tmp, path, ec);
    if (!ok || ec) {
        std::filesystem::remove(tmp, ec);
        *error = path + ": cannot write the PNG (is the folder writable?)";
        return false;
    }
    return true;
}

}  // namespace tidemark::gui
