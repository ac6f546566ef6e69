// SyncLock: at most one process drains a data dir's outbox at a time (the app's worker or
// `orlivectl sync`), so two engines never claim the same delivery. An flock on DIR/sync.lock:
// the kernel drops it when the holder exits or is killed, so a crash never leaves it stuck.
#pragma once

#include <filesystem>
#include <memory>

#include "core/base/result.h"

namespace orlive {

class SyncLock {
public:
    // Nothing (not an error) when another process holds it.
    static Result<std::unique_ptr<SyncLock>> try_acquire(const std::filesystem::path& data_dir);
    ~SyncLock();
    SyncLock(const SyncLock&) = delete;
    SyncLock& operator=(const SyncLock&) = delete;

private:
    explicit SyncLock(int fd) : fd_(fd) {}
    int fd_;
};

}  // namespace orlive
