// Which ImGui draw lists a frame draws again (app/gui/panel_redraw.h): a layout like the app's —
// the map window's overlays inside the map, a side bar and a status bar beside it.
#include "app/gui/panel_redraw.h"

#include <gtest/gtest.h>

namespace tidemark::gui {
namespace {

const DrawBounds kMap{400, 21, 1920, 893};

struct Frame {
    DrawListShape overlays{1, {408, 42, 1920, 880}};
    DrawListShape side{2, {0, 21, 400, 1059}};
    DrawListShape side_content{3, {8, 110, 378, 1051}};  // a child window inside the side bar
    DrawListShape status{4, {0, 1059, 1920, 1080}};
    std::vector<DrawListShape> lists() const { return {overlays, side, side_content, status}; }
};

using Draw = std::vector<char>;

TEST(PanelRedraw, UnchangedPanelsAreLeftInTheKeptBackBuffer) {
    PanelRedraw redraw;
    Frame f;
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 1, 1, 1}));  // first frame: everything
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 0, 0, 0}));  // the map's overlays only
    f.overlays = {9, {500, 100, 900, 500}};                           // panning moves them
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 0, 0, 0}));
    f.status.content = 5;                                             // the status line changed
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 0, 0, 1}));
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 0, 0, 0}));
}

TEST(PanelRedraw, AChangedListRedrawsWhatOverlapsIt) {
    PanelRedraw redraw;
    Frame f;
    redraw.plan(f.lists(), kMap, 1);
    redraw.plan(f.lists(), kMap, 1);
    f.side_content.content = 7;  // the child redrawn means its parent's background under it too
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 1, 1, 0}));
}

TEST(PanelRedraw, OlderBackBuffersNeedListsUnchangedForLonger) {
    PanelRedraw redraw;
    Frame f;
    redraw.plan(f.lists(), kMap, 2);
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 2), (Draw{1, 1, 1, 1}));  // the buffer holds frame 0
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 2), (Draw{1, 0, 0, 0}));
    f.status.content = 5;
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 2), (Draw{1, 0, 0, 1}));
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 2), (Draw{1, 0, 0, 1}));  // the other buffer has the old text
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 2), (Draw{1, 0, 0, 0}));
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 0), (Draw{1, 1, 1, 1}));  // age unknown: everything
}

TEST(PanelRedraw, AnythingReachingFromTheMapOverThePanelsRedrawsEverything) {
    PanelRedraw redraw;
    Frame f;
    redraw.plan(f.lists(), kMap, 1);
    redraw.plan(f.lists(), kMap, 1);
    std::vector<DrawListShape> with_tooltip = f.lists();
    with_tooltip.push_back({8, {1800, 850, 2000, 950}});  // over the map and the status bar's row
    EXPECT_EQ(redraw.plan(with_tooltip, kMap, 1), (Draw{1, 1, 1, 1, 1}));
    // Gone again: the pixels it covered outside the map belong to the panels, drawn afresh.
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 1, 1, 1}));
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 0, 0, 0}));
    f.side.bounds.x1 = 450;  // the side bar widened (the map rect follows a frame later)
    EXPECT_EQ(redraw.plan(f.lists(), kMap, 1), (Draw{1, 1, 1, 1}));
}

}  // namespace
}  // namespace tidemark::gui
