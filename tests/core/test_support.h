// Shared helpers for core tests: throw-away data dirs with real SQLite files, the database
// fixture most tests start from, and databases in memory under a given key.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "core/audit/device_key.h"
#include "core/store/database.h"

namespace orlive::testing {

// A fresh directory under $TMPDIR, removed when the test ends.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "orlive-test-XXXXXX").string();
        char* made = ::mkdtemp(pattern.data());
        EXPECT_NE(made, nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline std::filesystem::path source_assets() { return ORLIVE_SOURCE_ASSETS_DIR; }

// A file's raw bytes: what is left on disk, free pages and WAL included.
inline std::string file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A device key of 32 copies of `byte`: tests that compare fingerprints choose it.
inline DeviceKey test_key(unsigned char byte = 7) {
    std::array<unsigned char, DeviceKey::kBytes> bytes{};
    bytes.fill(byte);
    return DeviceKey::from_bytes(bytes);
}

// A migrated database in memory under `key`: no files, nothing to clean up, and no sealed
// head (a database in memory has no data dir). Fails the test when it cannot be opened.
inline std::unique_ptr<Database> memory_database(const DeviceKey& key = test_key()) {
    auto opened = Database::open_in_memory(key);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    return opened.ok() ? std::move(opened.value()) : nullptr;
}

// The fixture most core and sync tests start from: a migrated database (`db`) in a
// throw-away data dir (`dir`), with its device key and sealed head, as the app has it.
class DatabaseTest : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in(dir.path());
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db = std::move(opened.value());
    }

    TempDir dir;
    std::unique_ptr<Database> db;
};

}  // namespace orlive::testing
