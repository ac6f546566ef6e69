// Screen-local state: what the screens remember between frames that is not domain state
// (selections, confirmations, the last feedback line). Plain data, main thread only.
#pragma once

#include <string>

#include "core/case_store.h"
#include "core/clock.h"
#include "ui/actions.h"

namespace orlive::ui {

struct CaseSetupState {
    std::string procedure_id;   // picked tile
    Consent consent = Consent::None;
    std::string release_digits; // typed on the on-screen keypad: "REL-" + digits
};

struct CoordinatorState {
    CaseSetupState setup;
    bool confirm_end = false;
};

struct ComplianceScreenState {
    std::string pin_digits;          // typed on the keypad, cleared after each attempt
    std::int64_t selected_seq = 0;   // the entry whose context is shown
};

struct FeedbackLine {
    bool ok = true;
    std::string message;
    TimeMs shown_at = 0;
};

struct UiState {
    Screen screen = Screen::Coordinator;
    CoordinatorState coordinator;
    ComplianceScreenState compliance;
    FeedbackLine feedback;
};

}  // namespace orlive::ui
