#include "ui/action_dispatch.h"

#include <type_traits>

#include "core/session/session.h"

namespace orlive::ui {

namespace {

// The three ways to post: each action becomes the pipeline's request here, in one place.
PostRequest request_for(const TapMilestone& a) {
    PostRequest request;
    request.milestone_id = a.milestone_id;
    request.note = a.note;
    return request;
}
PostRequest request_for(const PostFreeText& a) {
    PostRequest request;
    request.free_text = a.text;
    return request;
}
PostRequest request_for(const AnswerQuestion& a) {
    PostRequest request;
    request.free_text = a.text;
    request.answers_question = a.question_id;
    return request;
}
PostRequest request_for(const PostStatus& a) {
    PostRequest request;
    request.milestone_id = a.update_id;
    request.fields = a.fields;
    return request;
}

Feedback check_accounts(const DispatchHooks& hooks) {
    if (!hooks.check_accounts) return {false, "Delivery is not running here: no account can be checked"};
    hooks.check_accounts();
    return {true, "Checking every account's sign-in; nothing is posted"};
}

}  // namespace

void apply_actions(Session& session, UiState& state, const std::vector<Action>& actions, TimeMs now,
                   const DispatchHooks& hooks) {
    for (const Action& action : actions) {
        std::optional<Feedback> feedback = std::visit(
            [&](const auto& a) -> std::optional<Feedback> {
                using T = std::decay_t<decltype(a)>;
                if constexpr (std::is_same_v<T, TapMilestone> || std::is_same_v<T, PostFreeText> ||
                              std::is_same_v<T, PostStatus> || std::is_same_v<T, AnswerQuestion>)
                    return session.post(request_for(a));
                if constexpr (std::is_same_v<T, HideQuestion>) {
                    state.questions.confirm_hide = 0;
                    return session.hide_question(a.question_id);
                }
                if constexpr (std::is_same_v<T, UndoPost>) return session.undo(a.post_id);
                if constexpr (std::is_same_v<T, ApproveHeld>) return session.approve_held(a.post_id);
                if constexpr (std::is_same_v<T, DiscardHeld>) return session.discard(a.post_id);
                if constexpr (std::is_same_v<T, RestoreRedaction>)
                    return session.restore_redaction(a.post_id, a.span_index);
                if constexpr (std::is_same_v<T, RedactWord>) return session.redact_word(a.post_id, a.start, a.end);
                if constexpr (std::is_same_v<T, StartCase>) {
                    Feedback result = session.start_case(a.procedure_id, a.consent, a.release_ref, a.patient);
                    if (result.ok) state.coordinator.setup = CaseSetupState{};
                    return result;
                }
                if constexpr (std::is_same_v<T, EndCase>) return session.end_case();
                if constexpr (std::is_same_v<T, RetryDelivery>) return session.retry_delivery(a.post_id);
                if constexpr (std::is_same_v<T, DiscardDelivery>) return session.discard_delivery(a.post_id);
                if constexpr (std::is_same_v<T, RetryDeletion>) return session.retry_deletion(a.post_id);
                if constexpr (std::is_same_v<T, SaveTranscript>) return session.save_transcript(a.case_id);
                if constexpr (std::is_same_v<T, CheckAccounts>) return check_accounts(hooks);
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
                if constexpr (std::is_same_v<T, WithdrawConsent>) {
                    state.compliance.confirm_withdraw = 0;
                    return session.withdraw_consent(a.case_id);
                }
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
