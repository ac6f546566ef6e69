#include "ui/action_dispatch.h"

#include <type_traits>

namespace orlive::ui {

void apply_actions(Session& session, UiState& state, const std::vector<Action>& actions, TimeMs now) {
    for (const Action& action : actions) {
        std::optional<Feedback> feedback = std::visit(
            [&](const auto& a) -> std::optional<Feedback> {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, TapMilestone>) return session.tap_milestone(a.milestone_id, a.note);
                if constexpr (std::is_same_v<T, UndoPost>) return session.undo(a.post_id);
                if constexpr (std::is_same_v<T, ApproveHeld>) return session.approve_held(a.post_id);
                if constexpr (std::is_same_v<T, DiscardHeld>) return session.discard(a.post_id);
                if constexpr (std::is_same_v<T, StartCase>) {
                    Feedback result = session.start_case(a.procedure_id, a.consent, a.release_ref);
                    if (result.ok) state.coordinator.setup = CaseSetupState{};
                    return result;
                }
                if constexpr (std::is_same_v<T, EndCase>) return session.end_case();
                if constexpr (std::is_same_v<T, RetryDelivery>) return session.retry_delivery(a.post_id);
                if constexpr (std::is_same_v<T, DiscardDelivery>) return session.discard_delivery(a.post_id);
                // The loop hands this one to the sync worker (the session has no network).
                if constexpr (std::is_same_v<T, CheckAccounts>)
                    return Feedback{true, "Checking every account's sign-in; nothing is posted"};
                if constexpr (std::is_same_v<T, ShowScreen>) {
                    state.screen = a.screen;
                    return std::nullopt;
                }
            },
            action);
        if (feedback) state.feedback = {feedback->ok, feedback->message, now};
    }
}

}  // namespace orlive::ui
