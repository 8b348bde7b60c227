// OpenGL 3.3 core entry points. Mesa's libGL exports them directly on Linux, so the
// prototypes are enough; ImGui's backend keeps its own private loader.
#pragma once

#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
