#include "core/audit/redaction_log.h"

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/base/atomic_file.h"
#include "core/store/database.h"
#include "core/audit/device_key.h"
#include "core/audit/sealed_head.h"

namespace orlive {

namespace {

const std::string kGenesis(64, '0');

// The exact bytes an entry's hash covers. Changing this breaks every existing chain: never do.
std::string canonical(std::int64_t seq, const LogEntry& e, const std::string& prev_hash) {
    std::string out;
    auto field = [&](const std::string& value) {
        out += value;
        out += '\x1f';
    };
    auto optional_id = [](const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : std::string(); };
    field(std::to_string(seq));
    field(std::to_string(e.at));
    field(optional_id(e.case_id));
    field(optional_id(e.post_id));
    field(e.category);
    field(e.rule);
    field(e.action);
    field(std::to_string(e.start));
    field(std::to_string(e.end));
    field(e.span_hmac);
    field(e.detail);
    out += prev_hash;
    return out;
}

struct Head {
    std::int64_t seq = 0;
    std::string hash = kGenesis;
};

Head read_head(SQLite::Database& sql) {
    SQLite::Statement last(sql, "SELECT seq, hash FROM redaction_log ORDER BY seq DESC LIMIT 1");
    if (!last.executeStep()) return Head{};
    return Head{last.getColumn(0).getInt64(), last.getColumn(1).getString()};
}

// The sealed head names an entry the log still holds, unchanged (seq 0: the empty log).
bool names_a_held_entry(SQLite::Database& sql, const SealedHead& sealed) {
    if (sealed.seq == 0) return sealed.hash == kGenesis;
    SQLite::Statement at(sql, "SELECT hash FROM redaction_log WHERE seq = ?");
    at.bind(1, sealed.seq);
    return at.executeStep() && at.getColumn(0).getString() == sealed.hash;
}

StoredLogEntry read_entry(SQLite::Statement& row) {
    StoredLogEntry stored;
    stored.seq = row.getColumn(0).getInt64();
    LogEntry& e = stored.entry;
    e.at = row.getColumn(1).getInt64();
    if (!row.getColumn(2).isNull()) e.case_id = row.getColumn(2).getInt64();
    if (!row.getColumn(3).isNull()) e.post_id = row.getColumn(3).getInt64();
    e.category = row.getColumn(4).getString();
    e.rule = row.getColumn(5).getString();
    e.action = row.getColumn(6).getString();
    e.start = row.getColumn(7).getInt64();
    e.end = row.getColumn(8).getInt64();
    e.span_hmac = row.getColumn(9).getString();
    e.detail = row.getColumn(10).getString();
    stored.prev_hash = row.getColumn(11).getString();
    stored.hash = row.getColumn(12).getString();
    return stored;
}

constexpr const char* kEntryColumns =
    "seq, at, case_id, post_id, category, rule, action, span_start, span_end, span_hmac, detail, prev_hash, hash";

}  // namespace

std::vector<LogEntry> log_entries_for_spans(std::string_view original, const std::vector<PhiSpan>& spans,
                                            const char* action, const DeviceKey& key, TimeMs at) {
    std::vector<LogEntry> entries;
    for (const PhiSpan& span : spans) {
        LogEntry e;
        e.at = at;
        e.category = std::string(category_name(span.category));
        e.rule = span.rule;
        e.action = action;
        e.start = static_cast<std::int64_t>(span.start);
        e.end = static_cast<std::int64_t>(span.end);
        if (span.end <= original.size() && span.start < span.end)
            e.span_hmac = key.hmac_hex(original.substr(span.start, span.end - span.start));
        entries.push_back(std::move(e));
    }
    return entries;
}

void append_log_entries(SQLite::Database& sql, const DeviceKey& key, const std::vector<LogEntry>& entries) {
    if (entries.empty()) return;
    Head head = read_head(sql);
    SQLite::Statement insert(sql, std::string("INSERT INTO redaction_log (") + kEntryColumns +
                                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const LogEntry& e : entries) {
        const std::int64_t seq = head.seq + 1;
        const std::string hash = key.hmac_hex(canonical(seq, e, head.hash));
        insert.bind(1, seq);
        insert.bind(2, static_cast<std::int64_t>(e.at));
        if (e.case_id) insert.bind(3, *e.case_id); else insert.bind(3);
        if (e.post_id) insert.bind(4, *e.post_id); else insert.bind(4);
        insert.bind(5, e.category);
        insert.bind(6, e.rule);
        insert.bind(7, e.action);
        insert.bind(8, e.start);
        insert.bind(9, e.end);
        insert.bind(10, e.span_hmac);
        insert.bind(11, e.detail);
        insert.bind(12, head.hash);
        insert.bind(13, hash);
        insert.exec();
        insert.reset();
        head = Head{seq, hash};
    }
}

Status append_log(Database& db, const std::vector<LogEntry>& entries) {
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        append_log_entries(db.sql(), db.device_key(), entries);
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot append to the redaction log: ") + e.getErrorStr());
    }
    seal_log_head(db);
    return Ok{};
}

