#include "core/compose/post_pipeline.h"
#include "core/compose/length_limits.h"

#include <algorithm>

#include <SQLiteCpp/Transaction.h>

#include "core/base/time_format.h"
#include "core/base/undo_window.h"
#include "core/base/utf8.h"
#include "core/store/held_review.h"
#include "core/store/question_store.h"

namespace orlive {

namespace {

void add_unique(std::vector<std::string>& into, const std::vector<std::string>& tags) {
    for (const std::string& tag : tags) {
        if (std::find(into.begin(), into.end(), tag) == into.end()) into.push_back(tag);
    }
}

std::string trimmed(const std::string& text) {
    auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return "";
    auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

}  // namespace

PostPipeline::PostPipeline(Database& db, const TemplateCatalog& catalog, const PhiFilter& filter,
                           const Settings& settings, const Clock& clock)
    : db_(db), catalog_(catalog), filter_(filter), settings_(settings), clock_(clock) {}

Result<std::string> PostPipeline::render_milestone(const CaseRecord* active, const ProcedureTemplate& tpl,
                                                   const Milestone& milestone, const PostRequest& request) {
    const TimeMs now = clock_.now_ms();
    RenderValues values;
    values.procedure = tpl.name;
    values.time = format_local_hhmm(now);
    values.step = tpl.step_of(milestone.id);
    values.total = static_cast<int>(tpl.milestones.size());
    values.hospital = settings_.hospital_name;
    values.hashtags = tpl.hashtags;
    add_unique(values.hashtags, settings_.default_hashtags);
    if (active) {
        values.elapsed = format_elapsed(now - active->started_at);
        values.surgeon = active->surgeon;
        add_unique(values.hashtags, active->hashtags);
    }
    for (const TemplateField& field : milestone.fields) {
        auto given = request.fields.find(field.id);
        if (given == request.fields.end()) {
            values.fields[field.id] = std::to_string(field.default_value);
            continue;
        }
        int number = 0;
        try {
            std::size_t used = 0;
            number = std::stoi(given->second, &used);
            if (used != given->second.size()) throw std::invalid_argument("trailing text");
        } catch (const std::exception&) {
            return make_error(field.label + " must be a whole number");
        }
        if (number < field.min || number > field.max)
            return make_error(field.label + " must be between " + std::to_string(field.min) + " and " +
                              std::to_string(field.max));
        values.fields[field.id] = std::to_string(number);
    }
    auto text = render_template_text(milestone.text, values);
    if (!text) return make_error("template " + tpl.id + "/" + milestone.id + ": " + text.error().message);
    return text;
}

Result<ComposedPost> PostPipeline::compose_answer(const PostRequest& request) {
    const std::int64_t id = *request.answers_question;
    auto question = find_question(db_, id);
    if (!question) return question.error();
    if (!question->has_value())
        return make_error("there is no question " + std::to_string(id) + " (see orlivectl questions)");
    const QuestionRecord& asked = **question;
    if (asked.state == QuestionState::Hidden)
        return make_error("question " + std::to_string(id) + " is hidden; it cannot be answered");
    if (asked.case_withdrawn)
        return make_error("consent for case " + std::to_string(asked.case_id) +
                          " was withdrawn: nothing more of it may go out, answers included");
    auto subject = find_case(db_, asked.case_id);
    if (!subject) return subject.error();
    if (!subject->has_value()) return make_error("the case of question " + std::to_string(id) + " is gone");
    std::string text = trimmed(request.free_text);
    if (text.empty()) return make_error("nothing to answer with: give the answer's text");
    ComposedPost composed;
    composed.kind = PostKind::Text;
    composed.case_id = asked.case_id;
    composed.answers_question = asked.id;
    composed.answer_account = asked.account;
    return filter_and_decide(std::move(composed), std::move(text), &subject->value());
}

Result<ComposedPost> PostPipeline::compose(const PostRequest& request) {
    if (request.answers_question) return compose_answer(request);
    auto active = active_case(db_);
    if (!active) return active.error();
    const CaseRecord* current = active->has_value() ? &active->value() : nullptr;

    ComposedPost composed;
    std::string text;
    if (!request.milestone_id.empty()) {
        const ProcedureTemplate* procedure = current ? catalog_.find(current->procedure_id) : nullptr;
        const Milestone* milestone = procedure ? procedure->find_milestone(request.milestone_id) : nullptr;
        const ProcedureTemplate* tpl = procedure;
        if (!milestone && catalog_.status_set()) {
            tpl = catalog_.status_set();
            milestone = tpl->find_milestone(request.milestone_id);
        }
        if (!milestone) {
            if (!current)
                return make_error("no case is active: start one (orlivectl case start --procedure ID) before "
                                  "posting milestone '" + request.milestone_id + "'");
            return make_error("milestone '" + request.milestone_id + "' is not part of " +
                              (procedure ? procedure->name : current->procedure_id) + " or the status updates");
        }
        auto rendered = render_milestone(current, *tpl, *milestone, request);
        if (!rendered) return rendered.error();
        text = std::move(rendered.value());
        std::string note = trimmed(request.note);
        if (!note.empty()) text += "\n" + note;
        composed.kind = tpl->kind == TemplateKind::HospitalStatus ? PostKind::HospitalStatus : PostKind::Milestone;
        composed.milestone_id = milestone->id;
        if (composed.kind == PostKind::Milestone) composed.case_id = current->id;
    } else {
        text = trimmed(request.free_text);
        if (text.empty()) return make_error("nothing to post: give a milestone or some text");
        composed.kind = PostKind::Text;
        if (current) composed.case_id = current->id;
    }
    return filter_and_decide(std::move(composed), std::move(text), current);
}

Result<ComposedPost> PostPipeline::filter_and_decide(ComposedPost composed, std::string text,
                                                     const CaseRecord* current) {
    // Bytes that are not UTF-8 would abort every serialiser downstream (the queue's JSON, the
    // platforms' payloads): refused here, before anything is stored.
    if (auto utf8 = require_utf8(text, "the post's text"); !utf8) return utf8.error();

    // Every outgoing text passes the filter, template text included: the filter is the last
    // line of defence even against a careless template or note.
    const std::vector<std::string> allow = allow_list();
    FilterContext context = current ? current->filter_context(allow) : FilterContext{{}, allow};
    std::vector<PhiSpan> spans = filter_.find(text, context);
    // Status posts are not about a patient; a case's consent governs only its own posts.
    Consent consent = composed.case_id && current ? current->consent : Consent::Deidentified;
    ReleaseScope scope;
    if (current) scope.patient_age = age_on(current->patient.dob, clock_.now_ms());
    composed.decision = apply_consent_policy(consent, text, spans, scope);
    composed.original_text = std::move(text);
    return composed;
}

Result<std::vector<std::string>> PostPipeline::accounts_for(const ComposedPost& composed) const {
    std::vector<std::string> accounts;
    for (const Account& account : settings_.accounts) {
        if (!composed.answers_question || account.name == composed.answer_account) accounts.push_back(account.name);
    }
    if (composed.answers_question && accounts.empty())
        return make_error("question " + std::to_string(*composed.answers_question) + " came to account '" +
                          composed.answer_account + "', which is not in the settings; it cannot be answered");
    return accounts;
}

std::vector<std::string> PostPipeline::refuse_what_cannot_fit(std::int64_t post_id, const std::string& text,
                                                              const std::vector<std::string>& accounts, TimeMs now) {
    std::vector<std::string> refused;
    for (const Account& account : settings_.accounts) {
        if (std::find(accounts.begin(), accounts.end(), account.name) == accounts.end()) continue;
        auto count = count_for(account.kind, text);
        if (!count || count->fits()) continue;
        const std::string reason = std::string("too long for ") + account_display_name(account.kind) + ": " +
                                   count->describe() + "; not sent there";
        refuse_delivery(db_, post_id, account.name, reason, now);
        refused.push_back(account.name + ": " + reason);
    }
    return refused;
}

std::vector<std::string> PostPipeline::allow_list() const {
    std::vector<std::string> allow;
    if (!settings_.hospital_name.empty()) allow.push_back(settings_.hospital_name);
    return allow;
}

Result<PostOutcome> PostPipeline::post(const PostRequest& request) {
    const TimeMs now = clock_.now_ms();
    const int undo_seconds = request.undo_seconds.value_or(settings_.undo_seconds);
    if (undo_seconds < 0 || undo_seconds > kMaxUndoSeconds)
        return make_error("the undo window must be 0 to " + std::to_string(kMaxUndoSeconds) + " seconds");

    NewPost post;
    std::vector<LogEntry> log;
    try {
        // Decide and store under one write lock: the consent level compose reads cannot change
        // before the post is stored, and a withdrawal that comes later finds the post and
        // cancels it.
        SQLite::Transaction transaction(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        auto composed = compose(request);
        if (!composed) return composed.error();
        const PolicyDecision& decision = composed->decision;
        post.case_id = composed->case_id;
        post.kind = composed->kind;
        post.milestone_id = composed->milestone_id;
        post.text = decision.text;
        post.state = decision.state;
        if (post.state == PostState::Pending && undo_seconds == 0) post.state = PostState::Queued;
        post.reason = decision.reason;
        post.redactions = static_cast<int>(decision.redacted.size());
        post.created_at = now;
        post.release_at = now + undo_seconds * 1000LL;
        post.answers_question = composed->answers_question;
        auto accounts = accounts_for(*composed);
        if (!accounts) return accounts.error();
        const char* action = post.state == PostState::Blocked ? log_action::kBlocked : log_action::kRedacted;
        log = log_entries_for_spans(composed->original_text, decision.redacted, action, db_.device_key(), now);
        std::vector<LogEntry> released = log_entries_for_spans(composed->original_text, decision.released,
                                                               log_action::kReleased, db_.device_key(), now);
        log.insert(log.end(), released.begin(), released.end());
        PostOutcome outcome;
        outcome.id = insert_post(db_, post, *accounts, log);
        if (post.state != PostState::Blocked) outcome.too_long = refuse_what_cannot_fit(outcome.id, post.text, *accounts, now);
        if (post.answers_question && post.state != PostState::Blocked) mark_question_answered(db_, *post.answers_question);
        // A held post keeps its text as written until the coordinator decides, so the review
        // screen can restore a false alarm or redact a miss (held_review.h).
        if (post.state == PostState::Held)
            insert_held_review(db_, outcome.id, ReviewDraft{composed->original_text, decision.redacted});
        transaction.commit();
        if (!log.empty()) seal_log_head(db_);
        outcome.state = post.state;
        outcome.text = post.text;
        outcome.redactions = post.redactions;
        outcome.reason = post.reason;
        outcome.release_at = post.release_at;
        return outcome;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("the post was NOT saved: ") + e.getErrorStr());
    }
}

Result<ConsentChangeResult> PostPipeline::change_consent(const ConsentChange& change) {
    const TimeMs now = clock_.now_ms();
    ReviewUnder review = [&](const CaseRecord& record, const std::string& text) {
        std::vector<PhiSpan> spans = filter_.find(text, record.filter_context(allow_list()));
        PolicyDecision decision = apply_consent_policy(change.consent, text, spans,
                                                       ReleaseScope{age_on(record.patient.dob, now)});
        ReviewedText reviewed;
        reviewed.text = decision.text;
        reviewed.redactions = static_cast<int>(decision.redacted.size());
        reviewed.reason = decision.reason;
        reviewed.log = log_entries_for_spans(text, decision.redacted, log_action::kRedacted, db_.device_key(), now);
        return reviewed;
    };
    return orlive::change_consent(db_, change, now, review);
}

}  // namespace orlive
