// orlivectl backup FILE | restore FILE: the data dir as one file, and back (see core/backup.h).
#include <iostream>
#include <optional>

#include "core/store/backup.h"
#include "core/store/data_paths.h"
#include "core/base/time_format.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

namespace {

std::string describe(const BackupInfo& info) {
    return std::to_string(info.posts) + " posts, " + std::to_string(info.log_entries) + " log entries, schema " +
           std::to_string(info.schema_version) +
           (info.created_at_ms > 0 ? ", taken " + format_iso8601_utc(info.created_at_ms) : std::string());
}

// FILE is the one word after the command; everything else is a usage error.
std::optional<std::string> file_argument(const Args& args) {
    if (args.words().size() != 2) return std::nullopt;
    return args.words()[1];
}

}  // namespace

int run_backup(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config"});
    if (!unknown.empty()) return usage_error("backup does not take " + unknown.front());
    auto file = file_argument(args);
    if (!file) return usage_error("backup needs one FILE to write");
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto written = write_backup(**db, *file);
    if (!written) return fail(written.error().message);
    std::cout << "backed up to " << *file << ": " << describe(*written) << "\n";
    return kExitOk;
}

int run_restore(CommandContext&, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "other-device-key"});
    if (!unknown.empty()) return usage_error("restore does not take " + unknown.front());
    auto file = file_argument(args);
    if (!file) return usage_error("restore needs the backup FILE to restore");
    // Not context.database(): opening the data dir would create a fresh device key in an empty
    // one, and restore must install the backup's key there instead.
    const std::filesystem::path data_dir = args.get("data-dir").value_or(default_data_dir().string());
    RestoreOptions options;
    options.allow_other_device_key = args.has("other-device-key");
    auto restored = restore_backup(data_dir, *file, options);
    if (!restored) return fail(restored.error().message);
    std::cout << "restored " << *file << " into " << data_dir.string() << ": " << describe(restored->restored) << "\n"
              << "redaction log intact; the previous database is kept at " << restored->set_aside.string() << "\n";
    if (restored->key_replaced)
        std::cout << "the device key came from the backup; the previous key is kept beside it as device.key.before-restore-*; "
                     "the change is in the redaction log\n";
    return kExitOk;
}

}  // namespace orlive::cli
