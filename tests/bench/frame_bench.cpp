// Coordinator frame CPU time: the real ui::draw_ui over a realistic mid-case snapshot, in an
// ImGui context without a window (display size set, font atlas built, NewFrame/Render), against
// ImGui's own ShowDemoWindow frame in the same context. Thread CPU time per frame; p50 and p99.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <filesystem>

#include "../ui/screen_harness.h"
#include "ratio_reporter.h"
#include "realistic_session.h"
#include "thread_cpu_clock.h"

namespace {

namespace fs = std::filesystem;
using orlive::bench::LatencyRecorder;
using orlive::bench::ThreadCpuClock;

constexpr int kWarmUpFrames = 30;  // the first frames build windows and layout caches

// One context for the whole run, as in the app; each benchmark draws into it.
orlive::ui::testing::ScreenHarness& harness() {
    static orlive::ui::testing::ScreenHarness instance;
    return instance;
}

const orlive::SessionSnapshot& realistic_snapshot() {
    static orlive::SessionSnapshot snapshot = [] {
        fs::path dir = fs::temp_directory_path() / ("orlive-frame-bench-" + std::to_string(getpid()));
        fs::remove_all(dir);
        orlive::ManualClock clock(1'800'000'000'000);
        orlive::SessionSnapshot built;
        {
            auto session = orlive::bench::open_session(dir, clock);
            orlive::bench::play_realistic_case(*session, clock);
            built = session->snapshot();
        }
        fs::remove_all(dir);
        return built;
    }();
    return snapshot;
}

template <class DrawFrame>
void measure_frames(benchmark::State& state, DrawFrame draw) {
    for (int i = 0; i < kWarmUpFrames; ++i) draw();
    LatencyRecorder latency;
    for (auto _ : state) {
        auto begin = ThreadCpuClock::now();
        draw();
        latency.add(ThreadCpuClock::now() - begin);
    }
    latency.report(state);
}

void BM_DemoWindowFrame(benchmark::State& state) {
    harness();
    measure_frames(state, [] {
        ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
        ImGui::NewFrame();
        ImGui::ShowDemoWindow();
        ImGui::Render();
    });
}

// Arg: the screen drawn (0 coordinator, 1 feed).
void BM_UiFrame(benchmark::State& state) {
    const orlive::SessionSnapshot& snapshot = realistic_snapshot();
    auto& h = harness();
    h.state = {};
    h.state.screen = state.range(0) == 0 ? orlive::ui::Screen::Coordinator : orlive::ui::Screen::Feed;
    state.SetLabel(state.range(0) == 0 ? "coordinator" : "feed");
    measure_frames(state, [&] { h.frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false); });
}

}  // namespace

int main(int argc, char** argv) {
    const benchmark::IterationCount iterations = orlive::bench::iterations_from_env(3000);
    benchmark::RegisterBenchmark("BM_DemoWindowFrame", BM_DemoWindowFrame)
        ->Unit(benchmark::kMicrosecond)->Iterations(iterations);
    benchmark::RegisterBenchmark("BM_UiFrame", BM_UiFrame)
        ->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond)->Iterations(iterations);
    return orlive::bench::run_with_ratios(argc, argv, {{"BM_UiFrame", "BM_DemoWindowFrame"}});
}
