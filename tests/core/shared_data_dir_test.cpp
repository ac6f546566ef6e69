// A setgid data dir (the package's /var/lib/orlive, shared by orlive and orlive-sync through
// their group): the device key is made group-readable and accepted so, the database
// group-writable; a private data dir keeps both to its owner (the control).
#include "core/store/shared_data_dir.h"

#include <sys/stat.h>

#include "core/store/database.h"
#include "test_support.h"

namespace orlive {
namespace {

mode_t mode_of(const std::filesystem::path& file) {
    struct stat info{};
    EXPECT_EQ(::stat(file.c_str(), &info), 0) << file;
    return info.st_mode & 0777;
}

TEST(SharedDataDir, TheGroupMayUseTheKeyAndDatabaseOnlyWhenTheDirIsSetgid) {
    testing::TempDir shared, private_dir;
    ASSERT_EQ(::chmod(shared.path().c_str(), 02770), 0);
    ASSERT_TRUE(Database::open_in(shared.path()).ok());
    EXPECT_EQ(mode_of(shared.path() / "device.key"), 0640u);
    EXPECT_EQ(mode_of(shared.path() / "orlive.db"), 0660u);
    ASSERT_TRUE(Database::open_in(shared.path()).ok());  // a group-readable key is accepted there

    ASSERT_TRUE(Database::open_in(private_dir.path()).ok());
    EXPECT_EQ(mode_of(private_dir.path() / "device.key"), 0600u);
    EXPECT_EQ(mode_of(private_dir.path() / "orlive.db") & 0020, 0u);
    ASSERT_EQ(::chmod((private_dir.path() / "device.key").c_str(), 0640), 0);
    EXPECT_FALSE(Database::open_in(private_dir.path()).ok());  // outside a shared dir: refused
}

}  // namespace
}  // namespace orlive
