// SyncWorker: a thread that keeps the outbox draining: its own Database connection, its own
// HttpClient, one SyncEngine. It sleeps on a condition variable until the next retry or undo
// window is due, a wake() arrives, or (once a second) to notice posts written by another
// connection — never a busy loop. It publishes the connectivity line and calls `on_change`
// (the app passes Window::post_wake) when it changes; it never touches the UI.
// Only one process delivers from a data dir (SyncLock). The one that does writes its line to
// DATA_DIR/sync.status; a worker that waits for the lock (the app beside the orlive-sync
// service) shows that line, so the header tells the truth either way.
// Settings whose secrets this process may not read (Settings::secrets_readable false: the kiosk
// under the package's least-privilege split) make a watcher: it never delivers, never takes the
// lock, never opens the database; it only shows what orlive-sync last wrote.
//
// Threading contract:
// - start, stop, wake, check_accounts, connectivity and fatal_error may be called from any
//   thread, including from inside `on_change`.
// - `on_change` runs on the worker thread, never while the worker holds its own mutex: it is
//   called after the new line is stored and the lock released, so it may call connectivity()
//   (orlivectl sync prints it). It must not block for long or call stop() (that would join the
//   thread that is running it).
// - Everything else (Database, HttpClient, SyncEngine) lives on the worker thread alone.
// - Waits are measured on the steady clock: a wall clock stepped back (NTP, a dead RTC battery)
//   cannot stretch a sleep. The engine's times ("now", next attempts) come from `clock`.
#pragma once

#include "sync/sync_engine.h"

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/retry_policy.h"

namespace orlive {

struct WorkerOptions {
    RetryPolicy retry;
    HttpTimeouts timeouts;
    TimeMs poll_ms = 1000;         // how soon writes by another connection are noticed
    TimeMs lock_retry_ms = 1000;   // how often to ask again (and re-read its status) while
                                   // another process delivers
    const Clock* clock = nullptr;  // the engine's "now" (thread-safe); nullptr: the system clock
};

class SyncWorker {
public:
    SyncWorker(std::filesystem::path data_dir, Settings settings, std::function<void()> on_change,
               WorkerOptions options = {});
    ~SyncWorker();  // stops and joins
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    void stop();
    void wake();  // new posts were queued: look now
    void check_accounts();  // verify every account's credentials again, now
    std::string connectivity() const;
    // Each account's state, as the deliverer last saw it (this worker, or the process that
    // holds the sync lock, read from its status file); empty before the first pass.
    std::vector<AccountHealth> account_health() const;
    // Set when the worker gave up (cannot open the database); empty while it runs.
    std::string fatal_error() const;

private:
    void run();
    // Without the secrets: only show the delivering service's status file, until stop().
    void watch_only();
    // `delivering`: this worker holds the lock, so its line goes to DATA_DIR/sync.status too.
    void publish(const std::string& connectivity, bool delivering, std::vector<AccountHealth> health = {});
    // Sleeps for `delay_ms` of steady time, or until a wake() or stop(). False when stopping.
    bool sleep_for(TimeMs delay_ms, bool* woken = nullptr);
    // Gave up: records why and tells on_change (outside the lock).
    void give_up(const std::string& reason);

    std::filesystem::path data_dir_;
    Settings settings_;
    std::function<void()> on_change_;
    WorkerOptions options_;

    mutable std::mutex mutex_;
    std::condition_variable cv_;
    bool stopping_ = false;
    bool woken_ = false;
    bool check_requested_ = false;
    std::string connectivity_;
    std::vector<AccountHealth> health_;
    std::string fatal_;
    std::atomic<bool> stop_flag_{false};
    std::thread thread_;
};

}  // namespace orlive
