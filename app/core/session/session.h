// Session: the app's single source of truth. It owns the main thread's database connection,
// applies the coordinator's operations and has the snapshot the screens draw rebuilt
// (SnapshotBuilder) after any change. Main thread only.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/audit/compliance_desk.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/privacy/phi_filter.h"
#include "core/session/snapshot.h"
#include "core/session/snapshot_builder.h"
#include "core/compose/post_pipeline.h"
#include "core/compose/settings.h"
#include "core/compose/template_catalog.h"

namespace orlive {

// The outcome of an operation, for the screen's feedback line.
struct Feedback {
    bool ok = true;
    std::string message;
};

class Session {
public:
    Session(std::unique_ptr<Database> db, TemplateCatalog catalog, std::unique_ptr<PhiFilter> filter,
            Settings settings, const Clock& clock);

    // A tap, free text or a hospital-status update: the pipeline's request, as dispatch built it.
    Feedback post(const PostRequest& request);
    Feedback undo(std::int64_t post_id);
    Feedback approve_held(std::int64_t post_id);
    Feedback discard(std::int64_t post_id);
    // The review screen's one-tap corrections of a held post (logged; held_review.h).
    Feedback restore_redaction(std::int64_t post_id, std::size_t span_index);
    Feedback redact_word(std::int64_t post_id, std::size_t start, std::size_t end);
    // The patient's details protect the case's thread (the filter's patient matcher).
    Feedback start_case(const std::string& procedure_id, Consent consent, const std::string& release_ref,
                        const PatientDetails& patient = {});
    Feedback end_case();
    // Takes a follower's question off the Questions tab (logged with its id, never its text).
    // Answers are posts: post() with `answers_question`.
    Feedback hide_question(std::int64_t question_id);
    // Failed deliveries of a post: send again now, or give them up.
    Feedback retry_delivery(std::int64_t post_id);
    Feedback discard_delivery(std::int64_t post_id);
    // A withdrawn post's deletions the platforms refused: try them again now.
    Feedback retry_deletion(std::int64_t post_id);

    // The compliance screen, behind its PIN.
    Feedback unlock_compliance(const std::string& pin);
    void lock_compliance();
    void set_log_filter(const LogFilter& filter);
    Feedback verify_log_now();
    Feedback sign_off_log(std::int64_t through_seq);
    Feedback export_log();
    // Withdraws consent for any recent case, ended or not (only while the screen is unlocked):
    // its unsent posts are cancelled and what went out is deleted from the platforms.
    Feedback withdraw_consent(std::int64_t case_id);

    // First run: where settings are saved, and saving what the wizard collected.
    void set_settings_file(std::filesystem::path file, bool first_run);
    Feedback complete_first_run(const Settings& chosen);

    // Settings and quitting, behind the admin PIN.
    Feedback unlock_admin(const std::string& pin);
    void lock_admin();

    // Releases posts whose undo window ended, erases case data past its retention (checked at
    // most hourly; the app loop wakes at least that often) and notices writes by other processes
    // (orlivectl, the sync daemon). Returns true when the snapshot changed.
    bool tick();
    // When the next state change is due on its own (an undo window ending), if any.
    std::optional<TimeMs> next_deadline();

    void set_connectivity(std::string text);
    // Each account's state as the deliverer last saw it (Admin's account list).
    void set_account_health(std::vector<AccountStateView> health);
    // Where students open the gallery (computed by the platform layer, with its QR code).
    void set_gallery_address(std::string url, QrMatrix qr, bool local_only);
    // Writes the case's transcript (HTML) to DATA_DIR/transcripts/case-ID.html.
    Feedback save_transcript(std::int64_t case_id);
    const SessionSnapshot& snapshot();  // rebuilt lazily after any change

private:
    void rebuild();
    void apply_retention();
    void add_case_list(ComplianceView& view);
    std::int64_t data_version();

    std::unique_ptr<Database> db_;
    TemplateCatalog catalog_;
    std::unique_ptr<PhiFilter> filter_;
    Settings settings_;
    const Clock& clock_;
    PostPipeline pipeline_;
    ComplianceDesk compliance_;
    PinLock admin_lock_;
    SnapshotBuilder builder_;
    bool admin_unlocked_ = false;
    std::filesystem::path settings_file_;
    bool first_run_ = false;
    SessionSnapshot snapshot_;
    std::string connectivity_;
    std::vector<AccountStateView> account_health_;
    std::string gallery_url_;
    QrMatrix gallery_qr_;
    bool gallery_local_only_ = false;
    std::string data_version_error_;  // why other processes' writes cannot be noticed, if so
    bool dirty_ = true;
    std::int64_t last_data_version_ = -1;
    static constexpr TimeMs kRetentionCheckMs = 3600 * 1000;
    TimeMs next_retention_at_ = 0;  // the first tick checks at once
};

}  // namespace orlive
