// Database: the one SQLite file (DATA_DIR/orlive.db) with WAL, a busy timeout and a
// versioned schema migrated on open. One Database per thread (SQLite connections are not
// shared); WAL lets the app and orlivectl read while one of them writes.
#pragma once

#include <filesystem>
#include <memory>

#include <SQLiteCpp/Database.h>

#include "core/audit/device_key.h"
#include "core/base/result.h"

namespace orlive {

class Database {
public:
    static constexpr int kSchemaVersion = 5;

    // Opens (creating if missing) and migrates. Refuses a file that is not an ORLive database
    // or was written by a newer version, without touching it.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& file);
    // The database in a data dir: DIR/orlive.db, creating DIR if needed.
    static Result<std::unique_ptr<Database>> open_in(const std::filesystem::path& data_dir);

    SQLite::Database& sql() { return db_; }
    int schema_version();
    // The directory holding the database, the device key and the log's sealed head.
    const std::filesystem::path& data_dir() const { return data_dir_; }
    const DeviceKey& device_key() const { return key_; }

private:
    Database(const std::filesystem::path& file, DeviceKey key);
    Status migrate();

    SQLite::Database db_;
    std::filesystem::path data_dir_;
    DeviceKey key_;
};

}  // namespace orlive
