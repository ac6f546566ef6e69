// ThreadCpuClock: CPU time of the calling thread, as a std::chrono clock. Frame benchmarks use
// it so the figure is the work one frame costs, not the scheduler's mood on a shared machine.
#pragma once

#include <time.h>

#include <chrono>

namespace orlive::bench {

struct ThreadCpuClock {
    using duration = std::chrono::nanoseconds;
    using rep = duration::rep;
    using period = duration::period;
    using time_point = std::chrono::time_point<ThreadCpuClock>;
    static constexpr bool is_steady = true;

    static time_point now() noexcept {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return time_point(duration(static_cast<rep>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec));
    }
};

}  // namespace orlive::bench
