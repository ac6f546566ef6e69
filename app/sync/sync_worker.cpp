#include "sync/sync_worker.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <optional>

#include "core/store/database.h"
#include "sync/audit_forwarder.h"
#include "sync/http_client.h"
#include "sync/publisher_factory.h"
#include "sync/sync_engine.h"
#include "sync/sync_lock.h"

namespace orlive {

namespace {
constexpr const char* kDeliveredByService =
    "Delivered by the orlive-sync service (this app holds no account secrets); no status from it yet";
}  // namespace

SyncWorker::SyncWorker(std::filesystem::path data_dir, Settings settings, std::function<void()> on_change,
                       WorkerOptions options)
    : data_dir_(std::move(data_dir)),
      settings_(std::move(settings)),
      on_change_(std::move(on_change)),
      options_(options),
      connectivity_(settings_.accounts.empty()       ? "Local feed only"
                    : !settings_.secrets_readable ? std::string(kDeliveredByService)
                                                  : "Offline: delivery starting") {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
    if (thread_.joinable() || settings_.accounts.empty()) return;
    thread_ = std::thread([this] { run(); });
}

void SyncWorker::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    stop_flag_ = true;
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SyncWorker::wake() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        woken_ = true;
    }
    cv_.notify_all();
}

void SyncWorker::check_accounts() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        check_requested_ = true;
        woken_ = true;
    }
    cv_.notify_all();
}

std::string SyncWorker::connectivity() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return connectivity_;
}

std::string SyncWorker::fatal_error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return fatal_;
}

namespace {

// Best effort: the status line is a courtesy to a waiting app, never worth failing delivery.
// Line 1 the connectivity line; then one line per account: name, state, problem (tab-separated;
// names and the platforms' words never hold a tab or a line break after sanitising here).
std::string one_field(std::string text) {
    std::replace_if(text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return text;
}

void write_status_file(const std::filesystem::path& data_dir, const std::string& text,
                       const std::vector<AccountHealth>& health) {
    const std::filesystem::path file = data_dir / "sync.status";
    const std::filesystem::path temp = data_dir / "sync.status.tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        if (!out) return;
        out << one_field(text) << "\n";
        for (const AccountHealth& h : health) {
            out << one_field(h.account) << '\t' << (h.checked ? "1" : "0") << (h.offline ? "1" : "0")
                << (h.needs_reauthorisation ? "1" : "0") << '\t' << one_field(h.problem) << "\n";
        }
        if (!out) return;
    }
    std::error_code ec;
    std::filesystem::rename(temp, file, ec);
}

struct StatusFile {
    std::string connectivity;
    std::vector<AccountHealth> health;
};

std::optional<StatusFile> read_status_file(const std::filesystem::path& data_dir) {
    std::ifstream in(data_dir / "sync.status");
    StatusFile status;
    if (!in || !std::getline(in, status.connectivity) || status.connectivity.empty()) return std::nullopt;
    std::string line;
    while (std::getline(in, line)) {
        const auto first = line.find('\t');
        const auto second = first == std::string::npos ? first : line.find('\t', first + 1);
        if (second == std::string::npos || second - first != 4) continue;  // not ours: skip
        const std::string flags = line.substr(first + 1, 3);
        status.health.push_back({line.substr(0, first), flags[0] == '1', flags[1] == '1', flags[2] == '1',
                                 line.substr(second + 1)});
    }
    return status;
}

}  // namespace

void SyncWorker::publish(const std::string& connectivity, bool delivering, std::vector<AccountHealth> health) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (connectivity == connectivity_ && health == health_) return;
        connectivity_ = connectivity;
        health_ = health;
    }
    if (delivering) write_status_file(data_dir_, connectivity, health);
    if (on_change_) on_change_();
}

bool SyncWorker::sleep_for(TimeMs delay_ms, bool* woken) {
    // wait_for measures on the steady clock; a deadline on the system clock would move with it.
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, std::chrono::milliseconds(std::max<TimeMs>(0, delay_ms)), [this] { return stopping_ || woken_; });
    if (woken) *woken = woken_;
    woken_ = false;
    return !stopping_;
}

void SyncWorker::give_up(const std::string& reason) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        fatal_ = reason;
        connectivity_ = "Offline: " + reason;
    }
    if (on_change_) on_change_();  // outside the lock: it may ask connectivity()
}

std::vector<AccountHealth> SyncWorker::account_health() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return health_;
}

void SyncWorker::watch_only() {
    do {
        auto theirs = read_status_file(data_dir_);
        if (theirs) publish(theirs->connectivity, false, theirs->health);
        else publish(kDeliveredByService, false);
    } while (sleep_for(options_.lock_retry_ms));
}

void SyncWorker::run() {
    if (!settings_.secrets_readable) return watch_only();  // no 401 storms without credentials
    SystemClock system_clock;
    const Clock& clock = options_.clock ? *options_.clock : system_clock;
    auto db = Database::open_in(data_dir_);
    if (!db) return give_up(db.error().message);
    std::unique_ptr<SyncLock> held;
    while (!held) {
        auto lock = SyncLock::try_acquire(data_dir_);
        if (lock && *lock) {
            held = std::move(lock.value());
            break;
        }
        if (!lock) {
            publish("Offline: " + lock.error().message, false);
        } else {
            // Another process (the orlive-sync service) delivers: show what it last said.
            auto theirs = read_status_file(data_dir_);
            if (theirs) publish(theirs->connectivity, false, theirs->health);
            else publish("Degraded: another ORLive process (orlivectl sync) is delivering", false);
        }
        if (!sleep_for(options_.lock_retry_ms)) return;
    }

    HttpClient http;
    SyncEngine engine(**db, make_publishers(settings_, http, options_.timeouts), clock, options_.retry);
    engine.set_audit_forwarder(make_audit_forwarder(settings_));
    std::int64_t seen_version = -1;
    std::optional<TimeMs> wake_at = clock.now_ms();
    bool woken = false;
    auto stop_requested = [this] { return stop_flag_.load(); };
    while (!stop_flag_) {
        const TimeMs now = clock.now_ms();
        const std::int64_t version = engine.data_version();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (check_requested_) engine.recheck_accounts();
            check_requested_ = false;
        }
        if (woken || version != seen_version || (wake_at && *wake_at <= now)) {
            seen_version = version;
            auto pass = engine.run_pass(stop_requested);
            if (!pass) publish("Degraded: " + pass.error().message, true, engine.account_health());
            else publish(engine.connectivity(), true, engine.account_health());
            auto next = engine.next_wake();
            wake_at = next ? *next : std::optional<TimeMs>(now + options_.poll_ms);
            // Our own commits change data_version too; start from after them.
            seen_version = engine.data_version();
        }
        // A relative delay, at most poll_ms: the engine's times are wall-clock, the wait is not.
        TimeMs delay = options_.poll_ms;
        if (wake_at) delay = std::clamp<TimeMs>(*wake_at - clock.now_ms(), 0, options_.poll_ms);
        if (!sleep_for(delay, &woken)) break;
    }
}

}  // namespace orlive
