// `tidemark gui WS --bench-frames N`: what a user waits for, measured inside the real app loop.
// Launch (process start to the first map drawn, with the phases on the way) and the whole
// frame (panels, map sync and draw, finished on the GPU) while the view pans, as a mouse drag
// would move it. Prints the figures on stdout; the app quits after the N frames.
#pragma once

#include <string>
#include <vector>

namespace tidemark::gui {

class ViewTransform;

// Seconds since the kernel started this process (includes the dynamic loader's work before
// main), from /proc/self/stat; 0 where that is not available.
double seconds_since_process_start();

class FrameBench {
public:
    explicit FrameBench(int frames) : frames_(frames) {}

    void mark(std::string phase);                 // a launch phase ended now
    // Before frame i of the bench: pans `view` by a drag's step (back and forth, so the view
    // stays over the same area). false once the N frames are done.
    bool next(ViewTransform& view);
    void frame_start();                           // a frame of the bench begins now
    void frame_done();                            // it ended, GPU work included (after glFinish)
    void print(const std::string& what) const;    // the launch phases and frame-time percentiles

private:
    int frames_;
    int step_ = 0;
    std::vector<std::pair<std::string, double>> phases_;  // phase, seconds since process start
    double wall0_ = 0, cpu0_ = 0;
    std::vector<double> wall_ms_, cpu_ms_;  // per frame: wall, and CPU of all threads (llvmpipe's too)
};

}  // namespace tidemark::gui
