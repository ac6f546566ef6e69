// tap->durable latency: the whole pipeline a tap runs (render, filter, consent policy, one
// transaction with the post and its delivery rows) against the floor it stands on, a bare
// one-row SQLite WAL commit with the same synchronous=FULL setting on the same disk.
// Reports the median and p99 per iteration as counters (p50_us, p99_us), then one ratio line
// per outbox size against the bare commit.
#include <benchmark/benchmark.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/case_store.h"
#include "core/compose/post_pipeline.h"
#include "core/session/session.h"
#include "core/store/question_store.h"
#include "ratio_reporter.h"

namespace {

namespace fs = std::filesystem;

constexpr int kWarmUp = 200;  // commits before measuring, so both start with a grown WAL file

fs::path fresh_dir(const char* name) {
    fs::path dir = fs::temp_directory_path() / ("orlive-bench-" + std::to_string(getpid()) + "-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

using orlive::bench::LatencyRecorder;

void BM_BareWalCommit(benchmark::State& state) {
    fs::path dir = fresh_dir("bare");
    {
        SQLite::Database db((dir / "bare.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        SQLite::Statement insert(db, "INSERT INTO t (text) VALUES (?)");
        for (int i = 0; i < kWarmUp; ++i) {  // grow the WAL first, as the tap benchmark does
            insert.bind(1, "warm-up");
            insert.exec();
            insert.reset();
        }
        LatencyRecorder latency;
        for (auto _ : state) {
            auto start = std::chrono::steady_clock::now();
            insert.bind(1, "Time-out complete. #SurgEd");
            insert.exec();
            insert.reset();
            latency.add(std::chrono::steady_clock::now() - start);
        }
        latency.report(state);
    }
    fs::remove_all(dir);
}

// Arg: rows already in the outbox.
void BM_TapToDurable(benchmark::State& state) {
    using namespace orlive;
    fs::path dir = fresh_dir("tap");
    {
        auto db = Database::open_in(dir);
        if (!db.ok()) {
            state.SkipWithError(db.error().message.c_str());
            return;
        }
        std::vector<TemplateProblem> problems;
        TemplateCatalog catalog = TemplateCatalog::load(fs::path(ORLIVE_SOURCE_ASSETS_DIR) / "templates", problems);
        auto filter = load_phi_filter(ORLIVE_SOURCE_ASSETS_DIR);
        Settings settings;
        settings.accounts = {Account{"main", AccountKind::Mastodon, "https://x", "t", "", "", "", "", ""},
                             Account{"team", AccountKind::Webhook, "", "", "", "", "", "https://h", "json"}};
        SystemClock clock;
        CaseStart start;
        start.procedure_id = "lap-chole";
        start.patient.names = {"Maria Lopez"};
        start.patient.mrn = "12345678";
        (void)start_case(**db, start, clock.now_ms());
        // enqueue_post opens its own transaction, so it cannot run inside an outer BEGIN (it
        // would fail and leave the outbox empty); fill without fsync instead, then restore FULL.
        (**db).sql().exec("PRAGMA synchronous = OFF");
        for (int64_t i = 0; i < state.range(0); ++i) {
            NewPost post;
            post.text = "Existing update " + std::to_string(i);
            post.state = PostState::Queued;
            if (auto id = enqueue_post(**db, post, {"main", "team"}); !id) {
                state.SkipWithError(id.error().message.c_str());
                return;
            }
        }
        (**db).sql().exec("PRAGMA synchronous = FULL");
        state.counters["outbox_rows"] = (**db).sql().execAndGet("SELECT count(*) FROM posts").getDouble();

        PostPipeline pipeline(**db, catalog, **filter, settings, clock);
        PostRequest request;
        request.milestone_id = "critical-view";
        request.note = "Anatomy clearly displayed";
        for (int i = 0; i < kWarmUp; ++i) (void)pipeline.post(request);
        LatencyRecorder latency;
        for (auto _ : state) {
            auto begin = std::chrono::steady_clock::now();
            auto outcome = pipeline.post(request);
            latency.add(std::chrono::steady_clock::now() - begin);
            if (!outcome.ok()) state.SkipWithError(outcome.error().message.c_str());
        }
        latency.report(state);
    }
    fs::remove_all(dir);
}

// Tap to screen: the pipeline's post and the snapshot the screen then draws, on a case with
// `questions` followers' replies stored and one more arriving before every tap (a reply flood
// while the coordinator works). BM_TapUnderReplyFlood is compared with BM_TapToScreen (none).
void tap_to_screen(benchmark::State& state, int questions) {
    using namespace orlive;
    fs::path dir = fresh_dir(questions ? "flood" : "screen");
    {
        auto db = Database::open_in(dir);
        auto filter = load_phi_filter(ORLIVE_SOURCE_ASSETS_DIR);
        if (!db.ok() || !filter.ok()) {
            state.SkipWithError("cannot open the database or the filter");
            return;
        }
        Database& raw = **db;
        std::vector<TemplateProblem> problems;
        TemplateCatalog catalog = TemplateCatalog::load(fs::path(ORLIVE_SOURCE_ASSETS_DIR) / "templates", problems);
        Settings settings;
        settings.accounts = {Account{"main", AccountKind::Mastodon, "https://x", "t", "", "", "", "", ""}};
        SystemClock clock;
        CaseStart start;
        start.procedure_id = "lap-chole";
        auto case_id = start_case(raw, start, clock.now_ms());
        int asked = 0;
        const auto ask = [&] {
            IncomingQuestion q{*case_id, "main", "mastodon", std::to_string(++asked), "", "", "follower",
                               "How long does the whole case usually take?", {}, clock.now_ms()};
            (void)insert_question(raw, q);
        };
        for (int i = 0; i < questions; ++i) ask();
        Session session(std::move(*db), std::move(catalog), std::move(*filter), settings, clock);
        PostRequest request;
        request.free_text = "Team doing well, next milestone soon";
        request.undo_seconds = 0;
        for (int i = 0; i < kWarmUp / 10; ++i) (void)session.post(request);
        LatencyRecorder latency;
        for (auto _ : state) {
            if (questions) ask();
            auto begin = std::chrono::steady_clock::now();
            const Feedback feedback = session.post(request);
            const SessionSnapshot& shown = session.snapshot();
            latency.add(std::chrono::steady_clock::now() - begin);
            if (!feedback.ok || !shown.active) state.SkipWithError(feedback.message.c_str());
        }
        state.counters["questions"] = static_cast<double>(asked);
        latency.report(state);
    }
    fs::remove_all(dir);
}

void BM_TapToScreen(benchmark::State& state) { tap_to_screen(state, 0); }
void BM_TapUnderReplyFlood(benchmark::State& state) { tap_to_screen(state, 1000); }

}  // namespace

// Registered here so ORLIVE_BENCH_ITERATIONS (the proof suite's --short) can shrink the runs.
int main(int argc, char** argv) {
    const benchmark::IterationCount iterations = orlive::bench::iterations_from_env(2000);
    benchmark::RegisterBenchmark("BM_BareWalCommit", BM_BareWalCommit)
        ->Unit(benchmark::kMicrosecond)->Iterations(iterations);
    benchmark::RegisterBenchmark("BM_TapToDurable", BM_TapToDurable)
        ->Arg(0)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond)->Iterations(iterations);
    benchmark::RegisterBenchmark("BM_TapToScreen", BM_TapToScreen)
        ->Unit(benchmark::kMicrosecond)->Iterations(iterations / 4);
    benchmark::RegisterBenchmark("BM_TapUnderReplyFlood", BM_TapUnderReplyFlood)
        ->Unit(benchmark::kMicrosecond)->Iterations(iterations / 4);
    return orlive::bench::run_with_ratios(
        argc, argv, {{"BM_TapToDurable", "BM_BareWalCommit"}, {"BM_TapUnderReplyFlood", "BM_TapToScreen"}});
}
