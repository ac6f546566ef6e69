// FileWatcher: calls `on_change` (from its own thread) whenever a file whose name starts with
// `prefix` in `dir` is written, created, renamed into place or closed after writing — e.g. the
// SQLite database and its WAL when another process (orlivectl) commits. Linux inotify; the app
// passes Window::post_wake so it notices such writes at once instead of polling each second.
// When inotify is unavailable `active()` is false and the caller keeps its slow fallback poll.
// Threading: construct and destroy on one thread; `on_change` runs on the watcher's thread.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <thread>

namespace orlive::platform {

class FileWatcher {
public:
    FileWatcher(const std::filesystem::path& dir, std::string prefix, std::function<void()> on_change);
    ~FileWatcher();  // stops and joins
    FileWatcher(const FileWatcher&) = delete;
    FileWatcher& operator=(const FileWatcher&) = delete;

    bool active() const { return inotify_fd_ >= 0; }

private:
    void run();

    std::string prefix_;
    std::function<void()> on_change_;
    int inotify_fd_ = -1;
    int stop_fd_ = -1;  // an eventfd: written once to stop the thread
    std::thread thread_;
};

}  // namespace orlive::platform
