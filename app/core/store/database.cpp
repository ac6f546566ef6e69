#include "core/store/database.h"
#include "core/store/shared_data_dir.h"

#include <array>
#include <string>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/store/data_paths.h"
#include "core/audit/redaction_log.h"

namespace orlive {

namespace fs = std::filesystem;

namespace {

// Migration N takes the schema from version N to N+1. Never edit a shipped entry: append.
const std::array<const char*, 10> kMigrations = {
    // 0 -> 1: cases, posts and their per-account deliveries.
    R"sql(
    CREATE TABLE cases (
        id            INTEGER PRIMARY KEY,
        procedure_id  TEXT    NOT NULL,
        consent       TEXT    NOT NULL CHECK (consent IN ('none', 'deidentified', 'full')),
        release_ref   TEXT,
        patient_json  TEXT    NOT NULL DEFAULT '{}',  -- on-device only; used to catch PHI
        staff_json    TEXT    NOT NULL DEFAULT '[]',
        hashtags_json TEXT    NOT NULL DEFAULT '[]',
        surgeon       TEXT    NOT NULL DEFAULT '',
        started_at    INTEGER NOT NULL,
        ended_at      INTEGER
    );
    -- At most one active case: every active row has the same index key.
    CREATE UNIQUE INDEX cases_one_active ON cases ((ended_at IS NULL)) WHERE ended_at IS NULL;

    CREATE TABLE posts (
        id           INTEGER PRIMARY KEY,
        case_id      INTEGER REFERENCES cases(id),
        milestone_id TEXT    NOT NULL DEFAULT '',
        kind         TEXT    NOT NULL CHECK (kind IN ('milestone', 'text', 'status')),
        text         TEXT    NOT NULL,
        state        TEXT    NOT NULL CHECK (state IN ('pending', 'queued', 'held', 'blocked', 'cancelled')),
        reason       TEXT    NOT NULL DEFAULT '',
        redactions   INTEGER NOT NULL DEFAULT 0,
        created_at   INTEGER NOT NULL,
        release_at   INTEGER NOT NULL
    );
    CREATE INDEX posts_by_case ON posts (case_id, id);
    CREATE INDEX posts_pending_release ON posts (release_at) WHERE state = 'pending';

    CREATE TABLE deliveries (
        id              INTEGER PRIMARY KEY,
        post_id         INTEGER NOT NULL REFERENCES posts(id),
        account         TEXT    NOT NULL,
        state           TEXT    NOT NULL CHECK (state IN ('pending', 'queued', 'sending', 'sent', 'failed', 'cancelled')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT    NOT NULL DEFAULT '',
        remote_id       TEXT    NOT NULL DEFAULT '',
        remote_uri      TEXT    NOT NULL DEFAULT '',
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        updated_at      INTEGER NOT NULL,
        UNIQUE (post_id, account)
    );
    CREATE INDEX deliveries_by_state ON deliveries (state, account, post_id);
    )sql",
    // 1 -> 2: the tamper-evident redaction log (see redaction_log.h). No PHI in any column.
    R"sql(
    CREATE TABLE redaction_log (
        seq        INTEGER PRIMARY KEY,
        at         INTEGER NOT NULL,
        case_id    INTEGER,
        post_id    INTEGER,
        category   TEXT    NOT NULL DEFAULT '',
        rule       TEXT    NOT NULL DEFAULT '',
        action     TEXT    NOT NULL,
        span_start INTEGER NOT NULL DEFAULT -1,
        span_end   INTEGER NOT NULL DEFAULT -1,
        span_hmac  TEXT    NOT NULL DEFAULT '',
        detail     TEXT    NOT NULL DEFAULT '',
        prev_hash  TEXT    NOT NULL,
        hash       TEXT    NOT NULL
    );
    CREATE INDEX redaction_log_by_time ON redaction_log (at);
    CREATE INDEX redaction_log_by_post ON redaction_log (post_id);
    )sql",
    // 2 -> 3: what delivery needs to be exactly-once and threaded (app/sync).
    R"sql(
    -- Bluesky: the thread needs {uri, cid}; the record key (a TID) and createdAt are chosen
    -- before the first attempt so a retry after an unknown outcome rewrites the same record.
    ALTER TABLE deliveries ADD COLUMN remote_cid        TEXT NOT NULL DEFAULT '';
    ALTER TABLE deliveries ADD COLUMN record_key        TEXT NOT NULL DEFAULT '';
    ALTER TABLE deliveries ADD COLUMN record_created_at TEXT NOT NULL DEFAULT '';
    CREATE INDEX deliveries_by_account_post ON deliveries (account, post_id);

