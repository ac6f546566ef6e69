#include "core/thread/published_thread.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/outbox.h"

namespace orlive {

bool went_out(PostState state, Consent case_consent) {
    return state == PostState::Queued && case_consent != Consent::None;
}

std::string thread_heading(const PublishedThread& thread) {
    return thread.hospital.empty() ? thread.procedure : thread.procedure + " \u2014 " + thread.hospital;
}

std::string post_label(const PublishedPost& post) {
    return post.step > 0 ? "Step " + std::to_string(post.step) + " \u00b7 " + post.title : post.title;
}

std::string post_title(const TemplateCatalog& catalog, const ProcedureTemplate* procedure, PostKind kind,
                       const std::string& milestone_id) {
    if (kind == PostKind::HospitalStatus) {
        if (const ProcedureTemplate* status = catalog.status_set()) {
            if (const Milestone* m = status->find_milestone(milestone_id)) return m->label;
        }
        return "Update";
    }
    if (kind == PostKind::Milestone && procedure) {
        if (const Milestone* m = procedure->find_milestone(milestone_id)) return m->label;
    }
    return "Update";
}

namespace {

// What of a case the thread needs. Read column by column so the patient details, staff list
// and release reference never even enter this process's memory from here.
struct CaseHeader {
    std::int64_t id = 0;
    std::string procedure_id;
    Consent consent = Consent::None;
    TimeMs started_at = 0;
    std::optional<TimeMs> ended_at;
};

Result<std::optional<CaseHeader>> read_case_header(Database& db, std::optional<std::int64_t> case_id) {
    try {
        SQLite::Statement query(db.sql(), case_id ? "SELECT id, procedure_id, consent, started_at, ended_at FROM cases WHERE id = ?"
                                                  : "SELECT id, procedure_id, consent, started_at, ended_at FROM cases "
                                                    "WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1");
        if (case_id) query.bind(1, static_cast<std::int64_t>(*case_id));
        if (!query.executeStep()) return std::optional<CaseHeader>{};
        CaseHeader header;
        header.id = query.getColumn(0).getInt64();
        header.procedure_id = query.getColumn(1).getString();
        header.consent = parse_consent(query.getColumn(2).getString()).value_or(Consent::None);
        header.started_at = query.getColumn(3).getInt64();
        if (!query.getColumn(4).isNull()) header.ended_at = query.getColumn(4).getInt64();
        return std::optional<CaseHeader>(std::move(header));
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the case: ") + e.getErrorStr());
    }
}

// Every post of the case, oldest first, filtered here by went_out (not in SQL) so the rule
// has exactly one definition.
Result<std::vector<PublishedPost>> posts_that_went_out(Database& db, const ProcedureTemplate* procedure,
                                                       const TemplateCatalog& catalog, const CaseHeader& header) {
    std::vector<PublishedPost> posts;
    try {
        SQLite::Statement query(db.sql(),
                                "SELECT id, kind, milestone_id, text, state, created_at FROM posts "
                                "WHERE case_id = ? AND answers_question IS NULL ORDER BY id");
        query.bind(1, header.id);
        while (query.executeStep()) {
            auto state = parse_post_state(query.getColumn(4).getString());
            if (!state || !went_out(*state, header.consent)) continue;
            const PostKind kind = parse_post_kind(query.getColumn(1).getString());
            const std::string milestone_id = query.getColumn(2).getString();
            PublishedPost post;
            post.id = query.getColumn(0).getInt64();
            post.step = kind == PostKind::Milestone && procedure ? procedure->step_of(milestone_id) : 0;
            post.title = post_title(catalog, procedure, kind, milestone_id);
            post.text = query.getColumn(3).getString();
            post.at = query.getColumn(5).getInt64();
            posts.push_back(std::move(post));
        }
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the case's posts: ") + e.getErrorStr());
    }
    return posts;
}

Result<std::optional<PublishedThread>> thread_of(Database& db, const TemplateCatalog& catalog,
                                                 const std::string& hospital, std::optional<std::int64_t> case_id) {
    auto header = read_case_header(db, case_id);
    if (!header) return header.error();
    if (!header->has_value()) return std::optional<PublishedThread>{};
    const CaseHeader& found = header->value();
    const ProcedureTemplate* procedure = catalog.find(found.procedure_id);
    auto posts = posts_that_went_out(db, procedure, catalog, found);
    if (!posts) return posts.error();
    PublishedThread thread;
    thread.case_id = found.id;
    thread.procedure = procedure ? procedure->name : found.procedure_id;
    thread.hospital = hospital;
    thread.started_at = found.started_at;
    thread.ended_at = found.ended_at;
    thread.posts = std::move(posts.value());
    return std::optional<PublishedThread>(std::move(thread));
}

}  // namespace

Result<std::optional<PublishedThread>> published_thread(Database& db, const TemplateCatalog& catalog,
                                                        const std::string& hospital, std::int64_t case_id) {
    return thread_of(db, catalog, hospital, case_id);
}

Result<std::optional<PublishedThread>> active_published_thread(Database& db, const TemplateCatalog& catalog,
                                                               const std::string& hospital) {
    return thread_of(db, catalog, hospital, std::nullopt);
}

}  // namespace orlive
