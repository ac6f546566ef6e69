// FileWatcher against a real directory: a write to a matching file calls back; other files and
// a quiet directory do not.
#include "platform/file_watcher.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <unistd.h>
#include <condition_variable>
#include <fstream>
#include <mutex>

namespace {

struct Calls {
    std::mutex mutex;
    std::condition_variable cv;
    int count = 0;
    void add() {
        std::lock_guard<std::mutex> lock(mutex);
        ++count;
        cv.notify_all();
    }
    // Waits for a call; the bound only keeps a broken watcher from hanging the suite.
    bool wait_for_one() {
        std::unique_lock<std::mutex> lock(mutex);
        return cv.wait_for(lock, std::chrono::seconds(30), [this] { return count > 0; });
    }
};

std::filesystem::path fresh_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("orlive-watch-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

TEST(FileWatcher, AWriteToTheWalCallsBack) {
    auto dir = fresh_dir("wal");
    Calls calls;
    orlive::platform::FileWatcher watcher(dir, "orlive.db", [&calls] { calls.add(); });
    ASSERT_TRUE(watcher.active());
    std::ofstream(dir / "orlive.db-wal") << "frame";
    EXPECT_TRUE(calls.wait_for_one());
    std::filesystem::remove_all(dir);
}

TEST(FileWatcher, OtherFilesDoNotCallBack) {
    auto dir = fresh_dir("other");
    Calls calls;
    std::atomic<bool> matching_written{false};
    std::atomic<bool> called_early{false};
    {
        orlive::platform::FileWatcher watcher(dir, "orlive.db", [&] {
            if (!matching_written) called_early = true;
            calls.add();
        });
        std::ofstream(dir / "sync.status.tmp") << "Online";
        std::this_thread::sleep_for(std::chrono::milliseconds(200));  // room for a wrong call
        // A matching write after it: once that one is seen, the first was read (and skipped).
        matching_written = true;
        std::ofstream(dir / "orlive.db") << "page";
        ASSERT_TRUE(calls.wait_for_one());
    }
    EXPECT_FALSE(called_early);
    std::filesystem::remove_all(dir);
}

}  // namespace
