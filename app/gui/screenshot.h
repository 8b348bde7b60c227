// Reads the GL framebuffer back and writes it as a PNG (for tests and documentation).
#pragma once

#include <string>

namespace tidemark::gui {

// Captures the current back buffer (width x height pixels). false with `error` on failure.
bool write_framebuffer_png(const std::string& path, int width, int height, std::string* error);

}  // namespace tidemark::gui
