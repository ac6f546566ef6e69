// Applies the screens' actions to the Session after a frame, and records the feedback line.
// Main thread only.
#pragma once

#include <vector>

#include "core/session/session.h"
#include "ui/actions.h"
#include "ui/ui_state.h"

namespace orlive::ui {

void apply_actions(Session& session, UiState& state, const std::vector<Action>& actions, TimeMs now);

}  // namespace orlive::ui
