// Session: the coordinator's operations on the main connection, and the snapshot after them.
// [SECTION] Posting, undo and review
// [SECTION] Cases and deliveries
// [SECTION] Compliance, first run and admin
// [SECTION] Ticks, retention and other processes' writes
// [SECTION] Transcript and the snapshot
#include "core/session/session.h"

#include "core/base/atomic_file.h"
#include "core/store/case_store.h"
#include "core/store/retention.h"
#include "core/store/consent_change.h"
#include "core/store/held_review.h"
#include "core/store/question_store.h"
#include "core/store/remote_deletion.h"
#include "core/thread/transcript.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/audit/pin_hash.h"

namespace orlive {

namespace {
Feedback failed(const Error& error) { return {false, error.message}; }
}  // namespace

Session::Session(std::unique_ptr<Database> db, TemplateCatalog catalog, std::unique_ptr<PhiFilter> filter,
                 Settings settings, const Clock& clock)
    : db_(std::move(db)),
      catalog_(std::move(catalog)),
      filter_(std::move(filter)),
      settings_(std::move(settings)),
      clock_(clock),
      pipeline_(*db_, catalog_, *filter_, settings_, clock_),
      compliance_(*db_, settings_.compliance_pin_secret(), clock_),
      admin_lock_(settings_.admin_pin_secret(), db_.get(), "admin"),
      builder_(*db_, catalog_, settings_),
      connectivity_(settings_.accounts.empty() ? "Local feed only" : "Offline: delivery not started") {}

// ==== [SECTION] Posting, undo and review =====================================================

Feedback Session::post(const PostRequest& request) {
    auto outcome = pipeline_.post(request);
    dirty_ = true;
    if (!outcome) return failed(outcome.error());
    Feedback feedback;
    switch (outcome->state) {
        case PostState::Blocked: return {false, outcome->reason};
        case PostState::Held: feedback = {true, "Review the redacted text before it is sent"}; break;
        case PostState::Queued: feedback = {true, "Saved and queued"}; break;
        default: feedback = {true, "Saved; sending after the undo window"}; break;
    }
    // Said now, not after the undo window: the platform that cannot take it is named.
    for (const std::string& refused : outcome->too_long) {
        feedback.ok = false;
        feedback.message += "\n" + refused;
    }
    return feedback;
}

Feedback Session::undo(std::int64_t post_id) {
    auto status = undo_post(*db_, post_id, clock_.now_ms());
    dirty_ = true;
    return status ? Feedback{true, "Undone: nothing was sent"} : failed(status.error());
}

Feedback Session::hide_question(std::int64_t question_id) {
    auto status = orlive::hide_question(*db_, question_id, clock_.now_ms());
    dirty_ = true;
    return status ? Feedback{true, "Hidden: it stays off every screen"} : failed(status.error());
}

Feedback Session::approve_held(std::int64_t post_id) {
    auto status = approve_held_post(*db_, post_id, clock_.now_ms(), settings_.undo_seconds * 1000LL);
    dirty_ = true;
    return status ? Feedback{true, "Sending the redacted text as shown"} : failed(status.error());
}

Feedback Session::discard(std::int64_t post_id) {
    auto status = discard_post(*db_, post_id, clock_.now_ms());
    dirty_ = true;
    return status ? Feedback{true, "Discarded: nothing was sent"} : failed(status.error());
}

Feedback Session::restore_redaction(std::int64_t post_id, std::size_t span_index) {
    ReviewEdit edit;
    edit.span_index = span_index;
    auto status = edit_held_review(*db_, post_id, edit, clock_.now_ms());
    dirty_ = true;
    return status ? Feedback{true, "Restored: check the text, then send or discard"} : failed(status.error());
}

Feedback Session::redact_word(std::int64_t post_id, std::size_t start, std::size_t end) {
    ReviewEdit edit;
    edit.kind = ReviewEdit::Kind::Redact;
    edit.start = start;
    edit.end = end;
    auto status = edit_held_review(*db_, post_id, edit, clock_.now_ms());
    dirty_ = true;
    return status ? Feedback{true, "Redacted"} : failed(status.error());
}

// ==== [SECTION] Cases and deliveries =========================================================

Feedback Session::start_case(const std::string& procedure_id, Consent consent, const std::string& release_ref,
                             const PatientDetails& patient) {
    const ProcedureTemplate* tpl = catalog_.find(procedure_id);
    if (!tpl || tpl->kind != TemplateKind::Procedure) return {false, "unknown procedure '" + procedure_id + "'"};
    CaseStart start;
    start.procedure_id = procedure_id;
    start.consent = consent;
    start.release_ref = release_ref;
    start.patient = patient;
    auto id = orlive::start_case(*db_, start, clock_.now_ms());
    dirty_ = true;
    return id ? Feedback{true, "Case started: " + tpl->name} : failed(id.error());
}

Feedback Session::end_case() {
    auto id = end_active_case(*db_, clock_.now_ms());
    dirty_ = true;
    return id ? Feedback{true, "Case ended"} : failed(id.error());
}

Feedback Session::retry_delivery(std::int64_t post_id) {
    auto changed = retry_deliveries(*db_, post_id, "", clock_.now_ms());
    dirty_ = true;
    return changed ? Feedback{true, "Sending again"} : failed(changed.error());
}

Feedback Session::discard_delivery(std::int64_t post_id) {
    auto changed = discard_deliveries(*db_, post_id, "", clock_.now_ms());
    dirty_ = true;
    return changed ? Feedback{true, "Delivery given up: it will not be sent"} : failed(changed.error());
}

Feedback Session::retry_deletion(std::int64_t post_id) {
    auto changed = retry_failed_deletions(*db_, post_id, "", clock_.now_ms());
    dirty_ = true;
    return changed ? Feedback{true, "Deleting it from the platforms again"} : failed(changed.error());
}

// ==== [SECTION] Compliance, first run and admin ==============================================

Feedback Session::unlock_compliance(const std::string& pin) {
    Status status = compliance_.unlock(pin);
    dirty_ = true;
    return status ? Feedback{true, "Compliance review unlocked"} : failed(status.error());
}

void Session::lock_compliance() {
    compliance_.lock();
    dirty_ = true;
}

void Session::set_log_filter(const LogFilter& filter) {
    compliance_.set_filter(filter);
    dirty_ = true;
}

Feedback Session::verify_log_now() {
    Status status = compliance_.verify();
    dirty_ = true;
    return status ? Feedback{true, "Chain verified"} : failed(status.error());
}

Feedback Session::sign_off_log(std::int64_t through_seq) {
    Status status = compliance_.sign_off_through(through_seq);
    dirty_ = true;
    return status ? Feedback{true, "Signed off entries 1-" + std::to_string(through_seq)} : failed(status.error());
}

Feedback Session::export_log() {
    auto path = compliance_.export_csv();
    dirty_ = true;
    return path ? Feedback{true, "Exported to " + *path} : failed(path.error());
}

Feedback Session::withdraw_consent(std::int64_t case_id) {
    if (!compliance_.unlocked()) return {false, "Unlock the compliance screen to withdraw consent"};
    compliance_.touch();
    ConsentChange change;
    change.case_id = case_id;
    change.consent = Consent::None;
    auto result = change_consent(*db_, change, clock_.now_ms());
    dirty_ = true;
    if (!result) return failed(result.error());
    return {true, "Consent withdrawn for case " + std::to_string(case_id) + ": " + std::to_string(result->cancelled) +
                      " unsent post(s) cancelled; what went out is being deleted"};
}

void Session::set_settings_file(std::filesystem::path file, bool first_run) {
    settings_file_ = std::move(file);
    first_run_ = first_run;
    dirty_ = true;
}

Feedback Session::complete_first_run(const Settings& chosen) {
    Settings next = chosen;
    next.accounts = settings_.accounts;  // accounts are IT's, in the file
    next.ui_scale = settings_.ui_scale;
    // IT may have added accounts (`orlivectl account add`) while the wizard was open: the
    // file's accounts win over the ones read at start, so saving never erases them.
    auto on_disk = load_settings(settings_file_, true);
    if (!on_disk) return failed(on_disk.error());
    if (std::filesystem::exists(settings_file_)) next.accounts = on_disk->accounts;
    // The wizard's PINs are kept only as hashes, in the file and in memory.
    for (auto [plain, hash] : {std::pair{&next.compliance_pin, &next.compliance_pin_hash},
                               std::pair{&next.admin_pin, &next.admin_pin_hash}}) {
        if (plain->empty()) continue;
        auto hashed = hash_pin(*plain);
        if (!hashed) return failed(hashed.error());
        *hash = *hashed;
        plain->clear();
    }
    if (auto saved = save_settings(next, settings_file_); !saved) return failed(saved.error());
    settings_ = std::move(next);  // the pipeline reads settings_ by reference
    compliance_.set_pin(settings_.compliance_pin_secret());
    admin_lock_ = PinLock(settings_.admin_pin_secret(), db_.get(), "admin");
    first_run_ = false;
    dirty_ = true;
    return {true, "Settings saved to " + settings_file_.string()};
}

Feedback Session::unlock_admin(const std::string& pin) {
    const TimeMs now = clock_.now_ms();
    const bool was_locked_out = admin_lock_.locked_until() > now;
    Status status = admin_lock_.check(pin, now);
    if (!status && !was_locked_out && admin_lock_.configured()) {
        // A wrong admin PIN is part of the audit trail, as a wrong compliance PIN is.
        LogEntry entry;
        entry.at = now;
        entry.action = log_action::kAdminPinFailed;
        entry.detail = "wrong admin PIN";
        (void)append_log(*db_, {entry});
    }
    admin_unlocked_ = status.ok();
    dirty_ = true;
    return status ? Feedback{true, "Admin unlocked"} : failed(status.error());
}

void Session::lock_admin() {
    admin_unlocked_ = false;
    dirty_ = true;
}

// ==== [SECTION] Ticks, retention and other processes' writes =================================

bool Session::tick() {
    if (compliance_.lock_if_idle()) dirty_ = true;
    apply_retention();
    auto released = release_due_posts(*db_, clock_.now_ms());
    if (released && *released > 0) dirty_ = true;
    std::int64_t version = data_version();
    if (version != last_data_version_) {
        last_data_version_ = version;
        dirty_ = true;
    }
    return dirty_;
}

void Session::apply_retention() {
    const TimeMs now = clock_.now_ms();
    if (now < next_retention_at_) return;
    next_retention_at_ = now + kRetentionCheckMs;
    // A busy database (orlivectl mid-write) only delays it: the next check erases them.
    auto erased = purge_expired_case_data(*db_, now);
    if (!erased || *erased > 0) dirty_ = true;
}

std::optional<TimeMs> Session::next_deadline() {
    auto next = next_release_at(*db_);
    return next ? *next : std::nullopt;
}

void Session::set_connectivity(std::string text) {
    if (text == connectivity_) return;
    connectivity_ = std::move(text);
    dirty_ = true;
}

void Session::set_account_health(std::vector<AccountStateView> health) {
    if (health == account_health_) return;
    account_health_ = std::move(health);
    dirty_ = true;
}

void Session::set_gallery_address(std::string url, QrMatrix qr, bool local_only) {
    gallery_url_ = std::move(url);
    gallery_qr_ = std::move(qr);
    gallery_local_only_ = local_only;
    dirty_ = true;
}

// ==== [SECTION] Transcript and the snapshot ==================================================

Feedback Session::save_transcript(std::int64_t case_id) {
    auto thread = published_thread(*db_, catalog_, settings_.hospital_name, case_id);
    if (!thread) return {false, thread.error().message};
    if (!thread->has_value()) return {false, "No case " + std::to_string(case_id) + " to save"};
    const std::filesystem::path dir = db_->data_dir() / "transcripts";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return {false, "Cannot create " + dir.string() + ": " + ec.message()};
    const std::filesystem::path file = dir / ("case-" + std::to_string(case_id) + ".html");
    auto written = write_file_atomically(file, render_transcript(thread->value(), TranscriptFormat::Html), 0640);
    return written ? Feedback{true, "Transcript saved to " + file.string()} : Feedback{false, written.error().message};
}

std::int64_t Session::data_version() {
    // Changes whenever another connection commits; our own commits already set dirty_.
    try {
        std::int64_t version = db_->sql().execAndGet("PRAGMA data_version").getInt64();
        if (!data_version_error_.empty()) dirty_ = true;  // the error line goes away
        data_version_error_.clear();
        return version;
    } catch (const SQLite::Exception& e) {
        // Shown on the header: the screen may lag writes by orlivectl and the sync daemon.
        if (data_version_error_.empty()) dirty_ = true;
        data_version_error_ = std::string("cannot notice other programs' changes: ") + e.getErrorStr();
        return last_data_version_;
    }
}

const SessionSnapshot& Session::snapshot() {
    if (dirty_) rebuild();
    snapshot_.now = clock_.now_ms();
    return snapshot_;
}

void Session::rebuild() {
    dirty_ = false;
    SnapshotContext context;
    context.now = clock_.now_ms();
    context.connectivity = connectivity_;
    context.first_run = first_run_;
    context.admin = {admin_lock_.configured(), admin_unlocked_, admin_lock_.failed_attempts(), admin_lock_.locked_until()};
    context.compliance = compliance_.view();
    if (context.compliance.unlocked) add_case_list(context.compliance);
    context.gallery_url = gallery_url_;
    context.gallery_qr = gallery_qr_;
    context.gallery_local_only = gallery_local_only_;
    context.account_health = account_health_;
    snapshot_ = builder_.build(std::move(context));
    if (!data_version_error_.empty()) snapshot_.read_errors.push_back(data_version_error_);
}

void Session::add_case_list(ComplianceView& view) {
    constexpr int kListed = 12;
    auto cases = recent_cases(*db_, kListed);
    if (!cases) return;
    for (const CaseSummary& c : *cases) {
        const ProcedureTemplate* tpl = catalog_.find(c.procedure_id);
        view.cases.push_back({c.id, tpl ? tpl->name : c.procedure_id, std::string(consent_name(c.consent)), c.started_at,
                              c.ended_at});
    }
}

}  // namespace orlive
