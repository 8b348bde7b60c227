// The map's GLSL programs: stencil polygon fill, thin GL_LINES, wider lines expanded from
// segment quads in the vertex shader, and point symbols as GL point sprites. Created once per GL context.
#pragma once

#include "app/gui/map/gl_api.h"

#include <string>

namespace tidemark::gui {

struct FillProgram {
    GLuint id = 0;
    GLint clip = -1, colour = -1;
};

// Lines of 1-1.5 px as GL_LINES with a per-vertex colour.
struct ThinLineProgram {
    GLuint id = 0;
    GLint clip = -1, opacity = -1;
};

struct LineProgram {
    GLuint id = 0;
    GLint clip = -1, viewport = -1, width = -1, opacity = -1;
};

struct PointProgram {
    GLuint id = 0;
    GLint clip = -1, size = -1, opacity = -1;
};

class MapShaders {
public:
    // Compiles all programs; false with `error` holding the GLSL log.
    bool create(std::string* error);
    void destroy();
    FillProgram fill;
    ThinLineProgram thin;
    LineProgram line;
    PointProgram point;
};

}  // namespace tidemark::gui
