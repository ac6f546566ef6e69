// The app's main loop: wait for input or a deadline, tick the session, draw only when
// something visible changed, apply the screens' actions. Main thread only.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/session/session.h"
#include "platform/window.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace orlive::platform {

// What the loop did, for ORLIVE_LOOP_STATS (the idle benchmark counts frames and wake-ups).
struct LoopStats {
    long long frames = 0;
    long long wakeups = 0;
};

struct LoopOptions {
    std::optional<std::filesystem::path> screenshot;  // render until settled, save, return
    bool kiosk = false;  // window-close requests are ignored: quitting needs the admin PIN
    // The sync worker's connectivity line; called on the main thread, returns a copy.
    std::function<std::string()> connectivity;
    // Each account's state, the same way (Admin's account list).
    std::function<std::vector<AccountStateView>()> account_health;
    // Called when the number of unsent deliveries changed (a post was queued): wake the worker.
    std::function<void()> outbox_changed;
    // The settings screen's "Test connection": verify credentials without posting.
    std::function<void()> check_accounts;
    // A FileWatcher posts a wake-up when another process writes the database: poll rarely.
    bool watching_files = false;
    // Set from another thread (StopSignal) to end the loop as if quit was chosen.
    const std::atomic<bool>* stop_requested = nullptr;
    // Called once when the loop ends.
    std::function<void(const LoopStats&)> on_exit;
};

// Returns the process exit status.
int run_app(Session& session, Window& window, ui::UiState& state, const ui::Fonts& fonts, const LoopOptions& options);

}  // namespace orlive::platform
