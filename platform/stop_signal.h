// StopSignal: turns SIGTERM and SIGINT into a clean end of the loop (so it can report its
// counters at exit) instead of the default kill. Blocks both signals in the calling thread —
// construct it on the main thread before any other thread starts, so every thread inherits the
// mask — and waits for them on a thread of its own, which sets `requested` and wakes the loop.
#pragma once

#include <atomic>
#include <thread>

namespace orlive::platform {

class StopSignal {
public:
    StopSignal();
    ~StopSignal();  // calls stop()
    StopSignal(const StopSignal&) = delete;
    StopSignal& operator=(const StopSignal&) = delete;

    void stop();  // ends the waiting thread; call while the window still exists
    const std::atomic<bool>& requested() const { return requested_; }

private:
    std::atomic<bool> requested_{false};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace orlive::platform
