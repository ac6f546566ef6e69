// PostPipeline: exactly what a tap runs (and `orlivectl post`): render the template, run the
// PHI filter, apply the case's consent policy, and write the post with one delivery row per
// account in one transaction. Only a committed post is reported back.
// Not thread-safe: one pipeline per thread, on that thread's Database.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/store/case_store.h"
#include "core/base/clock.h"
#include "core/privacy/consent_policy.h"
#include "core/store/consent_change.h"
#include "core/store/database.h"
#include "core/store/outbox.h"
#include "core/privacy/phi_filter.h"
#include "core/base/result.h"
#include "core/compose/settings.h"
#include "core/compose/template_catalog.h"

namespace orlive {

struct PostRequest {
    std::string milestone_id;                    // a milestone of the active case or a status update
    std::string note;                            // optional text appended to the milestone's post
    std::string free_text;                       // instead of a milestone: free text
    std::map<std::string, std::string> fields;   // status update numbers
    std::optional<int> undo_seconds;             // overrides the settings' undo window
    // With free_text: an answer to this follower's question (core/store/question_store.h). It
    // belongs to the question's case (its consent and patient details apply, active or not) and
    // goes only to the account the question came to, as a reply to the follower's message.
    std::optional<std::int64_t> answers_question;
};

struct ComposedPost {
    std::optional<std::int64_t> case_id;
    PostKind kind = PostKind::Milestone;
    std::string milestone_id;
    PolicyDecision decision;
    std::string original_text;  // before redaction: the log's fingerprints; stored only while held (held_review.h)
    std::optional<std::int64_t> answers_question;
    std::string answer_account;  // the one account an answer goes to
};

struct PostOutcome {
    std::int64_t id = 0;
    PostState state = PostState::Pending;
    std::string text;
    int redactions = 0;
    std::string reason;
    TimeMs release_at = 0;
    // Accounts the text cannot fit, each with why ("x: too long for X: 312 of 280 …"); their
    // deliveries are failed at once, the rest go out.
    std::vector<std::string> too_long;
};

class PostPipeline {
public:
    PostPipeline(Database& db, const TemplateCatalog& catalog, const PhiFilter& filter, const Settings& settings,
                 const Clock& clock);

    // What would go out, without writing anything (the redacted preview).
    Result<ComposedPost> compose(const PostRequest& request);
    // Compose and durably enqueue, deciding under the same write lock that stores the post.
    Result<PostOutcome> post(const PostRequest& request);
    // Changes a case's consent; on a downgrade from full, the filter and policy run again over
    // every unsent post under the new level before it is held for review.
    Result<ConsentChangeResult> change_consent(const ConsentChange& change);

private:
    Result<std::string> render_milestone(const CaseRecord* active, const ProcedureTemplate& tpl,
                                         const Milestone& milestone, const PostRequest& request);
    std::vector<std::string> allow_list() const;
    Result<ComposedPost> compose_answer(const PostRequest& request);
    // The UTF-8 check, the filter and the consent policy over the composed text.
    Result<ComposedPost> filter_and_decide(ComposedPost composed, std::string text, const CaseRecord* subject);
    Result<std::vector<std::string>> accounts_for(const ComposedPost& composed) const;
    // Inside post()'s transaction: fails the deliveries whose platform the text cannot fit.
    std::vector<std::string> refuse_what_cannot_fit(std::int64_t post_id, const std::string& text,
                                                    const std::vector<std::string>& accounts, TimeMs now);

    Database& db_;
    const TemplateCatalog& catalog_;
    const PhiFilter& filter_;
    const Settings& settings_;
    const Clock& clock_;
};

}  // namespace orlive
