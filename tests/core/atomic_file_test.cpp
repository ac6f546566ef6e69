// write_file_atomically: exact bytes and mode, no temporary left behind, Keep never replaces.
#include "core/base/atomic_file.h"

#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "test_support.h"

namespace orlive {
namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

mode_t mode_of(const std::filesystem::path& file) {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_mode & 0777;
}

int entries_in(const std::filesystem::path& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
    return n;
}

TEST(AtomicFile, ReplacesWithExactBytesAndModeAndLeavesNoTemporary) {
    testing::TempDir dir;
    const auto file = dir.path() / "settings.json";
    ASSERT_TRUE(write_file_atomically(file, "old", 0644));
    std::string bytes("new\0with a nul", 14);
    ASSERT_TRUE(write_file_atomically(file, bytes, 0600));
    EXPECT_EQ(slurp(file), bytes);
    EXPECT_EQ(mode_of(file), 0600u);
    EXPECT_EQ(entries_in(dir.path()), 1);
}

TEST(AtomicFile, ModeIsWhatWasAskedWhateverTheUmask) {
    testing::TempDir dir;
    const mode_t old_mask = ::umask(0077);
    auto written = write_file_atomically(dir.path() / "head", "1 ab\n", 0644);
    ::umask(old_mask);
    ASSERT_TRUE(written);
    EXPECT_EQ(mode_of(dir.path() / "head"), 0644u);
}

TEST(AtomicFile, KeepNeverReplacesAnotherWritersFile) {
    testing::TempDir dir;
    const auto file = dir.path() / "device.key";
    ASSERT_TRUE(write_file_atomically(file, "theirs", 0600, IfExists::Keep));
    auto second = write_file_atomically(file, "mine", 0600, IfExists::Keep);
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().message, atomic_write::kExists);
    EXPECT_EQ(slurp(file), "theirs");
    EXPECT_EQ(entries_in(dir.path()), 1);
}

TEST(AtomicFile, AMissingDirectoryIsAnErrorNamingTheFile) {
    testing::TempDir dir;
    auto written = write_file_atomically(dir.path() / "no" / "such" / "file", "x", 0600);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find("file"), std::string::npos);
}

}  // namespace
}  // namespace orlive
