#include "core/session/snapshot_builder.h"

#include "core/store/held_review.h"

#include <algorithm>

#include "core/store/case_store.h"
#include "core/store/outbox.h"
#include "core/store/question_store.h"
#include "core/thread/published_thread.h"

namespace orlive {

namespace {

bool is_live(PostState state) {
    return state == PostState::Pending || state == PostState::Queued || state == PostState::Held;
}

// A flood of replies must not make every frame draw, or every snapshot read, a thousand cards.
constexpr int kQuestionsShown = 100;

// The platform the question came from: its account's, else (account gone) its recorded name.
std::optional<AccountKind> platform_of(const Settings& settings, const QuestionRecord& q) {
    for (const Account& account : settings.accounts) {
        if (account.name == q.account) return account.kind;
    }
    return account_kind_named(q.platform);
}

std::string title_of_post(const std::vector<PostView>& feed, std::optional<std::int64_t> post_id) {
    if (!post_id) return "";
    for (const PostView& view : feed) {
        if (view.post.id == *post_id) return view.title;
    }
    return "post " + std::to_string(*post_id);
}

}  // namespace

SessionSnapshot SnapshotBuilder::build(SnapshotContext context) const {
    SessionSnapshot next;
    next.now = context.now;
    next.connectivity = std::move(context.connectivity);
    next.first_run = context.first_run;
    next.admin = context.admin;
    next.compliance = std::move(context.compliance);
    add_settings_and_catalog(next, context.account_health);
    if (auto stats = queue_stats(db_)) next.queue = *stats;
    else next.read_errors.push_back(stats.error().message);
    const ProcedureTemplate* procedure = add_active_case(next);
    add_feed(next, procedure);
    mark_done_milestones(next);
    add_review_bars(next, procedure);
    next.gallery_url = std::move(context.gallery_url);
    next.gallery_qr = std::move(context.gallery_qr);
    next.gallery_local_only = context.gallery_local_only;
    add_gallery(next);
    add_questions(next);
    return next;
}

void SnapshotBuilder::add_gallery(SessionSnapshot& next) const {
    if (auto thread = active_published_thread(db_, catalog_, settings_.hospital_name)) next.gallery = std::move(*thread);
    else next.read_errors.push_back(thread.error().message);
    if (next.active) return;
    if (auto ended = latest_ended_case(db_)) next.transcript_case = *ended;
    else next.read_errors.push_back(ended.error().message);
}

void SnapshotBuilder::add_settings_and_catalog(SessionSnapshot& next,
                                               const std::vector<AccountStateView>& health) const {
    for (const Account& account : settings_.accounts) {
        next.accounts.push_back(account.name + " (" + account_display_name(account.kind) + ")");
        next.platforms.push_back(account.kind);
        AccountStateView state{account.name, account_display_name(account.kind)};
        for (const AccountStateView& seen : health) {
            if (seen.name == account.name) state = {account.name, state.platform, seen.state, seen.problem};
        }
        next.account_states.push_back(std::move(state));
    }
    next.delivered_by_service = !settings_.accounts.empty() && !settings_.secrets_readable;
    next.undo_seconds = settings_.undo_seconds;
    next.hospital_name = settings_.hospital_name;
    next.default_hashtags = settings_.default_hashtags;
    for (const ProcedureTemplate* tpl : catalog_.procedures()) {
        next.procedures.push_back({tpl->id, tpl->name, tpl->specialty, static_cast<int>(tpl->milestones.size())});
    }
    if (const ProcedureTemplate* status = catalog_.status_set()) {
        for (const Milestone& update : status->milestones) {
            next.status_updates.push_back({update.id, update.label, update.fields});
        }
    }
}

const ProcedureTemplate* SnapshotBuilder::add_active_case(SessionSnapshot& next) const {
    auto active = active_case(db_);
    if (!active) {
        next.read_errors.push_back(active.error().message);
        return nullptr;
    }
    if (!active->has_value()) return nullptr;
    const CaseRecord& record = active->value();
    const ProcedureTemplate* tpl = catalog_.find(record.procedure_id);
    CaseView view;
    view.id = record.id;
    view.procedure_id = record.procedure_id;
    view.procedure_name = tpl ? tpl->name : record.procedure_id;
    view.consent = record.consent;
    view.release_ref = record.release_ref;
    view.started_at = record.started_at;
    view.last_update_at = record.started_at;
    if (tpl) {
        view.update_minutes = tpl->update_minutes;
        for (const Milestone& milestone : tpl->milestones) {
            view.milestones.push_back(
                {milestone.id, milestone.label, tpl->step_of(milestone.id), false, false, 0, milestone.notes});
        }
    }
    next.active = std::move(view);
    return tpl;
}

PostView SnapshotBuilder::view_of(PostRecord post, const ProcedureTemplate* procedure) const {
    PostView view;
    view.title = post_title(catalog_, procedure, post.kind, post.milestone_id);
    view.post = std::move(post);
    return view;
}

void SnapshotBuilder::add_feed(SessionSnapshot& next, const ProcedureTemplate* procedure) const {
    PostQuery query;
    if (next.active) query.case_id = next.active->id;
    query.limit = 100;
    auto posts = list_posts(db_, query);
    if (!posts) {
        next.read_errors.push_back(posts.error().message);
        return;
    }
    for (PostRecord& post : *posts) next.feed.push_back(view_of(std::move(post), procedure));
}

void SnapshotBuilder::mark_done_milestones(SessionSnapshot& next) const {
    if (!next.active) return;
    CaseView& active = *next.active;
    int furthest = 0;
    for (const PostView& view : next.feed) {
        if (view.post.kind != PostKind::Milestone || !is_live(view.post.state)) continue;
        for (MilestoneView& milestone : active.milestones) {
            if (milestone.id != view.post.milestone_id) continue;
            // The feed is newest first: keep the earliest live post's time.
            milestone.done = true;
            milestone.done_at = view.post.created_at;
            furthest = std::max(furthest, milestone.step);
        }
        active.last_update_at = std::max(active.last_update_at, view.post.created_at);
    }
    for (const MilestoneView& milestone : active.milestones) {
        if (milestone.done) ++active.done_count;
    }
    for (MilestoneView& milestone : active.milestones) {
        if (milestone.step > furthest && !milestone.done) {
            milestone.next = true;
            break;
        }
    }
}

void SnapshotBuilder::add_questions(SessionSnapshot& next) const {
    std::optional<std::int64_t> case_id = next.active ? std::optional(next.active->id) : next.transcript_case;
    if (!case_id) return;
    auto shown = newest_shown_questions(db_, *case_id, kQuestionsShown);
    auto unanswered = count_new_questions(db_, *case_id);
    if (!shown || !unanswered) {
        next.read_errors.push_back(!shown ? shown.error().message : unanswered.error().message);
        return;
    }
    for (const QuestionRecord& q : *shown) {
        const std::optional<AccountKind> kind = platform_of(settings_, q);
        QuestionView view{q.id, kind ? account_display_name(*kind) : q.platform, q.account, q.author, q.text,
                          q.received_at, title_of_post(next.feed, q.reply_to_post),
                          q.state == QuestionState::Answered, !q.case_withdrawn, {}};
        if (kind) view.platform_kind = {*kind};
        next.questions.push_back(std::move(view));
    }
    // A withdrawn case takes no answers: nothing waits for one.
    const bool withdrawn = !shown->empty() && shown->front().case_withdrawn;
    next.new_questions = withdrawn ? 0 : *unanswered;
    add_answer_phrases(next, *case_id);
}

// The active case's procedure is already known; an ended case's is read (only then, not per tap).
void SnapshotBuilder::add_answer_phrases(SessionSnapshot& next, std::int64_t case_id) const {
    std::string procedure_id;
    if (next.active) {
        procedure_id = next.active->procedure_id;
    } else if (auto record = find_case(db_, case_id); record && record->has_value()) {
        procedure_id = (*record)->procedure_id;
    }
    if (const ProcedureTemplate* tpl = catalog_.find(procedure_id)) next.answer_phrases = tpl->answers;
}

// Read on their own, not from the case feed: a hospital-status post has no case, yet it has
// an undo window and may be held for review like any other.
void SnapshotBuilder::add_review_bars(SessionSnapshot& next, const ProcedureTemplate* procedure) const {
    if (auto undoable = newest_undoable_post(db_, next.now); !undoable) {
        next.read_errors.push_back(undoable.error().message);
    } else if (undoable->has_value()) {
        next.undoable = view_of(std::move(**undoable), procedure);
    }
    if (auto held = oldest_held_post(db_); !held) {
        next.read_errors.push_back(held.error().message);
    } else if (held->has_value()) {
        next.held = view_of(std::move(**held), procedure);
        if (auto draft = load_held_review(db_, next.held->post.id); !draft) {
            next.read_errors.push_back(draft.error().message);
        } else if (draft->has_value()) {
            next.held_pieces = review_pieces(**draft);
        }
    }
}

}  // namespace orlive
