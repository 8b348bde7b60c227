#include "app/gui/map/shaders.h"

namespace tidemark::gui {
namespace {

const char* kFillVs = R"(#version 330 core
layout(location = 0) in vec2 p;
uniform mat4 u_clip;
void main() { gl_Position = u_clip * vec4(p, 0.0, 1.0); }
)";
const char* kFillFs = R"(#version 330 core
uniform vec4 u_colour;
out vec4 frag;
void main() { frag = u_colour; }
)";

const char* kThinVs = R"(#version 330 core
layout(location = 0) in vec2 p;
layout(location = 1) in vec4 colour;
uniform mat4 u_clip;
uniform float u_opacity;
out vec4 v_colour;
void main() {
    gl_Position = u_clip * vec4(p, 0.0, 1.0);
    v_colour = vec4(colour.rgb, colour.a * u_opacity);
}
)";

// Six vertices per segment (a, b) with corners (t, side) make a quad u_width pixels wide
// with square caps, so joins between consecutive segments have no cracks. Not instanced:
// Mesa's llvmpipe runs its vertex pipeline once per instance, which costs far more.
const char* kLineVs = R"(#version 330 core
layout(location = 0) in vec2 corner;
layout(location = 1) in vec2 a;
layout(location = 2) in vec2 b;
layout(location = 3) in vec4 colour;
uniform mat4 u_clip;
uniform vec2 u_viewport;
uniform float u_width;
uniform float u_opacity;
out vec4 v_colour;
void main() {
    vec4 ca = u_clip * vec4(a, 0.0, 1.0);
    vec4 cb = u_clip * vec4(b, 0.0, 1.0);
    vec2 d = (cb.xy - ca.xy) * u_viewport * 0.5;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 n = vec2(-dir.y, dir.x);
    vec4 c = corner.x < 0.5 ? ca : cb;
    float cap = (corner.x < 0.5 ? -0.5 : 0.5) * u_width;
    c.xy += (n * corner.y * 0.5 * u_width + dir * cap) * 2.0 / u_viewport;
    gl_Position = c;
    v_colour = vec4(colour.rgb, colour.a * u_opacity);
}
)";
const char* kLineFs = R"(#version 330 core
in vec4 v_colour;
out vec4 frag;
void main() { frag = v_colour; }
)";

// One GL point per feature point (1 vertex each: vertex work is what llvmpipe pays for);
// the fragment shader cuts the symbol out of the point sprite.
const char* kPointVs = R"(#version 330 core
layout(location = 0) in vec2 p;
layout(location = 1) in vec4 colour;
layout(location = 2) in float symbol;
uniform mat4 u_clip;
uniform float u_size;
out vec4 v_colour;
flat out int v_symbol;
void main() {
    gl_Position = u_clip * vec4(p, 0.0, 1.0);
    gl_PointSize = u_size + 2.0;
    v_colour = colour;
    v_symbol = int(symbol + 0.5);
}
)";
// Symbols as distance-like functions: d <= 1 inside; a band near 1 is the dark outline.
const char* kPointFs = R"(#version 330 core
in vec4 v_colour;
flat in int v_symbol;
uniform float u_size;
uniform float u_opacity;
out vec4 frag;
void main() {
    vec2 l = (gl_PointCoord * 2.0 - 1.0) * vec2(1.0, -1.0) * (u_size * 0.5 + 1.0) / (u_size * 0.5);
    float d;
    if (v_symbol == 0) d = length(l);
    else if (v_symbol == 1) d = max(abs(l.x), abs(l.y)) * 1.1;
    else if (v_symbol == 2) d = max(-l.y / 0.8, l.y + 2.0 * abs(l.x));
    else if (v_symbol == 3) d = abs(l.x) + abs(l.y);
    else d = min(max(abs(l.x) / 0.3, abs(l.y)), max(abs(l.y) / 0.3, abs(l.x)));
    if (d > 1.0) discard;
    float band = u_size > 5.0 ? 2.6 / u_size : 0.0;
    vec3 rgb = d > 1.0 - band ? v_colour.rgb * 0.35 : v_colour.rgb;
    frag = vec4(rgb, v_colour.a * u_opacity);
}
)";

GLuint compile(GLenum type, const char* source, std::string* error) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &source, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048];
        glGetShaderInfoLog(s, sizeof log, nullptr, log);
        *error = std::string("map shader does not compile: ") + log;
        glDeleteShader(s);
        return 0;
    }
    return s;
}

GLuint link(const char* vs_src, const char* fs_src, std::string* error) {
    GLuint vs = compile(GL_VERTEX_SHADER, vs_src, error);
    if (!vs) return 0;
    GLuint fs = compile(GL_FRAGMENT_SHADER, fs_src, error);
    if (!fs) { glDeleteShader(vs); return 0; }
    GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048];
        glGetProgramInfoLog(p, sizeof log, nullptr, log);
        *error = std::string("map shader does not link: ") + log;
        glDeleteProgram(p);
        return 0;
    }
    return p;
}

}  // namespace

bool MapShaders::create(std::string* error) {
    fill.id = link(kFillVs, kFillFs, error);
    thin.id = link(kThinVs, kLineFs, error);
    line.id = link(kLineVs, kLineFs, error);
    point.id = link(kPointVs, kPointFs, error);
    if (!fill.id || !thin.id || !line.id || !point.id) return false;
    thin.clip = glGetUniformLocation(thin.id, "u_clip");
    thin.opacity = glGetUniformLocation(thin.id, "u_opacity");
    fill.clip = glGetUniformLocation(fill.id, "u_clip");
    fill.colour = glGetUniformLocation(fill.id, "u_colour");
    line.clip = glGetUniformLocation(line.id, "u_clip");
    line.viewport = glGetUniformLocation(line.id, "u_viewport");
    line.width = glGetUniformLocation(line.id, "u_width");
    line.opacity = glGetUniformLocation(line.id, "u_opacity");
    point.clip = glGetUniformLocation(point.id, "u_clip");
    point.size = glGetUniformLocation(point.id, "u_size");
    point.opacity = glGetUniformLocation(point.id, "u_opacity");
    return true;
}

void MapShaders::destroy() {
    for (GLuint* p : {&fill.id, &thin.id, &line.id, &point.id})
        if (*p) { glDeleteProgram(*p); *p = 0; }
}

}  // namespace tidemark::gui
