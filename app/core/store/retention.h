// Retention: what a case keeps about people only for as long as it protects or serves a live
// thread, then erases so the bytes are gone from the database file and its WAL.
#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/database.h"

namespace orlive {

// Patient details, held posts' texts as written and followers' questions (their words and
// handles) are kept on the device only while they protect or serve a live thread: erased from
// every case that ended more than this long ago.
inline constexpr TimeMs kPatientDetailsKeptMs = 24LL * 60 * 60 * 1000;
// Erases them (secure_delete on for the write, so the bytes do not stay in free pages, and the
// WAL is checkpointed so no old page copy stays there either). Reads first: an idle call takes
// no write lock. Returns how many cases' patient details were erased.
Result<int> purge_expired_case_data(Database& db, TimeMs now);

}  // namespace orlive
