// Scale: does the app stay as responsive with years of history as on day one? Builds a
// realistic mid-case Session twice, on an empty database and on one holding POSTS past posts
// and LOG past redaction-log entries, and prints for both: snapshot rebuild time, coordinator
// and feed frame CPU time, outbox page reads (list_posts) and the database size per post.
// Figures only, never pass/fail; the proof suite runs `orlivectl log verify` on DIR/history.
// usage: scale_bench DIR [POSTS] [LOG_ENTRIES]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "../bench/realistic_session.h"
#include "../bench/thread_cpu_clock.h"
#include "../ui/screen_harness.h"
#include "history_generator.h"

namespace {

namespace fs = std::filesystem;
using namespace orlive;
using WallClock = std::chrono::steady_clock;

struct Spread {
    double p50_us = 0, p99_us = 0;
};

template <class TimeSource>
Spread measure(int runs, const std::function<void()>& work) {
    std::vector<double> samples;
    for (int i = 0; i < runs; ++i) {
        auto begin = TimeSource::now();
        work();
        samples.push_back(std::chrono::duration<double, std::micro>(TimeSource::now() - begin).count());
    }
    std::sort(samples.begin(), samples.end());
    return {samples[samples.size() / 2], samples[std::min(samples.size() - 1, samples.size() * 99 / 100)]};
}

struct Figures {
    Spread rebuild, coordinator_frame, feed_frame, case_page, queue_first_page, queue_deep_page;
};

Figures measure_session(const fs::path& dir, std::int64_t posts_before, ui::testing::ScreenHarness& harness) {
    ManualClock clock(1'800'000'000'000);
    auto session = bench::open_session(dir, clock);
    bench::play_realistic_case(*session, clock);
    Figures f;
    bool flip = false;
    // set_connectivity marks the snapshot dirty, so the next snapshot() rebuilds it fully.
    f.rebuild = measure<WallClock>(200, [&] {
        session->set_connectivity((flip = !flip) ? "Online" : "Offline: test");
        (void)session->snapshot();
    });
    const SessionSnapshot snapshot = session->snapshot();
    auto frames = [&](ui::Screen screen) {
        harness.state = {};
        harness.state.screen = screen;
        for (int i = 0; i < 30; ++i) harness.frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false);
        return measure<bench::ThreadCpuClock>(
            500, [&] { harness.frame(snapshot, ImVec2(-FLT_MAX, -FLT_MAX), false); });
    };
    f.coordinator_frame = frames(ui::Screen::Coordinator);
    f.feed_frame = frames(ui::Screen::Feed);

    // The queries behind the feed (one case, newest first) and a paged queue (all posts).
    auto db = Database::open_in(dir);
    if (!db) throw std::runtime_error(db.error().message);
    auto page = [&](PostQuery query) {
        return measure<WallClock>(50, [&] {
            if (!list_posts(**db, query)) throw std::runtime_error("list_posts failed");
        });
    };
    PostQuery by_case;
    by_case.case_id = snapshot.active->id;
    by_case.limit = 100;
    f.case_page = page(by_case);
    PostQuery first;
    first.newest_first = false;
    first.limit = 100;
    f.queue_first_page = page(first);
    PostQuery deep = first;
    deep.offset = static_cast<int>(std::max<std::int64_t>(0, posts_before - 100));  // the last page
    f.queue_deep_page = page(deep);
    return f;
}

std::uintmax_t db_bytes(const fs::path& dir) {
    auto db = Database::open_in(dir);
    if (!db) throw std::runtime_error(db.error().message);
    (void)(*db)->sql().execAndGet("PRAGMA wal_checkpoint(TRUNCATE)");  // count pages in the file, not the WAL
    return fs::file_size(dir / "orlive.db");
}

void row(const char* what, const Spread& empty, const Spread& full) {
    std::printf("%-34s | %10.1f | %10.1f | %10.1f | %10.1f | %6.2fx\n", what, empty.p50_us, empty.p99_us,
                full.p50_us, full.p99_us, full.p50_us / empty.p50_us);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: scale_bench DIR [POSTS] [LOG_ENTRIES]\n");
        return 1;
    }
    const fs::path root = argv[1];
    scale::HistoryShape shape;
    if (argc > 2) shape.posts = std::atoll(argv[2]);
    if (argc > 3) shape.log_entries = std::atoll(argv[3]);
    fs::remove_all(root / "empty");
    fs::remove_all(root / "history");
    try {
        ui::testing::ScreenHarness harness;
        const Figures empty = measure_session(root / "empty", 0, harness);

        auto started = WallClock::now();
        std::uintmax_t posts_bytes = 0;
        {
            auto db = Database::open_in(root / "history");
            if (!db) throw std::runtime_error(db.error().message);
            scale::generate_posts(**db, shape);
        }
        const double posts_s = std::chrono::duration<double>(WallClock::now() - started).count();
        posts_bytes = db_bytes(root / "history");
        started = WallClock::now();
        {
            auto db = Database::open_in(root / "history");
            if (!db) throw std::runtime_error(db.error().message);
            scale::generate_log(**db, shape);
        }
        const double log_s = std::chrono::duration<double>(WallClock::now() - started).count();
        const std::uintmax_t all_bytes = db_bytes(root / "history");
        const Figures full = measure_session(root / "history", shape.posts, harness);

        std::printf("history: %lld posts (2 delivery rows each, %d per case) generated in %.1f s; "
                    "%lld log entries in %.1f s\n",
                    static_cast<long long>(shape.posts), shape.posts_per_case, posts_s,
                    static_cast<long long>(shape.log_entries), log_s);
        if (shape.posts > 0) {
            std::printf("database size: %.1f MiB with the posts, %.1f MiB with the log too: %.0f bytes per post "
                        "(post, deliveries, case share), %.0f bytes per log entry\n",
                        static_cast<double>(posts_bytes) / 1048576.0, static_cast<double>(all_bytes) / 1048576.0,
                        static_cast<double>(posts_bytes) / static_cast<double>(shape.posts),
                        shape.log_entries > 0 ? static_cast<double>(all_bytes - posts_bytes) /
                                                    static_cast<double>(shape.log_entries)
                                              : 0.0);
        }
        std::printf("\n%-34s | %10s | %10s | %10s | %10s | %7s\n", "microseconds", "empty p50", "empty p99",
                    "full p50", "full p99", "ratio");
        row("snapshot rebuild (wall)", empty.rebuild, full.rebuild);
        row("coordinator frame (CPU)", empty.coordinator_frame, full.coordinator_frame);
        row("feed frame (CPU)", empty.feed_frame, full.feed_frame);
        row("list_posts: case page (wall)", empty.case_page, full.case_page);
        row("list_posts: queue page 1 (wall)", empty.queue_first_page, full.queue_first_page);
        row("list_posts: queue last page (wall)", empty.queue_deep_page, full.queue_deep_page);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "scale_bench: %s\n", e.what());
        return 2;
    }
    return 0;
}
