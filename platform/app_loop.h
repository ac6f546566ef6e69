// The app's main loop: wait for input or a deadline, tick the session, draw only when
// something visible changed, apply the screens' actions. Main thread only.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "core/session/session.h"
#include "platform/window.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace orlive::platform {

struct LoopOptions {
    std::optional<std::filesystem::path> screenshot;  // render until settled, save, return
    bool kiosk = false;  // window-close requests are ignored: quitting needs the admin PIN
    // The sync worker's connectivity line; called on the main thread, returns a copy.
    std::function<std::string()> connectivity;
    // Called when the number of unsent deliveries changed (a post was queued): wake the worker.
    std::function<void()> outbox_changed;
    // The settings screen's "Test connection": verify credentials without posting.
    std::function<void()> check_accounts;
};

// Returns the process exit status.
int run_app(Session& session, Window& window, ui::UiState& state, const ui::Fonts& fonts, const LoopOptions& options);

}  // namespace orlive::platform
