#include "core/base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

namespace orlive {

namespace fs = std::filesystem;

namespace {

fs::path directory_of(const fs::path& file) {
    return file.has_parent_path() ? file.parent_path() : fs::path(".");
}

// pid + a per-process counter: two threads (or processes) never share a temporary.
fs::path temporary_beside(const fs::path& file) {
    static std::atomic<unsigned long> counter{0};
    return file.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

bool write_all(int fd, std::string_view bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

Status fsync_directory(const fs::path& dir) {
    int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return make_error("cannot open " + dir.string() + ": " + std::strerror(errno));
    int synced = ::fsync(fd);
    int saved_errno = errno;
    ::close(fd);
    if (synced != 0) return make_error("cannot sync " + dir.string() + ": " + std::strerror(saved_errno));
    return Ok{};
}

Status write_file_atomically(const fs::path& file, std::string_view bytes, mode_t mode, IfExists if_exists,
                             std::optional<FileOwner> owner) {
    const fs::path temp = temporary_beside(file);
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) return make_error("cannot create " + temp.string() + ": " + std::strerror(errno));
    // fchmod: the umask must not loosen or tighten what the caller asked for.
    bool written = ::fchmod(fd, mode) == 0 && (!owner || ::fchown(fd, owner->uid, owner->gid) == 0) &&
                   write_all(fd, bytes) && ::fsync(fd) == 0;
    int saved_errno = errno;
    ::close(fd);
    if (!written) {
        ::unlink(temp.c_str());
        return make_error("cannot write " + file.string() + ": " + std::strerror(saved_errno) + " (is the disk full?)");
    }
    if (if_exists == IfExists::Keep) {
        // link() never replaces: a file another process created meanwhile wins.
        int linked = ::link(temp.c_str(), file.c_str());
        saved_errno = errno;
        ::unlink(temp.c_str());
        if (linked != 0 && saved_errno == EEXIST) return make_error(std::string(atomic_write::kExists));
        if (linked != 0) return make_error("cannot write " + file.string() + ": " + std::strerror(saved_errno));
    } else if (::rename(temp.c_str(), file.c_str()) != 0) {
        saved_errno = errno;
        ::unlink(temp.c_str());
        return make_error("cannot write " + file.string() + ": " + std::strerror(saved_errno));
    }
    return fsync_directory(directory_of(file));
}

}  // namespace orlive
