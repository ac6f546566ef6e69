#include "core/store/backup.h"
#include "core/store/shared_data_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/base/atomic_file.h"
#include "core/store/data_paths.h"
#include "orlive/version.h"
#include "core/audit/device_key.h"
#include "core/audit/redaction_log.h"
#include "core/audit/sealed_head.h"

// [SECTION] Index
// - Files: reading the key and the sealed head; counting rows
// - Reading a backup file: what makes a file an ORLive backup
// - write_backup
// - restore_backup

namespace orlive {

namespace fs = std::filesystem;

namespace {

constexpr int kBackupFormat = 1;
constexpr const char* kKeyFile = "device.key";

// [SECTION] Files

std::optional<std::string> read_file(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

// "20260125T140509Z": sorts by time and needs no quoting in a shell.
std::string utc_stamp() {
    std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
    return text;
}

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool has_table(SQLite::Database& sql, const char* name) {
    SQLite::Statement query(sql, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    query.bind(1, name);
    return query.executeStep();
}

std::int64_t count_rows(SQLite::Database& sql, const char* table) {
    if (!has_table(sql, table)) return 0;
    return sql.execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

// [SECTION] Reading a backup file

struct BackupContents {
    BackupInfo info;
    std::string key;   // the device key's 32 bytes
    std::string head;  // the sealed head file's text; empty when the log was empty
};

std::string meta_text(SQLite::Database& sql, const char* name) {
    SQLite::Statement query(sql, "SELECT value FROM orlive_backup WHERE name = ?");
    query.bind(1, name);
    if (!query.executeStep()) return {};
    const SQLite::Column value = query.getColumn(0);
    return std::string(static_cast<const char*>(value.getBlob()), static_cast<std::size_t>(value.getBytes()));
}

Result<BackupContents> read_backup(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return make_error("backup file " + file.string() + " does not exist");
    const std::string what = file.string() + " is not an ORLive backup";
    try {
        SQLite::Database sql(file.string(), SQLite::OPEN_READONLY);
        sql.exec("SELECT count(*) FROM sqlite_schema");  // refuses a non-database file
        if (!has_table(sql, "orlive_backup")) {
            if (has_table(sql, "posts"))
                return make_error(file.string() + " is an ORLive database but not a backup made by 'orlivectl backup' "
                                  "(it carries no device key, so its redaction log could not be verified); "
                                  "make backups with: orlivectl backup FILE");
            return make_error(what + " (an SQLite database without ORLive's tables)");
        }
        BackupContents contents;
        const std::string format = meta_text(sql, "format");
        if (format != std::to_string(kBackupFormat))
            return make_error(file.string() + " is an ORLive backup in format '" + format +
                              "', which this version cannot read; restore it with the ORLive that wrote it");
        contents.key = meta_text(sql, "device_key");
        if (contents.key.size() != DeviceKey::kBytes)
            return make_error(what + " (its device key is missing or damaged); use another backup");
        contents.head = meta_text(sql, "log_head");
        contents.info.orlive_version = meta_text(sql, "orlive_version");
        try {
            contents.info.created_at_ms = std::stoll(meta_text(sql, "created_at"));
        } catch (const std::exception&) {
            contents.info.created_at_ms = 0;
        }
        contents.info.schema_version = sql.execAndGet("PRAGMA user_version").getInt();
        if (contents.info.schema_version < 1)
            return make_error(what + " (it has no ORLive schema)");
        if (contents.info.schema_version > Database::kSchemaVersion)
            return make_error(file.string() + " was written by a newer ORLive (schema " +
                              std::to_string(contents.info.schema_version) + ", this one knows " +
                              std::to_string(Database::kSchemaVersion) + "); upgrade ORLive before restoring it");
        const std::string check = sql.execAndGet("PRAGMA quick_check").getString();
        if (check != "ok") return make_error(file.string() + " is damaged (" + check + "); use an older backup");
        contents.info.posts = count_rows(sql, "posts");
        contents.info.log_entries = count_rows(sql, "redaction_log");
        return contents;
    } catch (const SQLite::Exception& e) {
        return make_error(what + " (" + e.getErrorStr() + ")");
    }
}

// Another connection to a WAL database keeps a shared lock on it for as long as it is open, so
// an exclusive lock succeeds only when no other process (the app, orlive-sync) has it open.
// In EXCLUSIVE locking mode the lock is kept until this connection closes.
Status lock_out_other_processes(SQLite::Database& sql, const fs::path& data_dir) {
    try {
        sql.setBusyTimeout(0);
        sql.exec("PRAGMA locking_mode = EXCLUSIVE");
        sql.exec("BEGIN EXCLUSIVE");
        sql.exec("COMMIT");
        sql.setBusyTimeout(Database::kBusyTimeoutMs);
        return Ok{};
    } catch (const SQLite::Exception&) {
        return make_error("this backup was made with another device key, and " + data_dir.string() +
                          " is in use by another ORLive process, which would go on signing the redaction log with "
                          "the old key; stop the app and the sync service (systemctl stop orlive-sync "
                          "orlive-kiosk) and run restore again");
    }
}

// Removes the staging directory however restore_backup leaves.
class StagingDir {
public:
    explicit StagingDir(fs::path path) : path_(std::move(path)) {}
    ~StagingDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

// The backup unpacked into a data dir of its own, migrated and its log verified, before anything
// live is touched.
Result<std::unique_ptr<Database>> stage(const BackupContents& contents, const fs::path& file, const fs::path& dir) {
    std::error_code ec;
    fs::remove_all(dir, ec);
    if (!fs::create_directory(dir, ec) || ec)
        return make_error("cannot create " + dir.string() + ": " + ec.message() + " (is the disk full?)");
    if (auto key = write_file_atomically(dir / kKeyFile, contents.key, 0600); !key) return key.error();
    if (!contents.head.empty()) {
        if (auto head = write_file_atomically(dir / kLogHeadFile, contents.head, 0644); !head) return head.error();
    }
    try {
        SQLite::Database from(file.string(), SQLite::OPEN_READONLY);
        SQLite::Database to((dir / "orlive.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup(to, from).executeStep();
        // The key belongs in device.key, never inside the live database.
        to.exec("DROP TABLE orlive_backup");
    } catch (const SQLite::Exception& e) {
        return make_error("cannot unpack " + file.string() + " into " + dir.string() + ": " + e.getErrorStr() +
                          " (is the disk full?)");
    }
    auto staged = Database::open(dir / "orlive.db");  // migrates an older backup to this schema
    if (!staged) return make_error("cannot open the backup " + file.string() + ": " + staged.error().message);
    auto report = verify_log(**staged);
    if (!report) return report.error();
    if (!report->intact)
        return make_error("the redaction log in " + file.string() + " does not verify (" + report->problem +
                          "); nothing was restored; use another backup");
    return std::move(staged.value());
}

// On a data dir that has no device key yet: link() refuses to replace one another process
// created meanwhile (compare DeviceKey::load_or_create).
Status install_first_key(const fs::path& data_dir, const std::string& key) {
    const fs::path file = data_dir / kKeyFile;
    auto installed = write_file_atomically(file, key, 0600, IfExists::Keep);
    if (!installed && installed.error().message == atomic_write::kExists)
        return make_error("cannot install " + file.string() +
                          ": an ORLive process created a key meanwhile; stop it and run restore again");
    return installed;
}

}  // namespace

// [SECTION] write_backup

Result<BackupInfo> write_backup(Database& db, const fs::path& file) {
    // Read the sealed head before the snapshot: it is written after each commit, so the head
    // read now is never ahead of a snapshot taken later (a lagging head is still valid).
    const std::string head = read_file(db.data_dir() / kLogHeadFile).value_or("");
    const auto key = read_file(db.data_dir() / kKeyFile);
    if (!key || key->size() != DeviceKey::kBytes)
        return make_error("cannot read the device key in " + db.data_dir().string() + "; nothing was backed up");
    std::error_code ec;
    if (fs::exists(file, ec)) {
        if (auto existing = inspect_backup(file); !existing)
            return make_error(file.string() + " exists and is not an ORLive backup; refusing to overwrite it, "
                              "choose another file name");
    }
    const fs::path temp = file.string() + ".partial";
    ::unlink(temp.c_str());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);  // SQLite keeps the mode
    if (fd < 0) return make_error("cannot create " + temp.string() + ": " + std::strerror(errno));
    ::close(fd);
    try {
        SQLite::Database out(temp.string(), SQLite::OPEN_READWRITE);
        // One step = one read transaction on the source: a consistent snapshot. WAL lets the app
        // and orlive-sync go on writing meanwhile.
        SQLite::Backup(out, db.sql()).executeStep();
        // Patient details never leave the device's live database: cleared in the copy, with
        // freed bytes zeroed, and no journal file to hold the old pages (a failed write
        // discards the whole .partial file anyway).
        out.exec("PRAGMA journal_mode = MEMORY");
        out.execAndGet("PRAGMA secure_delete = ON");
        out.exec("UPDATE cases SET patient_json = '{}'");
        out.exec("DELETE FROM held_review");  // held posts' text as written: PHI too
        // Followers' questions are public text that may hold PHI: their words stay on the device.
        out.exec("UPDATE questions SET text = '', author = ''");
        // A backup is one file to copy around: no -wal or -shm beside it.
        out.exec("PRAGMA journal_mode = DELETE");
        out.exec("PRAGMA synchronous = FULL");
        SQLite::Transaction transaction(out);
        out.exec("CREATE TABLE orlive_backup (name TEXT PRIMARY KEY, value)");
        SQLite::Statement insert(out, "INSERT INTO orlive_backup (name, value) VALUES (?, ?)");
        auto put = [&](const char* name, const std::string& value, bool blob) {
            insert.bind(1, name);
            if (blob) insert.bind(2, value.data(), static_cast<int>(value.size()));
            else insert.bind(2, value);
            insert.exec();
            insert.reset();
        };
        put("format", std::to_string(kBackupFormat), false);
        put("device_key", *key, true);
        put("log_head", head, false);
        put("created_at", std::to_string(now_ms()), false);
        put("orlive_version", kVersion, false);
        transaction.commit();
    } catch (const SQLite::Exception& e) {
        ::unlink(temp.c_str());
        return make_error("cannot write the backup " + file.string() + ": " + e.getErrorStr() + " (is the disk full?)");
    }
    if (::rename(temp.c_str(), file.c_str()) != 0) {
        int saved_errno = errno;
        ::unlink(temp.c_str());
        return make_error("cannot write the backup " + file.string() + ": " + std::strerror(saved_errno));
    }
    if (auto synced = fsync_directory(file.has_parent_path() ? file.parent_path() : fs::path(".")); !synced)
        return synced.error();
    return inspect_backup(file);
}

Result<BackupInfo> inspect_backup(const fs::path& file) {
    auto contents = read_backup(file);
    if (!contents) return contents.error();
    return contents->info;
}

// [SECTION] restore_backup

// The backup's key replaces the data dir's; the old one is kept beside it, renamed.
static Status replace_device_key(const fs::path& data_dir, const std::string& key, const std::string& stamp) {
    std::error_code ec;
    fs::rename(data_dir / kKeyFile, data_dir / ("device.key.before-restore-" + stamp), ec);
    auto written = write_file_atomically(data_dir / kKeyFile, key, data_file_mode(data_dir, 0600));
    if (ec || !written)
        return make_error("the database was restored but " + (data_dir / kKeyFile).string() +
                          " could not be replaced; run the same restore again");
    return Ok{};
}

static Status log_key_change(Database& db, const fs::path& file, const std::string& stamp) {
    LogEntry entry;
    entry.at = now_ms();
    entry.action = log_action::kRestoredOtherKey;
    entry.detail = "restored " + file.filename().string() + ", made under another device key; the previous key "
                   "is kept as device.key.before-restore-" + stamp;
    return append_log(db, {entry});
}

Result<RestoreReport> restore_backup(const fs::path& data_dir, const fs::path& file, const RestoreOptions& options) {
    auto contents = read_backup(file);
    if (!contents) return contents.error();
    const auto key_now = read_file(data_dir / kKeyFile);
    if (key_now && *key_now != contents->key && !options.allow_other_device_key)
        return make_error(file.string() + " was made under another device key than " + (data_dir / kKeyFile).string() +
                          " (another device, or this one before its key was replaced); nothing was restored. If "
                          "that is intended, run restore again with --other-device-key: the change is logged");
    if (auto ready = ensure_data_dir(data_dir); !ready) return ready.error();

    StagingDir staging(data_dir / (".restore-" + std::to_string(::getpid())));
    auto staged = stage(*contents, file, staging.path());
    if (!staged) return staged.error();

    RestoreReport report;
    report.restored = contents->info;
    report.restored.schema_version = (*staged)->schema_version();
    const auto live_key = read_file(data_dir / kKeyFile);
    report.key_replaced = live_key && *live_key != contents->key;
    if (!live_key) {
        if (auto installed = install_first_key(data_dir, contents->key); !installed) return installed.error();
    }

    auto live = Database::open_in(data_dir);
    if (!live) return live.error();
    if (report.key_replaced) {
        if (auto locked = lock_out_other_processes((*live)->sql(), data_dir); !locked) return locked.error();
    }

    const std::string stamp = utc_stamp();
    report.set_aside = data_dir / ("orlive.db.before-restore-" + stamp);
    if (auto saved = write_backup(**live, report.set_aside); !saved)
        return make_error("cannot keep the current database aside (" + saved.error().message + "); nothing was restored");

    try {
        // One write transaction on the live file: other connections see the old database or
        // the restored one, never a mix. They wait on their busy timeout meanwhile.
        SQLite::Backup((*live)->sql(), (*staged)->sql()).executeStep();
    } catch (const SQLite::Exception& e) {
        return make_error("cannot restore into " + (data_dir / "orlive.db").string() + ": " + e.getErrorStr() +
                          "; the database was left as it was");
    }

    if (report.key_replaced) {
        if (auto replaced = replace_device_key(data_dir, contents->key, stamp); !replaced) return replaced.error();
    }
    auto seal = [&]() -> Status {
        if (!contents->head.empty()) return write_file_atomically(data_dir / kLogHeadFile, contents->head, 0644);
        std::error_code ec;
        fs::remove(data_dir / kLogHeadFile, ec);
        return Ok{};
    };
    if (auto sealed = seal(); !sealed) return sealed.error();
    live->reset();  // releases the exclusive lock, if taken

    // A process that committed just before the restore may seal its (now old) head after ours;
    // its next seal would read the restored database, so writing ours once more settles it.
    auto reopened = Database::open_in(data_dir);
    if (!reopened) return reopened.error();
    auto verified = verify_log(**reopened);
    if (verified && !verified->intact) {
        (void)seal();
        verified = verify_log(**reopened);
    }
    if (!verified) return verified.error();
    if (!verified->intact)
        return make_error("the database was restored but its redaction log does not verify (" + verified->problem +
                          "); the previous database is at " + report.set_aside.string());
    if (report.key_replaced) {
        if (auto logged = log_key_change(**reopened, file, stamp); !logged) return logged.error();
    }
    report.restored.posts = count_rows((*reopened)->sql(), "posts");
    report.restored.log_entries = verified->entries + (report.key_replaced ? 1 : 0);
    return report;
}

}  // namespace orlive
