// Session: the app's single source of truth. It owns the main thread's database connection,
// applies the coordinator's operations and builds the read-only snapshot the screens draw.
// Main thread only.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/store/case_store.h"
#include "core/base/clock.h"
#include "core/audit/compliance_desk.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/privacy/phi_filter.h"
#include "core/compose/post_pipeline.h"
#include "core/compose/settings.h"
#include "core/compose/template_catalog.h"
#include "core/base/qr_matrix.h"
#include "core/thread/published_thread.h"

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
    QueueStats queue;
    std::string connectivity;             // "Local feed only", "Online", "Offline: …"
    std::vector<std::string> accounts;    // "main (mastodon)": names and kinds, never secrets
    std::vector<ProcedureChoice> procedures;
    std::vector<StatusUpdateView> status_updates;
    int undo_seconds = 10;
    std::string hospital_name;
    ComplianceView compliance;            // log rows only while unlocked
    AdminView admin;
    bool first_run = false;               // no settings file yet: offer the set-up wizard
    std::vector<std::string> default_hashtags;
    // The gallery screen: the active case's thread as it went out (the LAN gallery's rule),
    // and the gallery page's address with its QR code (empty when the machine has no LAN).
    std::optional<PublishedThread> gallery;
    std::string gallery_url;
    QrMatrix gallery_qr;
    bool gallery_local_only = false;      // gallery_listen is loopback: phones cannot reach it yet
    std::optional<std::int64_t> transcript_case;  // no case active: the last ended one, to save
};

// The outcome of an operation, for the screen's feedback line.
struct Feedback {
    bool ok = true;
    std::string message;
};

class Session {
public:
    Session(std::unique_ptr<Database> db, TemplateCatalog catalog, std::unique_ptr<PhiFilter> filter,
            Settings settings, const Clock& clock);

    Feedback tap_milestone(const std::string& milestone_id, const std::string& note);
    Feedback post_free_text(const std::string& text);
    Feedback post_status(const std::string& update_id, const std::map<std::string, std::string>& fields);
    Feedback undo(std::int64_t post_id);
    Feedback approve_held(std::int64_t post_id);
    Feedback discard(std::int64_t post_id);
    Feedback start_case(const std::string& procedure_id, Consent consent, const std::string& release_ref);
    Feedback end_case();
    // Failed deliveries of a post: send again now, or give them up.
    Feedback retry_delivery(std::int64_t post_id);
    Feedback discard_delivery(std::int64_t post_id);

    // The compliance screen, behind its PIN.
    Feedback unlock_compliance(const std::string& pin);
    void lock_compliance();
    void set_log_filter(const LogFilter& filter);
    Feedback verify_log_now();
    Feedback sign_off_log(std::int64_t through_seq);
    Feedback export_log();

    // First run: where settings are saved, and saving what the wizard collected.
    void set_settings_file(std::filesystem::path file, bool first_run);
    Feedback complete_first_run(const Settings& chosen);

    // Settings and quitting, behind the admin PIN.
    Feedback unlock_admin(const std::string& pin);
    void lock_admin();

    // Releases posts whose undo window ended and notices writes by other processes
    // (orlivectl, the sync daemon). Returns true when the snapshot changed.
    bool tick();
    // When the next state change is due on its own (an undo window ending), if any.
    std::optional<TimeMs> next_deadline();

    void set_connectivity(std::string text);
    // Where students open the gallery (computed by the platform layer, with its QR code).
    void set_gallery_address(std::string url, QrMatrix qr, bool local_only);
    // Writes the case's transcript (HTML) to DATA_DIR/transcripts/case-ID.html.
    Feedback save_transcript(std::int64_t case_id);
    const SessionSnapshot& snapshot();  // rebuilt lazily after any change

private:
    Feedback post(const PostRequest& request);
    void rebuild();
    void add_gallery(SessionSnapshot& next);
    std::int64_t data_version();

    std::unique_ptr<Database> db_;
    TemplateCatalog catalog_;
    std::unique_ptr<PhiFilter> filter_;
    Settings settings_;
    const Clock& clock_;
    PostPipeline pipeline_;
    ComplianceDesk compliance_;
    PinLock admin_lock_;
    bool admin_unlocked_ = false;
    std::filesystem::path settings_file_;
    bool first_run_ = false;
    SessionSnapshot snapshot_;
    std::string connectivity_;
    std::string gallery_url_;
    QrMatrix gallery_qr_;
    bool gallery_local_only_ = false;
    bool dirty_ = true;
    std::int64_t last_data_version_ = -1;
};

}  // namespace orlive