    -- Consent withdrawal reaches the platforms: every sent post of the case is deleted there,
    -- tracked like a delivery. The trigger makes it part of the consent change's transaction.
    CREATE TABLE remote_deletions (
        id              INTEGER PRIMARY KEY,
        delivery_id     INTEGER NOT NULL UNIQUE REFERENCES deliveries(id),
        state           TEXT    NOT NULL CHECK (state IN ('queued', 'sending', 'done', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT    NOT NULL DEFAULT '',
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        updated_at      INTEGER NOT NULL
    );
    CREATE TRIGGER consent_withdrawal_deletes_remote AFTER UPDATE OF consent ON cases
    WHEN OLD.consent <> 'none' AND NEW.consent = 'none'
    BEGIN
        INSERT OR IGNORE INTO remote_deletions (delivery_id, state, updated_at)
        SELECT d.id, 'queued', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
        FROM deliveries d JOIN posts p ON p.id = d.post_id
        WHERE p.case_id = NEW.id AND d.state IN ('sent', 'sending');
    END;
    )sql",
    // 3 -> 4: indexes the scale runs asked for (tests/reports/proof-report.md): the header's
    // pending/held counts without a scan of every post, and the last sign-off without a scan
    // of the whole log.
    R"sql(
    CREATE INDEX posts_open ON posts (state) WHERE state IN ('pending', 'held');
    CREATE INDEX redaction_log_by_action ON redaction_log (action, seq);
    )sql",
    // 4 -> 5: what two-step platforms hand out before a post is public (a Threads media
    // container id), kept on the delivery row before the publish step so a retry after an
    // unknown outcome asks about that container instead of making a second one.
    R"sql(
    ALTER TABLE deliveries ADD COLUMN draft_id TEXT NOT NULL DEFAULT '';
    )sql",
    // 5 -> 6: the audit trail beyond the device. audit_witness: the last redaction-log entry the
    // syslog collector took (store and forward resumes after it). pin_attempts: wrong PINs and
    // the lockout per PIN ("compliance", "admin"), so a restart does not reset them.
    R"sql(
    CREATE TABLE audit_witness (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        sent_through INTEGER NOT NULL
    );
    CREATE TABLE pin_attempts (
        pin          TEXT    PRIMARY KEY,
        failed       INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0
    );
    )sql",
    // 6 -> 7: when consent was withdrawn. Consent `none` from the start lets template text out;
    // a withdrawal stops everything of the case, so delivery must tell the two apart.
    R"sql(
    ALTER TABLE cases ADD COLUMN withdrawn_at INTEGER;
    )sql",
    // 7 -> 8: the review draft of a held post (core/store/held_review.h): the text as written
    // and its redacted spans, so the coordinator can restore a false alarm or redact a miss.
    // It is PHI: the trigger drops it the moment the post is no longer held.
    R"sql(
    CREATE TABLE held_review (
        post_id INTEGER PRIMARY KEY REFERENCES posts(id),
        source  TEXT NOT NULL,
        spans   TEXT NOT NULL
    );
    CREATE TRIGGER held_review_ends AFTER UPDATE OF state ON posts WHEN NEW.state <> 'held'
    BEGIN
        DELETE FROM held_review WHERE post_id = NEW.id;
    END;
    )sql",
    // 8 -> 9: followers' questions (core/store/question_store.h): replies to a case's thread,
    // kept as untrusted text (sanitised, never logged, blanked in backups). An answer is a post
    // that names its question; it goes out as a reply to the follower's status, not in the
    // thread. A cancelled or blocked answer gives its question back to the coordinator.
    R"sql(
    CREATE TABLE questions (
        id            INTEGER PRIMARY KEY,
        case_id       INTEGER NOT NULL REFERENCES cases(id),
        account       TEXT    NOT NULL,
        platform      TEXT    NOT NULL,
        remote_id     TEXT    NOT NULL,
        remote_uri    TEXT    NOT NULL DEFAULT '',
        remote_cid    TEXT    NOT NULL DEFAULT '',
        author        TEXT    NOT NULL DEFAULT '',
        text          TEXT    NOT NULL,
        received_at   INTEGER NOT NULL,
        reply_to_post INTEGER REFERENCES posts(id),
        state         TEXT    NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'answered', 'hidden')),
        UNIQUE (account, remote_id)
    );
    CREATE INDEX questions_by_case ON questions (case_id, id);
    ALTER TABLE posts ADD COLUMN answers_question INTEGER;  -- questions.id (no REFERENCES: droppable)
    CREATE TRIGGER question_answer_ends AFTER UPDATE OF state ON posts
    WHEN NEW.answers_question IS NOT NULL AND NEW.state IN ('cancelled', 'blocked')
    BEGIN
        UPDATE questions SET state = 'new' WHERE id = NEW.answers_question AND state = 'answered'
        AND NOT EXISTS (SELECT 1 FROM posts WHERE answers_question = NEW.answers_question
                        AND state NOT IN ('cancelled', 'blocked'));
    END;
    )sql",
    // 9 -> 10: the Questions tab's badge counts a case's unanswered questions on every
    // snapshot; during a flood of replies that must not read every one (tests/bench/tap_bench).
    R"sql(
    CREATE INDEX questions_unanswered ON questions (case_id) WHERE state = 'new' AND text <> '';
    )sql",
};

}  // namespace

