#include "platform/file_watcher.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace orlive::platform {

FileWatcher::FileWatcher(const std::filesystem::path& dir, std::string prefix, std::function<void()> on_change)
    : prefix_(std::move(prefix)), on_change_(std::move(on_change)) {
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd < 0) return;
    const std::uint32_t mask = IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_MOVED_TO | IN_DELETE;
    if (inotify_add_watch(fd, dir.c_str(), mask) < 0) {
        close(fd);
        return;
    }
    stop_fd_ = eventfd(0, EFD_CLOEXEC);
    if (stop_fd_ < 0) {
        close(fd);
        return;
    }
    inotify_fd_ = fd;
    thread_ = std::thread([this] { run(); });
}

FileWatcher::~FileWatcher() {
    if (thread_.joinable()) {
        const std::uint64_t one = 1;
        [[maybe_unused]] ssize_t written = write(stop_fd_, &one, sizeof one);
        thread_.join();
    }
    if (inotify_fd_ >= 0) close(inotify_fd_);
    if (stop_fd_ >= 0) close(stop_fd_);
}

void FileWatcher::run() {
    alignas(inotify_event) std::array<char, 4096> buffer{};
    for (;;) {
        std::array<pollfd, 2> fds{pollfd{inotify_fd_, POLLIN, 0}, pollfd{stop_fd_, POLLIN, 0}};
        if (poll(fds.data(), fds.size(), -1) < 0) continue;  // EINTR
        if (fds[1].revents != 0) return;
        bool matched = false;
        ssize_t length = 0;
        // Drain everything queued: a commit is several writes, one wake-up is enough.
        while ((length = read(inotify_fd_, buffer.data(), buffer.size())) > 0) {
            for (ssize_t at = 0; at < length;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
                if (event->len > 0 && std::strncmp(event->name, prefix_.c_str(), prefix_.size()) == 0) matched = true;
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
        if (matched && on_change_) on_change_();
    }
}

}  // namespace orlive::platform
