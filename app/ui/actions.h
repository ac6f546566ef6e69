// Actions: what a screen asks for. Screens append them while drawing; the main loop applies
// them after the frame (action_dispatch.h), so drawing never changes state.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>

#include "core/audit/compliance_view.h"
#include "core/compose/settings.h"
#include "core/privacy/phi_filter.h"
#include "core/store/consent.h"

namespace orlive::ui {

enum class Screen { Coordinator, Questions, Feed, Compliance, Settings, Gallery };

struct TapMilestone {
    std::string milestone_id;
    std::string note;
};
struct PostFreeText {
    std::string text;  // typed on the on-screen keyboard; goes through the filter and review
};
struct PostStatus {
    std::string update_id;
    std::map<std::string, std::string> fields;
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
// The review screen's corrections: put a redaction back, or redact a word (source bytes).
struct RestoreRedaction {
    std::int64_t post_id = 0;
    std::size_t span_index = 0;
};
struct RedactWord {
    std::int64_t post_id = 0;
    std::size_t start = 0;
    std::size_t end = 0;
};
struct StartCase {
    std::string procedure_id;
    Consent consent = Consent::None;
    std::string release_ref;
    PatientDetails patient;  // whom the filter protects; from the Case screen, never shown again
};
struct EndCase {};
// A person's decision on a post's failed deliveries (all accounts that failed).
struct RetryDelivery {
    std::int64_t post_id = 0;
};
struct DiscardDelivery {
    std::int64_t post_id = 0;
};
// A withdrawn post the platforms refused to delete: try every failed deletion again.
struct RetryDeletion {
    std::int64_t post_id = 0;
};
struct ShowScreen {
    Screen screen = Screen::Coordinator;
};
struct UnlockCompliance {
    std::string pin;
};
struct LockCompliance {};
struct SetLogFilter {
    LogFilter filter;
};
struct VerifyLog {};
struct SignOffLog {
    std::int64_t through_seq = 0;
};
struct ExportLog {};
// From the compliance screen's case list, after its confirmation tap.
struct WithdrawConsent {
    std::int64_t case_id = 0;
};
struct UnlockAdmin {
    std::string pin;
};
struct QuitApp {};  // only offered behind the admin PIN
struct CompleteFirstRun {
    Settings settings;
};

// Write an ended case's transcript under the data dir (the session says where).
struct SaveTranscript {
    std::int64_t case_id = 0;
};

// The Questions tab: an answer to one follower's question goes through the same pipeline as
// any post (filter, consent, log, undo window); hiding one takes it off the screen (logged).
struct AnswerQuestion {
    std::int64_t question_id = 0;
    std::string text;
};
struct HideQuestion {
    std::int64_t question_id = 0;
};

// Verify every account's credentials now, without posting (the result shows as connectivity).
struct CheckAccounts {};

using Action = std::variant<TapMilestone, PostFreeText, PostStatus, UndoPost, ApproveHeld, DiscardHeld, RestoreRedaction, RedactWord, StartCase, EndCase, ShowScreen,
                            UnlockCompliance, LockCompliance, SetLogFilter, VerifyLog, SignOffLog, ExportLog, WithdrawConsent, UnlockAdmin, QuitApp, CompleteFirstRun,
                            RetryDelivery, DiscardDelivery, CheckAccounts, SaveTranscript, AnswerQuestion, HideQuestion, RetryDeletion>;

}  // namespace orlive::ui
