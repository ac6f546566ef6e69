#include "core/session/session.h"

#include <SQLiteCpp/Statement.h>

#include "core/store/atomic_file.h"
#include "core/thread/transcript.h"

namespace orlive {

namespace {
Feedback failed(const Error& error) { return {false, error.message}; }

bool is_live(PostState state) {
    return state == PostState::Pending || state == PostState::Queued || state == PostState::Held;
}

// Which milestones are done (a live post exists), when, and which comes next.
void mark_progress(CaseView& view_case, const std::vector<PostView>& feed) {
    int furthest = 0;
    for (const PostView& view : feed) {
        if (view.post.kind != PostKind::Milestone || !is_live(view.post.state)) continue;
        for (MilestoneView& milestone : view_case.milestones) {
            if (milestone.id != view.post.milestone_id) continue;
            // The feed is newest first: keep the earliest live post's time.
            milestone.done = true;
            milestone.done_at = view.post.created_at;
            furthest = std::max(furthest, milestone.step);
        }
        view_case.last_update_at = std::max(view_case.last_update_at, view.post.created_at);
    }
    for (MilestoneView& milestone : view_case.milestones) {
        if (milestone.done) ++view_case.done_count;
    }
    for (MilestoneView& milestone : view_case.milestones) {
        if (milestone.step > furthest && !milestone.done) {
            milestone.next = true;
            break;
        }
    }
}

}  // namespace

Session::Session(std::unique_ptr<Database> db, TemplateCatalog catalog, std::unique_ptr<PhiFilter> filter,
                 Settings settings, const Clock& clock)
    : db_(std::move(db)),
      catalog_(std::move(catalog)),
      filter_(std::move(filter)),
      settings_(std::move(settings)),
      clock_(clock),
      pipeline_(*db_, catalog_, *filter_, settings_, clock_),
      compliance_(*db_, settings_.compliance_pin, clock_),
      admin_lock_(settings_.admin_pin),
      connectivity_(settings_.accounts.empty() ? "Local feed only" : "Offline: delivery not started") {}

Feedback Session::tap_milestone(const std::string& milestone_id, const std::string& note) {
    PostRequest request;
    request.milestone_id = milestone_id;
    request.note = note;
    return post(request);
}

Feedback Session::post_free_text(const std::string& text) {
    PostRequest request;
    request.free_text = text;
    return post(request);
}

Feedback Session::post_status(const std::string& update_id, const std::map<std::string, std::string>& fields) {
    PostRequest request;
    request.milestone_id = update_id;
    request.fields = fields;
    return post(request);
}

Feedback Session::post(const PostRequest& request) {
    auto outcome = pipeline_.post(request);
    dirty_ = true;
    if (!outcome) return failed(outcome.error());
    switch (outcome->state) {
        case PostState::Blocked: return {false, outcome->reason};
        case PostState::Held: return {true, "Review the redacted text before it is sent"};
        case PostState::Queued: return {true, "Saved and queued"};
        default: return {true, "Saved; sending after the undo window"};
    }
}

Feedback Session::undo(std::int64_t post_id) {
    auto status = undo_post(*db_, post_id, clock_.now_ms());
    dirty_ = true;
    return status ? Feedback{true, "Undone: nothing was sent"} : failed(status.error());
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

Feedback Session::start_case(const std::string& procedure_id, Consent consent, const std::string& release_ref) {
    const ProcedureTemplate* tpl = catalog_.find(procedure_id);
    if (!tpl || tpl->kind != TemplateKind::Procedure) return {false, "unknown procedure '" + procedure_id + "'"};
    CaseStart start;
    start.procedure_id = procedure_id;
    start.consent = consent;
    start.release_ref = release_ref;
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

void Session::set_gallery_address(std::string url, QrMatrix qr, bool local_only) {
    gallery_url_ = std::move(url);
    gallery_qr_ = std::move(qr);
    gallery_local_only_ = local_only;
    dirty_ = true;
}

Feedback Session::save_transcript(std::int64_t case_id) {
    auto thread = published_thread(*db_, catalog_, settings_.hospital_name, case_id);
    if (!thread) return failed(thread.error());
    if (!thread->has_value()) return {false, "No case " + std::to_string(case_id) + " to save"};
    const std::filesystem::path dir = db_->data_dir() / "transcripts";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return {false, "Cannot create " + dir.string() + ": " + ec.message()};
    const std::filesystem::path file = dir / ("case-" + std::to_string(case_id) + ".html");
    auto written = write_file_atomically(file, render_transcript(thread->value(), TranscriptFormat::Html), 0640);
    return written ? Feedback{true, "Transcript saved to " + file.string()} : failed(written.error());
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
    if (auto saved = save_settings(next, settings_file_); !saved) return failed(saved.error());
    settings_ = std::move(next);  // the pipeline reads settings_ by reference
    compliance_.set_pin(settings_.compliance_pin);
    admin_lock_ = PinLock(settings_.admin_pin);
    first_run_ = false;
    dirty_ = true;
    return {true, "Settings saved to " + settings_file_.string()};
}

Feedback Session::unlock_admin(const std::string& pin) {
    Status status = admin_lock_.check(pin, clock_.now_ms());
    admin_unlocked_ = status.ok();
    dirty_ = true;
    return status ? Feedback{true, "Admin unlocked"} : failed(status.error());
}

void Session::lock_admin() {
    admin_unlocked_ = false;
    dirty_ = true;
}

bool Session::tick() {
    auto released = release_due_posts(*db_, clock_.now_ms());
    if (released && *released > 0) dirty_ = true;
    std::int64_t version = data_version();
    if (version != last_data_version_) {
        last_data_version_ = version;
        dirty_ = true;
    }
    return dirty_;
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

std::int64_t Session::data_version() {
    // Changes whenever another connection commits; our own commits already set dirty_.
    try {
        return db_->sql().execAndGet("PRAGMA data_version").getInt64();
    } catch (const SQLite::Exception&) {
        return last_data_version_;
    }
}

const SessionSnapshot& Session::snapshot() {
    if (dirty_) rebuild();
    snapshot_.now = clock_.now_ms();
    return snapshot_;
}

// The gallery screen's thread and address, and the transcript the Feed screen may save.
void Session::add_gallery(SessionSnapshot& next) {
    if (auto thread = active_published_thread(*db_, catalog_, settings_.hospital_name)) next.gallery = std::move(*thread);
    next.gallery_url = gallery_url_;
    next.gallery_qr = gallery_qr_;
    next.gallery_local_only = gallery_local_only_;
    if (!next.active) {
        if (auto ended = latest_ended_case(*db_)) next.transcript_case = *ended;
    }
}

void Session::rebuild() {
    dirty_ = false;
    SessionSnapshot next;
    next.now = clock_.now_ms();
    next.connectivity = connectivity_;
    for (const Account& account : settings_.accounts) {
        const char* kind = account.kind == AccountKind::Mastodon  ? "Mastodon"
                           : account.kind == AccountKind::Bluesky ? "Bluesky"
                                                                  : "webhook";
        next.accounts.push_back(account.name + " (" + kind + ")");
    }
    next.undo_seconds = settings_.undo_seconds;
    next.hospital_name = settings_.hospital_name;
    next.default_hashtags = settings_.default_hashtags;
    next.first_run = first_run_;
    for (const ProcedureTemplate* tpl : catalog_.procedures()) {
        next.procedures.push_back({tpl->id, tpl->name, tpl->specialty, static_cast<int>(tpl->milestones.size())});
    }
    if (const ProcedureTemplate* status = catalog_.status_set()) {
        for (const Milestone& update : status->milestones) next.status_updates.push_back({update.id, update.label, update.fields});
    }
    if (auto stats = queue_stats(*db_)) next.queue = *stats;
    next.compliance = compliance_.view();
    next.admin = {admin_lock_.configured(), admin_unlocked_, admin_lock_.failed_attempts(), admin_lock_.locked_until()};

    auto active = active_case(*db_);
    std::optional<std::int64_t> feed_case;
    const ProcedureTemplate* tpl = nullptr;
    if (active && active->has_value()) {
        const CaseRecord& record = active->value();
        feed_case = record.id;
        tpl = catalog_.find(record.procedure_id);
        CaseView view;
        view.id = record.id;
        view.procedure_id = record.procedure_id;
        view.procedure_name = tpl ? tpl->name : record.procedure_id;
        view.consent = record.consent;
        view.release_ref = record.release_ref;
        view.started_at = record.started_at;
        view.last_update_at = record.started_at;
        if (tpl) view.update_minutes = tpl->update_minutes;
        if (tpl) {
            for (const Milestone& milestone : tpl->milestones) {
                view.milestones.push_back({milestone.id, milestone.label, tpl->step_of(milestone.id), false, false, 0,
                                           milestone.notes});
            }
        }
        next.active = std::move(view);
    }

    PostQuery query;
    query.case_id = feed_case;
    query.limit = 100;
    auto posts = list_posts(*db_, query);
    if (posts) {
        for (PostRecord& post : *posts) {
            PostView view;
            view.title = post_title(catalog_, tpl, post.kind, post.milestone_id);
            view.post = std::move(post);
            next.feed.push_back(std::move(view));
        }
    }

    if (next.active) mark_progress(*next.active, next.feed);

    for (const PostView& view : next.feed) {
        if (view.post.state == PostState::Pending && view.post.release_at > next.now && !next.undoable)
            next.undoable = view;
        if (view.post.state == PostState::Held) next.held = view;  // newest first: ends at the oldest
    }
    add_gallery(next);
    snapshot_ = std::move(next);
}

}  // namespace orlive