Database::Database(const std::string& file, fs::path data_dir, DeviceKey key)
    : db_(std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE |
                                                       SQLite::OPEN_FULLMUTEX)),
      data_dir_(std::move(data_dir)),
      key_(key) {}

Database::~Database() = default;

Result<std::unique_ptr<Database>> Database::open(const fs::path& file) {
    const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
    auto key = DeviceKey::load_or_create(dir);
    if (!key) return key.error();
    if (auto prepared = prepare_database_file(file); !prepared) return prepared.error();
    std::unique_ptr<Database> database;
    try {
        database.reset(new Database(file.string(), dir, key.value()));
    } catch (const SQLite::Exception& e) {
        return make_error("cannot open database " + file.string() + ": " + e.getErrorStr() +
                          " (it was left untouched; restore a backup or move it aside)");
    }
    return configure(std::move(database), file.string());
}

Result<std::unique_ptr<Database>> Database::open_in_memory(const DeviceKey& key) {
    std::unique_ptr<Database> database;
    try {
        database.reset(new Database(":memory:", fs::path(), key));
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot open a database in memory: ") + e.getErrorStr());
    }
    return configure(std::move(database), ":memory:");
}

Result<std::unique_ptr<Database>> Database::configure(std::unique_ptr<Database> database, const std::string& name) {
    const bool in_memory = database->data_dir_.empty();
    try {
        SQLite::Database& db = *database->db_;
        db.setBusyTimeout(kBusyTimeoutMs);
        // Reading the header first makes SQLite refuse a non-database file before any write.
        db.exec("SELECT count(*) FROM sqlite_schema");
        std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
        if (mode != "wal" && !in_memory) {  // a database in memory has no journal file
            return make_error("cannot switch " + name + " to WAL mode (got '" + mode +
                              "'); is the data dir on a local file system?");
        }
        // FULL: a commit is on disk before we tell the coordinator "queued", even on power loss.
        db.exec("PRAGMA synchronous = FULL");
        db.exec("PRAGMA foreign_keys = ON");
    } catch (const SQLite::Exception& e) {
        return make_error("cannot open database " + name + ": " + e.getErrorStr() +
                          " (it was left untouched; restore a backup or move it aside)");
    }
    if (auto migrated = database->migrate(); !migrated) return migrated.error();
    if (!in_memory) seal_head_of_new_log(*database);
    return database;
}

Result<std::unique_ptr<Database>> Database::open_in(const fs::path& data_dir) {
    if (auto ready = ensure_data_dir(data_dir); !ready) return ready.error();
    return open(data_dir / "orlive.db");
}

int Database::schema_version() { return db_->execAndGet("PRAGMA user_version").getInt(); }

Status Database::migrate() {
    try {
        int version = schema_version();
        if (version > static_cast<int>(kMigrations.size())) {
            return make_error("database schema version " + std::to_string(version) +
                              " is newer than this ORLive understands (" + std::to_string(kSchemaVersion) +
                              "); upgrade ORLive");
        }
        while (version < static_cast<int>(kMigrations.size())) {
            SQLite::Transaction transaction(*db_, SQLite::TransactionBehavior::IMMEDIATE);
            // Re-read inside the write lock: another process may have migrated meanwhile.
            version = schema_version();
            if (version >= static_cast<int>(kMigrations.size())) break;
            db_->exec(kMigrations[static_cast<std::size_t>(version)]);
            db_->exec("PRAGMA user_version = " + std::to_string(version + 1));
            transaction.commit();
            ++version;
        }
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot migrate the database: ") + e.getErrorStr());
    }
    return Ok{};
}

}  // namespace orlive
