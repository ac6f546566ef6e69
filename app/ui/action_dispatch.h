// Applies the screens' actions to the Session after a frame, and records the feedback line.
// Main thread only.
#pragma once

#include <functional>
#include <vector>

#include "core/base/clock.h"
#include "ui/actions.h"
#include "ui/ui_state.h"

namespace orlive {
class Session;
}

namespace orlive::ui {

// What dispatch hands outside the session (the session has no network). Unset: not offered.
struct DispatchHooks {
    std::function<void()> check_accounts;  // the sync worker verifies every account's sign-in
};

void apply_actions(Session& session, UiState& state, const std::vector<Action>& actions, TimeMs now,
                   const DispatchHooks& hooks = {});

}  // namespace orlive::ui
