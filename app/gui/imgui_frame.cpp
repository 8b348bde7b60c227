#include "app/gui/imgui_frame.h"

#include "app/gui/map/gl_api.h"

#include <GLFW/glfw3.h>
#include <GL/glx.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string_view>

// GLFW's native access (glfw3native.h needs the Xrandr headers, which only this needs not).
extern "C" {
Display* glfwGetX11Display(void);
GLXWindow glfwGetGLXWindow(GLFWwindow* window);
}

namespace tidemark::gui {
namespace {

std::uint64_t mix(std::uint64_t h, const void* data, std::size_t bytes) {
    return h ^ (std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(data), bytes)) + 0x9e3779b97f4a7c15ull +
                (h << 6) + (h >> 2));
}

DrawListShape shape_of(const ImDrawList& list) {
    DrawListShape s;
    s.content = mix(0, list.VtxBuffer.Data, list.VtxBuffer.size_in_bytes());
    s.content = mix(s.content, list.IdxBuffer.Data, list.IdxBuffer.size_in_bytes());
    // Where it can paint: each command's triangles' box within its clip rectangle.
    ImVec4 box{1e30f, 1e30f, -1e30f, -1e30f};
    for (const ImDrawCmd& c : list.CmdBuffer) {
        const unsigned offsets[3] = {c.VtxOffset, c.IdxOffset, c.ElemCount};
        const void* callback = reinterpret_cast<const void*>(c.UserCallback);
        s.content = mix(s.content, &c.ClipRect, sizeof c.ClipRect);
        s.content = mix(s.content, &c.TextureId, sizeof c.TextureId);
        s.content = mix(s.content, offsets, sizeof offsets);
        s.content = mix(s.content, &callback, sizeof callback);
        ImVec4 cmd{1e30f, 1e30f, -1e30f, -1e30f};
        for (unsigned i = c.IdxOffset; i < c.IdxOffset + c.ElemCount && i < static_cast<unsigned>(list.IdxBuffer.Size); ++i) {
            const ImVec2 p = list.VtxBuffer[static_cast<int>(c.VtxOffset + list.IdxBuffer[static_cast<int>(i)])].pos;
            cmd = {std::min(cmd.x, p.x), std::min(cmd.y, p.y), std::max(cmd.z, p.x), std::max(cmd.w, p.y)};
        }
        cmd = {std::max(cmd.x, c.ClipRect.x), std::max(cmd.y, c.ClipRect.y), std::min(cmd.z, c.ClipRect.z),
               std::min(cmd.w, c.ClipRect.w)};
        if (cmd.x < cmd.z && cmd.y < cmd.w)
            box = {std::min(box.x, cmd.x), std::min(box.y, cmd.y), std::max(box.z, cmd.z), std::max(box.w, cmd.w)};
    }
    if (box.x < box.z && box.y < box.w) s.bounds = {box.x, box.y, box.z, box.w};
    return s;
}

}  // namespace

int back_buffer_age(GLFWwindow* window) {
    static const bool full_redraw = std::getenv("TIDEMARK_FULL_REDRAW") != nullptr;
    if (full_redraw) return 0;
    if (glfwExtensionSupported("GLX_EXT_buffer_age")) {
        unsigned age = 0;
        glXQueryDrawable(glfwGetX11Display(), glfwGetGLXWindow(window), GLX_BACK_BUFFER_AGE_EXT, &age);
        return static_cast<int>(age);
    }
    static const bool software = [] {
        const char* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
        return renderer && (std::strstr(renderer, "llvmpipe") || std::strstr(renderer, "softpipe"));
    }();
    return software ? 1 : 0;
}

void render_imgui(PanelRedraw& redraw, const ScreenRect& map, int buffer_age) {
    ImDrawData* data = ImGui::GetDrawData();
    if (!data) return;
    std::vector<DrawListShape> shapes;
    shapes.reserve(static_cast<std::size_t>(data->CmdListsCount));
    for (int i = 0; i < data->CmdListsCount; ++i) shapes.push_back(shape_of(*data->CmdLists[i]));
    const DrawBounds map_bounds{static_cast<float>(map.x), static_cast<float>(map.y), static_cast<float>(map.x + map.width),
                                static_cast<float>(map.y + map.height)};
    const std::vector<char> draw = redraw.plan(shapes, map_bounds, buffer_age);
    std::vector<ImDrawList*> lists;
    ImDrawData part = *data;
    part.TotalVtxCount = part.TotalIdxCount = 0;
    for (int i = 0; i < data->CmdListsCount; ++i) {
        if (!draw[static_cast<std::size_t>(i)]) continue;
        lists.push_back(data->CmdLists[i]);
        part.TotalVtxCount += data->CmdLists[i]->VtxBuffer.Size;
        part.TotalIdxCount += data->CmdLists[i]->IdxBuffer.Size;
    }
    part.CmdLists = lists.data();
    part.CmdListsCount = static_cast<int>(lists.size());
    ImGui_ImplOpenGL3_RenderDrawData(&part);
}

}  // namespace tidemark::gui
