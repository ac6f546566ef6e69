// SessionSnapshot: the read-only view of the state that every screen draws from, rebuilt after
// any change. Values only: no database, network or window types reach a screen through here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/compliance_view.h"
#include "core/base/clock.h"
#include "core/base/qr_matrix.h"
#include "core/compose/procedure_template.h"
#include "core/compose/settings.h"
#include "core/privacy/review_draft.h"
#include "core/thread/thread_view.h"
#include "core/store/consent.h"
#include "core/store/post_record.h"

namespace orlive {

struct MilestoneView {
    std::string id;
    std::string label;
    int step = 0;
    bool done = false;              // a live post exists for it
    bool next = false;              // the next expected milestone
    TimeMs done_at = 0;
    std::vector<std::string> notes; // pre-approved phrases
};

struct CaseView {
    std::int64_t id = 0;
    std::string procedure_id;
    std::string procedure_name;
    Consent consent = Consent::None;
    std::string release_ref;
    TimeMs started_at = 0;
    int done_count = 0;
    std::vector<MilestoneView> milestones;
    int update_minutes = 30;        // followers expect an update at least this often
    TimeMs last_update_at = 0;      // the case's newest live post, else its start
};

// A hospital-status update a coordinator posts with number pickers (crisis updates).
struct StatusUpdateView {
    std::string id;
    std::string label;
    std::vector<TemplateField> fields;
};

struct PostView {
    PostRecord post;
    std::string title;  // the milestone's label, or "Update"
};

// A follower's reply to the case's thread: untrusted public text, shown on this screen only.
struct QuestionView {
    std::int64_t id = 0;
    std::string platform;     // for people: "Mastodon", "Bluesky", …
    std::string account;      // our account it came to
    std::string author;
    std::string text;
    TimeMs received_at = 0;
    std::string replying_to;  // the title of our post it answers ("Incision"), if known
    bool answered = false;
    bool answerable = true;   // false once the case's consent is withdrawn
    std::vector<AccountKind> platform_kind;  // the answer's one platform, for the length counter
};

// One account on Admin: what the deliverer last found when it checked the credentials.
struct AccountStateView {
    enum class State { NotChecked, Online, Offline, NeedsSignIn };
    std::string name;
    std::string platform;  // for people: "Mastodon", "Facebook Page", …
    State state = State::NotChecked;
    std::string problem;   // the platform's words (never a secret); empty when fine
    bool operator==(const AccountStateView&) const = default;
};

struct ProcedureChoice {
    std::string id;
    std::string name;
    std::string specialty;
    int milestone_count = 0;
};

// The admin (IT) lock over settings and quitting the kiosk.
struct AdminView {
    bool pin_configured = false;
    bool unlocked = false;
    int failed_attempts = 0;
    TimeMs locked_until = 0;
};

struct SessionSnapshot {
    TimeMs now = 0;
    std::optional<CaseView> active;
    std::vector<PostView> feed;           // the active (else latest) case's posts, newest first
    std::optional<PostView> undoable;     // newest post still in its undo window
    std::optional<PostView> held;         // oldest post waiting for review
    std::vector<ReviewPiece> held_pieces; // its words and redactions, each one tap to correct
    QueueStats queue;
    std::string connectivity;             // "Local feed only", "Online", "Offline: …"
    std::vector<std::string> accounts;    // "main (mastodon)": names and kinds, never secrets
    std::vector<AccountKind> platforms;   // each account's kind, in the same order (length counters)
    std::vector<AccountStateView> account_states;  // each account, in the same order (Admin)
    // This app cannot read the accounts' secrets file (the package's least privilege): it never
    // delivers; the orlive-sync service does, and Admin says so instead of offering a test.
    bool delivered_by_service = false;
    std::vector<ProcedureChoice> procedures;
    std::vector<StatusUpdateView> status_updates;
    int undo_seconds = 10;
    std::string hospital_name;
    ComplianceView compliance;            // log rows only while unlocked
    AdminView admin;
    bool first_run = false;               // no settings file yet: offer the set-up wizard
    std::vector<std::string> default_hashtags;
    std::vector<std::string> read_errors; // what could not be read this time, for the header
    // The gallery screen: the active case's thread as it went out (the LAN gallery's rule),
    // and the gallery page's address with its QR code (empty when the machine has no LAN).
    std::optional<PublishedThread> gallery;
    std::string gallery_url;
    QrMatrix gallery_qr;
    bool gallery_local_only = false;      // gallery_listen is loopback: phones cannot reach it yet
    std::optional<std::int64_t> transcript_case;  // no case active: the last ended one, to save
    // Followers' questions to the active (else the last ended) case, newest first, hidden and
    // erased ones left out; the header's badge counts the unanswered ones.
    std::vector<QuestionView> questions;
    int new_questions = 0;
    std::vector<std::string> answer_phrases;  // that case's procedure's pre-approved answers
};

}  // namespace orlive
