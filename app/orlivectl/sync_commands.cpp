// orlivectl sync / retry / discard-delivery: drain the outbox from a terminal, and a person's
// decisions on deliveries that failed.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>

#include "core/store/outbox.h"
#include "core/store/remote_deletion.h"
#include "core/base/json_dump.h"
#include "core/base/time_format.h"
#include "orlivectl/commands.h"
#include "sync/audit_forwarder.h"
#include "sync/curl_global.h"
#include "sync/http_client.h"
#include "sync/publisher_factory.h"
#include "sync/sync_engine.h"
#include "sync/sync_lock.h"
#include "sync/sync_worker.h"

namespace orlive::cli {

namespace {

std::filesystem::path data_dir_of(Database& db) { return db.data_dir(); }

Result<int> parse_seconds(const std::string& text) {
    try {
        std::size_t used = 0;
        int value = std::stoi(text, &used);
        if (used == text.size() && value >= 0 && value <= 86400) return value;
    } catch (const std::exception&) {
    }
    return make_error("--timeout must be whole seconds from 0 to 86400, got '" + text + "'");
}

// --once: every due attempt now, then wait for retries and undo windows until the timeout.
int sync_once(Database& db, const Settings& settings, int timeout_seconds) {
    CurlGlobal curl;
    auto lock = SyncLock::try_acquire(data_dir_of(db));
    if (!lock) return fail(lock.error().message);
    if (!*lock)
        return fail("another process (the app or 'orlivectl sync') is delivering from this data dir; "
                    "let it finish or stop it first");
    SystemClock clock;
    HttpClient http;
    SyncEngine engine(db, make_publishers(settings, http), clock);
    engine.set_audit_forwarder(make_audit_forwarder(settings));
    const TimeMs deadline = clock.now_ms() + timeout_seconds * 1000LL;
    PassResult total;
    int unsent = 0;
    while (true) {
        auto pass = engine.run_pass();
        if (!pass) return fail(pass.error().message);
        total.sent += pass->sent;
        total.retrying += pass->retrying;
        total.failed += pass->failed;
        total.deleted += pass->deleted;
        total.witnessed += pass->witnessed;
        auto left = engine.unsent_count();
        if (!left) return fail(left.error().message);
        unsent = *left;
        if (unsent == 0) break;  // posts still in their undo window are not deliverable yet
        auto wake = engine.next_wake();
        if (!wake) return fail(wake.error().message);
        if (!*wake || **wake > deadline) break;
        const TimeMs now = clock.now_ms();
        if (**wake > now) std::this_thread::sleep_for(std::chrono::milliseconds(**wake - now));
    }
    nlohmann::json summary = {{"sent", total.sent},       {"retrying", total.retrying}, {"failed", total.failed},
                              {"deleted", total.deleted}, {"witnessed", total.witnessed}, {"unsent", unsent},           {"connectivity", engine.connectivity()}};
    std::cout << dump_json(summary) << "\n";
    if (unsent > 0) {
        return fail(std::to_string(unsent) + " deliveries still wait for a retry (" + engine.connectivity() +
                    "); run 'orlivectl sync' again or give it a longer --timeout");
    }
    return kExitOk;
}

// Without --once: the same worker the app runs, until SIGTERM or SIGINT.
int sync_forever(Database& db, const Settings& settings) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    // Blocked before the worker starts, so only sigwait below ever sees them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    CurlGlobal curl;
    SyncWorker* self = nullptr;
    SyncWorker worker(data_dir_of(db), settings, [&self] {
        if (self) std::cerr << "orlivectl sync: " << self->connectivity() << "\n";
    });
    self = &worker;
    worker.start();
    int received = 0;
    sigwait(&signals, &received);
    worker.stop();
    return kExitOk;
}

struct DeliveryTarget {
    std::int64_t post_id = 0;
    std::string account;
};

Result<DeliveryTarget> parse_target(const Args& args) {
    if (args.words().size() != 2) return make_error(args.words()[0] + " needs one post id");
    DeliveryTarget target;
    try {
        std::size_t used = 0;
        long long id = std::stoll(args.words()[1], &used);
        if (used != args.words()[1].size() || id <= 0) throw std::invalid_argument("id");
        target.post_id = id;
    } catch (const std::exception&) {
        return make_error("post id must be a positive number, got '" + args.words()[1] + "'");
    }
    target.account = args.get("account").value_or("");
    return target;
}

}  // namespace

int run_sync(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "once", "timeout"});
    if (!unknown.empty()) return usage_error("sync does not take " + unknown.front());
    if (args.words().size() != 1) return usage_error("sync takes no arguments");
    int timeout = 30;
    if (auto text = args.get("timeout")) {
        auto parsed = parse_seconds(*text);
        if (!parsed) return usage_error(parsed.error().message);
        timeout = *parsed;
    }
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto settings = context.credentials();  // without them every request would be refused
    if (!settings) return fail(settings.error().message);
    if ((*settings)->accounts.empty() && (*settings)->audit_syslog.empty()) {
        std::cerr << "orlivectl: no accounts are configured; posts stay in the local feed\n";
        return kExitOk;
    }
    return args.has("once") ? sync_once(**db, **settings, timeout) : sync_forever(**db, **settings);
}

int run_delivery_decision(CommandContext& context, const Args& args) {
    const std::string& verb = args.words()[0];
    auto unknown = args.unknown({"data-dir", "config", "account"});
    if (!unknown.empty()) return usage_error(verb + " does not take " + unknown.front());
    auto target = parse_target(args);
    if (!target) return usage_error(target.error().message);
    auto db = context.database();
    if (!db) return fail(db.error().message);
    const TimeMs now = context.clock().now_ms();
    // A withdrawn post has nothing left to send: what can fail, and be retried, is its deletion.
    if (verb == "retry") {
        if (auto deletions = retry_failed_deletions(**db, target->post_id, target->account, now)) {
            std::cout << "post " << target->post_id << ": " << *deletions << " deletion" << (*deletions == 1 ? "" : "s")
                      << " queued again\n";
            return kExitOk;
        }
    }
    auto changed = verb == "retry" ? retry_deliveries(**db, target->post_id, target->account, now)
                                   : discard_deliveries(**db, target->post_id, target->account, now);
    if (!changed) return fail(changed.error().message);
    std::cout << "post " << target->post_id << ": " << *changed << " deliver" << (*changed == 1 ? "y" : "ies")
              << (verb == "retry" ? " queued again" : " discarded") << "\n";
    return kExitOk;
}

}  // namespace orlive::cli
