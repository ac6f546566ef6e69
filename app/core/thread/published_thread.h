// Reading the thread as it went out (thread_view.h) from the database. One rule (went_out)
// decides it for the LAN gallery, the transcript and the kiosk's gallery screen, so none of
// them can show a post the others would hide.
#pragma once

#include <optional>
#include <string>

#include "core/base/result.h"
#include "core/compose/template_catalog.h"
#include "core/store/database.h"
#include "core/thread/thread_view.h"

namespace orlive {

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
