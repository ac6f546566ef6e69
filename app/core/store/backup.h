// Backups of a data dir as one self-contained file, and restoring them, while the app and the
// sync daemon keep running.
//
// A backup file is an SQLite database: a consistent snapshot of DATA_DIR/orlive.db taken with
// SQLite's online backup API (one read transaction, so writers in WAL mode are not blocked), in
// rollback-journal mode, plus one extra table `orlive_backup` holding the device key and the
// redaction log's sealed head. The key is in the file because the log's chain cannot be
// verified without it; the file is therefore created mode 0600 and is as sensitive as the data
// dir itself. It never holds patient details: `cases.patient_json` is cleared in the copy.
//
// Restoring writes the backup into the live database through the same backup API, as one write
// transaction on the live file: other connections (the app, orlive-sync) never see a
// half-restored database, wait on their busy timeout meanwhile, and re-read afterwards. The
// previous database is first saved beside it as a backup file of its own.
// Threading: each call opens its own connections; call from any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/store/database.h"
#include "core/base/result.h"

namespace orlive {

struct BackupInfo {
    int schema_version = 0;
    std::int64_t posts = 0;
    std::int64_t log_entries = 0;
    std::int64_t created_at_ms = 0;
    std::string orlive_version;  // of the orlivectl that wrote it
};

// Writes a backup of `db` (and its data dir's device key and sealed log head) to `file`,
// atomically: `file` appears complete or not at all. Refuses to overwrite a file that is not
// itself an ORLive backup.
Result<BackupInfo> write_backup(Database& db, const std::filesystem::path& file);

// Checks that `file` is an ORLive backup this version can restore, without changing it.
Result<BackupInfo> inspect_backup(const std::filesystem::path& file);

struct RestoreReport {
    BackupInfo restored;
    std::filesystem::path set_aside;  // the previous database, as a backup file
    bool key_replaced = false;        // the backup came from another device key
};

// Replaces the database in `data_dir` with the backup in `file`. Refuses (changing nothing)
// when `file` is not an ORLive backup, is from a newer schema, or its redaction log does not
// verify, or (see RestoreOptions) was made under another device key. A backup with the same device key is restored while other processes run; one with
// another key also replaces device.key, which only happens when no other process has the
// database open (they would keep signing log entries with the old key).
// A backup made under another device key than the data dir's is refused unless
// `allow_other_device_key`; when allowed, the key change is itself a redaction-log entry
// ("restore-other-key"). A data dir without a key yet (a fresh device) takes the backup's.
struct RestoreOptions {
    bool allow_other_device_key = false;
};
Result<RestoreReport> restore_backup(const std::filesystem::path& data_dir, const std::filesystem::path& file,
                                     const RestoreOptions& options = {});

}  // namespace orlive
