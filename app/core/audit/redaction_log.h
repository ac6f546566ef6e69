// The redaction log: every redaction, block, release, review decision, consent change and
// sign-off, appended in the same transaction as the post or change it concerns. It never
// holds PHI: a caught span is kept only as offsets and an HMAC-SHA-256 under the device key.
// Entries form an HMAC chain (each covers the previous hash), and after every append the head
// is sealed, authenticated by the device key, to DATA_DIR/redaction-log.head, so an edited, deleted, inserted or reordered
// entry and a truncated tail are all detected by verify_log.
// Functions take the caller's Database (one connection per thread).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/log_entry.h"
#include "core/audit/sealed_head.h"
#include "core/base/clock.h"
#include "core/privacy/phi_filter.h"
#include "core/base/result.h"

namespace SQLite {
class Database;
}

namespace orlive {

class Database;
class DeviceKey;


// One entry per span, each with the HMAC of the original text it covered.
std::vector<LogEntry> log_entries_for_spans(std::string_view original, const std::vector<PhiSpan>& spans,
                                            const char* action, const DeviceKey& key, TimeMs at);

// Appends inside the caller's open write transaction; throws SQLite::Exception on failure so
// the caller's transaction rolls back with it. Call seal_log_head after the commit.
void append_log_entries(SQLite::Database& sql, const DeviceKey& key, const std::vector<LogEntry>& entries);
// Appends in a transaction of its own and seals the head.
Status append_log(Database& db, const std::vector<LogEntry>& entries);
// The sealed head's file in the data dir (one home: sealed_head.h).
inline constexpr const char* kLogHeadFile = kSealedHeadFile;
// Writes the current head, authenticated, to DATA_DIR/redaction-log.head (sealed_head.h).
// Best effort: a head file that lags the database is still consistent; only one ahead of it
// means truncation. It never replaces a head the log contradicts or a deleted one (with a
// non-empty log): a rollback followed by a new entry must not launder the evidence.
void seal_log_head(Database& db);
// Seals the empty log when no head file exists yet (Database::open calls it), so a crash
// between the first logged commit and its seal leaves a head that lags, which is consistent,
// instead of none, which verify_log must read as a deleted head.
void seal_head_of_new_log(Database& db);

// Walks the whole chain once (linear). `progress` is called every 100,000 entries.
Result<VerifyReport> verify_log(Database& db, const std::function<void(std::int64_t)>& progress = {});

struct LogQuery {
    std::optional<TimeMs> since;
    std::optional<TimeMs> until;
    std::optional<std::int64_t> case_id;
    std::string category;  // empty: any
    std::string action;    // empty: any
    bool newest_first = false;
    int limit = 1000;
    std::int64_t after_seq = 0;  // paging for oldest-first reads
};
Result<std::vector<StoredLogEntry>> query_log(Database& db, const LogQuery& query);

}  // namespace orlive
