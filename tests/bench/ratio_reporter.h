// RatioReporter: Google Benchmark's console output plus one "ratio:" line per benchmark against
// a baseline measured in the same run, so a figure is never read without its floor.
// Benchmarks report per-iteration latency as counters p50_us and p99_us (LatencyRecorder).
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace orlive::bench {

// Per-iteration samples; Google Benchmark itself only gives the mean, we want median and p99.
class LatencyRecorder {
public:
    template <class Rep, class Period>
    void add(std::chrono::duration<Rep, Period> d) {
        samples_.push_back(std::chrono::duration<double, std::micro>(d).count());
    }
    void report(benchmark::State& state) {
        if (samples_.empty()) return;
        std::sort(samples_.begin(), samples_.end());
        state.counters["p50_us"] = samples_[samples_.size() / 2];
        state.counters["p99_us"] = samples_[std::min(samples_.size() - 1, samples_.size() * 99 / 100)];
    }

private:
    std::vector<double> samples_;
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
    // Every benchmark whose name starts with a key is compared with that key's baseline.
    explicit RatioReporter(std::map<std::string, std::string> baseline_for) : baseline_for_(std::move(baseline_for)) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.run_type != Run::RT_Iteration) continue;  // with repetitions, keep each run's own
            Figures& figures = results_[run.benchmark_name()];
            for (const char* name : {"p50_us", "p99_us"}) {
                auto it = run.counters.find(name);
                if (it != run.counters.end()) (name[1] == '5' ? figures.p50 : figures.p99).push_back(it->second.value);
            }
        }
    }

    void Finalize() override {
        ConsoleReporter::Finalize();
        for (const auto& [name, figures] : results_) {
            const std::string baseline = baseline_of(name);
            const Figures* base_figures = find_baseline(baseline);
            if (baseline.empty() || name.rfind(baseline, 0) == 0 || !base_figures) continue;
            const Figures& base = *base_figures;
            std::printf("ratio: %s vs %s: p50 %.1f us / %.1f us = %.2fx, p99 %.1f us / %.1f us = %.2fx\n",
                        name.c_str(), baseline.c_str(), median(figures.p50), median(base.p50),
                        median(figures.p50) / median(base.p50), median(figures.p99), median(base.p99),
                        median(figures.p99) / median(base.p99));
        }
        std::fflush(stdout);
    }

private:
    struct Figures {
        std::vector<double> p50, p99;
    };
    static double median(std::vector<double> values) {
        if (values.empty()) return 0;
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    }
    // Run names carry suffixes ("BM_X/iterations:2000"): the baseline is the run named X.
    const Figures* find_baseline(const std::string& baseline) const {
        for (const auto& [name, figures] : results_) {
            if (name == baseline || name.rfind(baseline + "/", 0) == 0) return &figures;
        }
        return nullptr;
    }
    std::string baseline_of(const std::string& name) const {
        for (const auto& [prefix, baseline] : baseline_for_) {
            if (name.rfind(prefix, 0) == 0) return baseline;
        }
        return {};
    }

    std::map<std::string, std::string> baseline_for_;
    std::map<std::string, Figures> results_;
};

// Iterations per benchmark: `fallback`, or ORLIVE_BENCH_ITERATIONS when set (the short run).
inline benchmark::IterationCount iterations_from_env(benchmark::IterationCount fallback) {
    const char* text = std::getenv("ORLIVE_BENCH_ITERATIONS");
    const long long value = text ? std::atoll(text) : 0;
    return value > 0 ? static_cast<benchmark::IterationCount>(value) : fallback;
}

// BENCHMARK_MAIN with the ratio lines.
inline int run_with_ratios(int argc, char** argv, std::map<std::string, std::string> baseline_for) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    RatioReporter reporter(std::move(baseline_for));
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}

}  // namespace orlive::bench
