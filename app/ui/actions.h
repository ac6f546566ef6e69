// Actions: what a screen asks for. Screens append them while drawing; the main loop applies
// them after the frame (action_dispatch.h), so drawing never changes state.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "core/case_store.h"

namespace orlive::ui {

enum class Screen { Coordinator, Feed, Compliance, Settings };

struct TapMilestone {
    std::string milestone_id;
    std::string note;
};
struct UndoPost {
    std::int64_t post_id = 0;
};
struct ApproveHeld {
    std::int64_t post_id = 0;
};
struct DiscardHeld {
    std::int64_t post_id = 0;
};
struct StartCase {
    std::string procedure_id;
    Consent consent = Consent::None;
    std::string release_ref;
};
struct EndCase {};
// A person's decision on a post's failed deliveries (all accounts that failed).
struct RetryDelivery {
    std::int64_t post_id = 0;
};
struct DiscardDelivery {
    std::int64_t post_id = 0;
};
struct ShowScreen {
    Screen screen = Screen::Coordinator;
};

// Verify every account's credentials now, without posting (the result shows as connectivity).
struct CheckAccounts {};

using Action = std::variant<TapMilestone, UndoPost, ApproveHeld, DiscardHeld, StartCase, EndCase, ShowScreen,
                            RetryDelivery, DiscardDelivery, CheckAccounts>;

}  // namespace orlive::ui
