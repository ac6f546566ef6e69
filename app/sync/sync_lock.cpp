#include "sync/sync_lock.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/store/shared_data_dir.h"

namespace orlive {

Result<std::unique_ptr<SyncLock>> SyncLock::try_acquire(const std::filesystem::path& data_dir) {
    const std::string file = (data_dir / "sync.lock").string();
    int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return make_error("cannot open " + file + ": " + std::strerror(errno));
    // In the package's shared data dir the other service user must be able to open it too.
    if (is_shared_data_dir(data_dir)) (void)::fchmod(fd, 0660);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK) return std::unique_ptr<SyncLock>();
        return make_error("cannot lock " + file + ": " + std::strerror(err));
    }
    return std::unique_ptr<SyncLock>(new SyncLock(fd));
}

SyncLock::~SyncLock() { ::close(fd_); }

}  // namespace orlive
