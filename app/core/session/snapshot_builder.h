// SnapshotBuilder: reads what the screens show from the database and the catalog into one
// SessionSnapshot. Each read that fails leaves its part empty and says so in
// `read_errors` (the header shows them), instead of an empty screen with no reason.
// Main thread only, on the main connection.
#pragma once

#include <optional>
#include <string>

#include "core/audit/compliance_view.h"
#include "core/compose/settings.h"
#include "core/compose/template_catalog.h"
#include "core/session/snapshot.h"
#include "core/store/database.h"

namespace orlive {

// What the snapshot carries that is not read from the database: the session's own state.
struct SnapshotContext {
    TimeMs now = 0;
    std::string connectivity;
    bool first_run = false;
    AdminView admin;
    ComplianceView compliance;
    std::string gallery_url;
    QrMatrix gallery_qr;
    bool gallery_local_only = false;
    std::vector<AccountStateView> account_health;  // from the deliverer, by account name
};

class SnapshotBuilder {
public:
    SnapshotBuilder(Database& db, const TemplateCatalog& catalog, const Settings& settings)
        : db_(db), catalog_(catalog), settings_(settings) {}

    SessionSnapshot build(SnapshotContext context) const;

private:
    void add_settings_and_catalog(SessionSnapshot& next, const std::vector<AccountStateView>& health) const;
    // The active case with its procedure's milestones; returns that procedure, if known.
    const ProcedureTemplate* add_active_case(SessionSnapshot& next) const;
    void add_feed(SessionSnapshot& next, const ProcedureTemplate* procedure) const;
    void mark_done_milestones(SessionSnapshot& next) const;
    // The gallery screen's thread and the transcript the Feed screen may save.
    void add_gallery(SessionSnapshot& next) const;
    void add_review_bars(SessionSnapshot& next, const ProcedureTemplate* procedure) const;
    // Followers' questions of the active, else the last ended, case (after add_feed: titles).
    void add_questions(SessionSnapshot& next) const;
    void add_answer_phrases(SessionSnapshot& next, std::int64_t case_id) const;
    PostView view_of(PostRecord post, const ProcedureTemplate* procedure) const;

    Database& db_;
    const TemplateCatalog& catalog_;
    const Settings& settings_;
};

}  // namespace orlive
