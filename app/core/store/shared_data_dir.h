// A data dir shared by two service users through their group (the package: /var/lib/orlive is
// setgid 2770 group orlive; the kiosk runs as orlive, delivery as orlive-sync). Files ORLive
// creates there must then be usable by the group too: the device key readable (0640), the
// database read-write (0660; SQLite gives its -wal and -shm files the main file's mode), the
// sync lock openable. Anywhere else (a user's own ~/.local/share/orlive) they stay private.
#pragma once

#include <sys/types.h>

#include <filesystem>

#include "core/base/result.h"

namespace orlive {

// The setgid bit on the directory is the sign: it is how the package shares it.
bool is_shared_data_dir(const std::filesystem::path& data_dir);

// `private_mode` (0600) plus read for the group (0640) when the dir is shared.
mode_t data_file_mode(const std::filesystem::path& data_dir, mode_t private_mode);

// In a shared dir, creates a missing database file empty with mode 0660 (whatever the umask),
// so SQLite opens it as a new database and its journal files follow that mode.
Status prepare_database_file(const std::filesystem::path& file);

}  // namespace orlive
