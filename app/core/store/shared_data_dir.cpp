#include "core/store/shared_data_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace orlive {

bool is_shared_data_dir(const std::filesystem::path& data_dir) {
    struct stat info{};
    const std::filesystem::path dir = data_dir.empty() ? std::filesystem::path(".") : data_dir;
    return ::stat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode) && (info.st_mode & S_ISGID) != 0;
}

mode_t data_file_mode(const std::filesystem::path& data_dir, mode_t private_mode) {
    if (!is_shared_data_dir(data_dir)) return private_mode;
    return private_mode | ((private_mode & 0400) >> 3);  // the group may read, never write
}

Status prepare_database_file(const std::filesystem::path& file) {
    const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    if (!is_shared_data_dir(dir)) return Ok{};
    int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) return Ok{};  // there already (or another process won): SQLite opens it
    if (fd < 0) return make_error("cannot create the database " + file.string() + ": " + std::strerror(errno));
    // fchmod: the umask must not take the group's write away.
    const bool shared = ::fchmod(fd, 0660) == 0;
    const int saved_errno = errno;
    ::close(fd);
    if (!shared) return make_error("cannot share the database " + file.string() + " with its group: " + std::strerror(saved_errno));
    return Ok{};
}

}  // namespace orlive
