#include "core/store/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace orlive {

namespace fs = std::filesystem;

Status fsync_dir(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return make_error("cannot open " + dir.string() + ": " + std::strerror(errno));
    ::fsync(fd);
    ::close(fd);
    return Ok{};
}

Status write_file_atomically(const fs::path& file, const std::string& bytes, mode_t mode) {
    const fs::path temp = file.string() + ".tmp-" + std::to_string(::getpid());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) return make_error("cannot create " + temp.string() + ": " + std::strerror(errno));
    bool written = ::fchmod(fd, mode) == 0 &&
                   ::write(fd, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size()) &&
                   ::fsync(fd) == 0;
    int saved_errno = errno;
    ::close(fd);
    if (!written || ::rename(temp.c_str(), file.c_str()) != 0) {
        if (written) saved_errno = errno;
        ::unlink(temp.c_str());
        return make_error("cannot write " + file.string() + ": " + std::strerror(saved_errno) +
                          " (is the disk full?)");
    }
    return fsync_dir(file.parent_path().empty() ? fs::path(".") : file.parent_path());
}

}  // namespace orlive
