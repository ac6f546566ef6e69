// Deletions on the platforms of what a withdrawn case posted (table remote_deletions, queued
// by the withdrawal's trigger and carried out by the sync engine). Here: a person's decision
// to try a failed one again.
#pragma once

#include <cstdint>
#include <string>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/database.h"

namespace orlive {

// Queues the post's failed deletions again, due at once with a fresh attempt count (`account`
// empty: every account). Returns how many; refuses, saying why, when none had failed.
Result<int> retry_failed_deletions(Database& db, std::int64_t post_id, const std::string& account, TimeMs now);

}  // namespace orlive
