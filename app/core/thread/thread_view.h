// The thread as it went out, as plain values: what viewers who never saw the posting may see
// of a case (posts' text as released, no patient details, no staff, no log). No SQLite here,
// so the screens' snapshot can carry it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/store/consent.h"
#include "core/store/post_record.h"

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

}  // namespace orlive
