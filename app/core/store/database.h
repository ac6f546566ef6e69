// Database: the one SQLite file (DATA_DIR/orlive.db) with WAL, a busy timeout and a
// versioned schema migrated on open. One Database per thread (SQLite connections are not
// shared); WAL lets the app and orlivectl read while one of them writes.
// The SQLite connection is held by pointer so this header names no SQLiteCpp type beyond a
// forward declaration: code that runs SQL includes <SQLiteCpp/...> itself, the rest (screens,
// views) never sees the database library.
#pragma once

#include <filesystem>
#include <memory>

#include "core/audit/device_key.h"
#include "core/base/result.h"

namespace SQLite {
class Database;
}

namespace orlive {

class Database {
public:
    static constexpr int kSchemaVersion = 10;
    // How long a writer waits for another connection's write transaction before failing.
    static constexpr int kBusyTimeoutMs = 5000;

    // Opens (creating if missing) and migrates. Refuses a file that is not an ORLive database
    // or was written by a newer version, without touching it.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file);
    // The database in a data dir: DIR/orlive.db, creating DIR if needed.
    static Result<std::unique_ptr<Database>> open_in(const std::filesystem::path& data_dir);
    // A migrated database in memory with the given key, for unit tests: no files at all. It has
    // no data dir, so the redaction log's head is not sealed to a file.
    static Result<std::unique_ptr<Database>> open_in_memory(const DeviceKey& key);

    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    SQLite::Database& sql() { return *db_; }
    int schema_version();
    // The directory holding the database, the device key and the log's sealed head; empty for
    // a database in memory.
    const std::filesystem::path& data_dir() const { return data_dir_; }
    const DeviceKey& device_key() const { return key_; }

private:
    Database(const std::string& file, std::filesystem::path data_dir, DeviceKey key);
    static Result<std::unique_ptr<Database>> configure(std::unique_ptr<Database> database, const std::string& name);
    Status migrate();

    std::unique_ptr<SQLite::Database> db_;
    std::filesystem::path data_dir_;
    DeviceKey key_;
};

}  // namespace orlive
