#include "ui/action_dispatch.h"

#include <type_traits>

namespace orlive::ui {

void apply_actions(Session& session, UiState& state, const std::vector<Action>& actions, TimeMs now) {
    for (const Action& action : actions) {
        std::optional<Feedback> feedback = std::visit(
            [&](const auto& a) -> std::optional<Feedback> {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, TapMilestone>) return session.tap_milestone(a.milestone_id, a.note);
                if constexpr (std::is_same_v<T, PostFreeText>) return session.post_free_text(a.text);
                if constexpr (std::is_same_v<T, PostStatus>) return session.post_status(a.update_id, a.fields);
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
                if constexpr (std::is_same_v<T, SaveTranscript>) return session.save_transcript(a.case_id);
                // The loop hands this one to the sync worker (the session has no network).
                if constexpr (std::is_same_v<T, CheckAccounts>)
                    return Feedback{true, "Checking every account's sign-in; nothing is posted"};
                if constexpr (std::is_same_v<T, ShowScreen>) {
                    // Leaving the compliance screen locks it: no way back in without the PIN.
                    if (a.screen != Screen::Compliance) session.lock_compliance();
                    if (a.screen != Screen::Settings) session.lock_admin();
                    state.screen = a.screen;
                    return std::nullopt;
                }
                if constexpr (std::is_same_v<T, UnlockCompliance>) {
                    state.compliance.pin_digits.clear();
                    return session.unlock_compliance(a.pin);
                }
                if constexpr (std::is_same_v<T, LockCompliance>) {
                    session.lock_compliance();
                    return std::nullopt;
                }
                if constexpr (std::is_same_v<T, SetLogFilter>) {
                    session.set_log_filter(a.filter);
                    return std::nullopt;
                }
                if constexpr (std::is_same_v<T, VerifyLog>) return session.verify_log_now();
                if constexpr (std::is_same_v<T, SignOffLog>) return session.sign_off_log(a.through_seq);
                if constexpr (std::is_same_v<T, ExportLog>) return session.export_log();
                if constexpr (std::is_same_v<T, UnlockAdmin>) return session.unlock_admin(a.pin);
                if constexpr (std::is_same_v<T, CompleteFirstRun>) return session.complete_first_run(a.settings);
                if constexpr (std::is_same_v<T, QuitApp>) {
                    state.quit_requested = true;
                    return std::nullopt;
                }
            },
            action);
        if (feedback) state.feedback = {feedback->ok, feedback->message, now};
    }
}

}  // namespace orlive::ui
