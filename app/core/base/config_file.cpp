#include "core/base/config_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <optional>
#include <system_error>

#include "core/base/atomic_file.h"

namespace orlive {

Status replace_config_file(const std::filesystem::path& file, std::string_view bytes, mode_t new_mode,
                           mode_t max_mode) {
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    struct stat existing{};
    mode_t mode = new_mode;
    std::optional<FileOwner> owner;
    if (::stat(file.c_str(), &existing) == 0) {
        mode = existing.st_mode & 07777 & max_mode;
        // Only root can give a file away; anyone else writes it as themselves, as before.
        if (::geteuid() == 0) owner = FileOwner{existing.st_uid, existing.st_gid};
    }
    return write_file_atomically(file, bytes, mode, IfExists::Replace, owner);
}

}  // namespace orlive
