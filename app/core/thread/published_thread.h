// The thread as it went out: what viewers who never saw the posting may see of a case. One
// rule (went_out) decides it for the LAN gallery, the transcript and the kiosk's gallery
// screen, so none of them can show a post the others would hide. Plain data, no PHI beyond
// the posts' own text as it was released (patient details, staff lists and redaction-log
// entries never enter it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/compose/template_catalog.h"
#include "core/store/case_store.h"
#include "core/store/database.h"
#include "core/store/outbox.h"

namespace orlive {

// A post went out when it left its undo window for delivery (queued: it is, or is being, sent
// and shown in the local feed) and its case's consent still stands. Pending (undoable), held,
// blocked and cancelled posts never did; withdrawal (consent none) takes every post back.
bool went_out(PostState state, Consent case_consent);

struct PublishedPost {
    std::int64_t id = 0;
    int step = 0;          // 1-based milestone position in the procedure, 0 for free text/status
    std::string title;     // the milestone's label, or "Update"
    std::string text;      // exactly as it went out
    TimeMs at = 0;         // when it was posted (the tap)
};

struct PublishedThread {
    std::int64_t case_id = 0;
    std::string procedure;     // the procedure's name
    std::string hospital;      // settings' hospital_name, may be empty
    TimeMs started_at = 0;
    std::optional<TimeMs> ended_at;
    std::vector<PublishedPost> posts;  // oldest first
};

// "Procedure — Hospital" (or just the procedure): the heading of every rendering.
std::string thread_heading(const PublishedThread& thread);
// "Step 3 · Incision" for a milestone post, its title ("Update", a status's label) otherwise.
std::string post_label(const PublishedPost& post);

// The label a post is shown under: its milestone's, the status update's, else "Update".
std::string post_title(const TemplateCatalog& catalog, const ProcedureTemplate* procedure, PostKind kind,
                       const std::string& milestone_id);

// The case's thread as it went out; nullopt when there is no such case.
Result<std::optional<PublishedThread>> published_thread(Database& db, const TemplateCatalog& catalog,
                                                        const std::string& hospital, std::int64_t case_id);
// The same for the active case; nullopt when no case is active.
Result<std::optional<PublishedThread>> active_published_thread(Database& db, const TemplateCatalog& catalog,
                                                               const std::string& hospital);

}  // namespace orlive