void seal_log_head(Database& db) {
    if (db.data_dir().empty()) return;  // a database in memory has no head file
    try {
        const Head tail = read_head(db.sql());
        const auto sealed = read_sealed_head(db.data_dir(), db.device_key());
        // Never move a head the log contradicts (forged, ahead of the log, naming a changed
        // entry) or one that was deleted: that is the evidence verify_log reports. A legacy
        // head consistent with the log is upgraded here.
        const bool trusted = sealed ? (sealed->authenticated || sealed->legacy) && sealed->seq <= tail.seq &&
                                          names_a_held_entry(db.sql(), *sealed)
                                    : tail.seq == 0;
        if (!trusted) return;
        // Best effort by design (see header): a failed write leaves the old head, which lags.
        (void)write_sealed_head(db.data_dir(), db.device_key(), tail.seq, tail.hash);
    } catch (const SQLite::Exception&) {
        // Best effort by design (see header): the next append seals again.
    }
}

void seal_head_of_new_log(Database& db) {
    std::error_code ec;
    if (std::filesystem::exists(db.data_dir() / kSealedHeadFile, ec) || ec) return;
    try {
        if (read_head(db.sql()).seq == 0) seal_log_head(db);
    } catch (const SQLite::Exception&) {
        // Best effort, as every seal: verify_log reports what is wrong.
    }
}

namespace {

// The sealed head must be authentic and the chain must reach at least as far as it says.
void check_sealed_head(Database& db, VerifyReport& report) {
    if (db.data_dir().empty()) return;  // a database in memory has no head file
    const std::string file = (db.data_dir() / kSealedHeadFile).string();
    auto bad = [&](const std::string& why) {
        report.intact = false;
        report.problem = why;
    };
    const auto sealed = read_sealed_head(db.data_dir(), db.device_key());
    if (!sealed) {
        if (report.entries > 0) bad("the sealed head " + file + " is missing or unreadable");
        return;
    }
    if (!sealed->authenticated && !sealed->legacy)
        return bad("the sealed head " + file + " is not authenticated by this device's key: it was forged or "
                   "comes from another device");
    // An unauthenticated head from an older ORLive is believed only when it names the last entry.
    if (sealed->legacy && (sealed->seq != report.head_seq || sealed->hash != (report.entries ? report.head_hash : kGenesis)))
        return bad("the sealed head " + file + " is in the old unauthenticated format and does not name the last "
                   "entry " + std::to_string(report.head_seq) + ": it was forged, or entries after it were removed");
    if (sealed->seq > report.head_seq)
        return bad("entry " + std::to_string(report.head_seq + 1) + " is missing: the log was sealed at entry " +
                   std::to_string(sealed->seq) + " but ends at entry " + std::to_string(report.head_seq) +
                   " (tail truncated)");
    if (!names_a_held_entry(db.sql(), *sealed))
        bad("entry " + std::to_string(sealed->seq) + " differs from the sealed head");
}

}  // namespace

Result<VerifyReport> verify_log(Database& db, const std::function<void(std::int64_t)>& progress) {
    VerifyReport report;
    try {
        SQLite::Statement rows(db.sql(), std::string("SELECT ") + kEntryColumns + " FROM redaction_log ORDER BY rowid");
        std::string expected_prev = kGenesis;
        std::int64_t expected_seq = 1;
        while (rows.executeStep()) {
            StoredLogEntry stored = read_entry(rows);
            ++report.entries;
            if (progress && report.entries % 100000 == 0) progress(report.entries);
            auto bad = [&](const std::string& why) {
                report.intact = false;
                report.problem = "entry " + std::to_string(stored.seq) + " " + why;
            };
            if (stored.seq != expected_seq) {
                bad(stored.seq > expected_seq
                        ? "follows entry " + std::to_string(expected_seq - 1) + ": entries before it were deleted"
                        : "is out of order (expected entry " + std::to_string(expected_seq) + ")");
                return report;
            }
            if (stored.prev_hash != expected_prev) {
                bad("does not continue the chain: an entry before it was changed, deleted or inserted");
                return report;
            }
            if (db.device_key().hmac_hex(canonical(stored.seq, stored.entry, stored.prev_hash)) != stored.hash) {
                bad("was changed or inserted: its hash does not match its contents");
                return report;
            }
            expected_prev = stored.hash;
            ++expected_seq;
            report.head_seq = stored.seq;
            report.head_hash = stored.hash;
        }
        check_sealed_head(db, report);
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the redaction log: ") + e.getErrorStr());
    }
    return report;
}

Result<std::vector<StoredLogEntry>> query_log(Database& db, const LogQuery& query) {
    try {
        std::string sql = std::string("SELECT ") + kEntryColumns + " FROM redaction_log WHERE seq > ?";
        if (query.since) sql += " AND at >= ?";
        if (query.until) sql += " AND at < ?";
        if (query.case_id) sql += " AND case_id = ?";
        if (!query.category.empty()) sql += " AND category = ?";
        if (!query.action.empty()) sql += " AND action = ?";
        sql += query.newest_first ? " ORDER BY seq DESC" : " ORDER BY seq ASC";
        sql += " LIMIT ?";
        SQLite::Statement rows(db.sql(), sql);
        int column = 1;
        rows.bind(column++, query.after_seq);
        if (query.since) rows.bind(column++, static_cast<std::int64_t>(*query.since));
        if (query.until) rows.bind(column++, static_cast<std::int64_t>(*query.until));
        if (query.case_id) rows.bind(column++, *query.case_id);
        if (!query.category.empty()) rows.bind(column++, query.category);
        if (!query.action.empty()) rows.bind(column++, query.action);
        rows.bind(column++, query.limit);
        std::vector<StoredLogEntry> entries;
        while (rows.executeStep()) entries.push_back(read_entry(rows));
        return entries;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the redaction log: ") + e.getErrorStr());
    }
}

}  // namespace orlive
