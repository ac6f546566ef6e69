#include "core/store/retention.h"

#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/held_review.h"

namespace orlive {

namespace {

// What a case keeps only while it protects or serves a live thread (the contract's 24 h): the
// patient's details, and the words and handles of followers' questions (the poller stops
// reading then, and nobody can answer them afterwards).
constexpr const char* kExpiredCase = "ended_at IS NOT NULL AND ended_at <= ?1";
const std::string kExpiredPatient = std::string(kExpiredCase) + " AND patient_json <> '{}'";
const std::string kExpiredQuestions = std::string("(text <> '' OR author <> '') AND case_id IN (SELECT id FROM cases WHERE ") +
                                      kExpiredCase + ")";

// secure_delete is per connection (Debian's SQLite defaults it on, others off): on for this
// write, then back to what the connection had.
struct SecureDelete {
    SQLite::Database& sql;
    int previous;
    explicit SecureDelete(SQLite::Database& s) : sql(s), previous(s.execAndGet("PRAGMA secure_delete").getInt()) {
        sql.execAndGet("PRAGMA secure_delete = ON");
    }
    ~SecureDelete() {
        try {
            sql.execAndGet("PRAGMA secure_delete = " + std::to_string(previous));
        } catch (const SQLite::Exception&) {
            // The connection keeps zeroing freed bytes: slower, never less private.
        }
    }
};

Result<bool> case_data_due(Database& db, TimeMs cutoff) {
    try {
        // Held posts' texts as written (held_review.h) are kept no longer than patient details.
        SQLite::Statement due(db.sql(), "SELECT (SELECT count(*) FROM cases WHERE " + kExpiredPatient +
                                            ") + (SELECT count(*) FROM questions WHERE " + kExpiredQuestions +
                                            ") + (SELECT count(*) FROM held_review r JOIN posts p ON p.id = "
                                            "r.post_id WHERE p.created_at <= ?1)");
        due.bind(1, static_cast<std::int64_t>(cutoff));
        return due.executeStep() && due.getColumn(0).getInt() > 0;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read cases: ") + e.getErrorStr());
    }
}

int erase_where(Database& db, const std::string& update, TimeMs cutoff) {
    SQLite::Statement erase(db.sql(), update);
    erase.bind(1, static_cast<std::int64_t>(cutoff));
    return erase.exec();
}

}  // namespace

Result<int> purge_expired_case_data(Database& db, TimeMs now) {
    const TimeMs cutoff = now - kPatientDetailsKeptMs;
    auto due = case_data_due(db, cutoff);
    if (!due) return due.error();
    if (!*due) return 0;
    try {
        SecureDelete secure(db.sql());
        const int erased = erase_where(db, "UPDATE cases SET patient_json = '{}' WHERE " + kExpiredPatient, cutoff);
        erase_where(db, "UPDATE questions SET text = '', author = '' WHERE " + kExpiredQuestions, cutoff);
        if (auto dropped = purge_expired_review_sources(db, now, kPatientDetailsKeptMs); !dropped)
            return dropped.error();
        // The WAL still holds copies of the old pages until a checkpoint rewrites the file;
        // TRUNCATE empties it. Best effort: a reader in another process may keep it for now,
        // and the next purge or checkpoint finishes the job.
        db.sql().execAndGet("PRAGMA wal_checkpoint(TRUNCATE)");
        return erased;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot erase expired patient details: ") + e.getErrorStr());
    }
}

}  // namespace orlive
