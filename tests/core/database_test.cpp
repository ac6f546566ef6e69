#include "core/store/database.h"

#include <fstream>
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "test_support.h"

namespace orlive {
namespace {

std::string read_all(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(Database, OpensInWalModeAtTheCurrentSchema) {
    testing::TempDir dir;
    auto db = Database::open_in(dir.path() / "nested" / "data");
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->schema_version(), Database::kSchemaVersion);
    EXPECT_EQ((*db)->sql().execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ((*db)->sql().execAndGet("PRAGMA synchronous").getInt(), 2);  // FULL
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "nested" / "data" / "orlive.db"));
}

TEST(Database, ReopeningKeepsDataAndDoesNotMigrateTwice) {
    testing::TempDir dir;
    {
        auto db = Database::open_in(dir.path());
        ASSERT_TRUE(db.ok());
        (*db)->sql().exec("INSERT INTO cases (procedure_id, consent, started_at) VALUES ('tka', 'none', 1)");
    }
    auto db = Database::open_in(dir.path());
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->sql().execAndGet("SELECT count(*) FROM cases").getInt(), 1);
}

TEST(Database, RefusesACorruptFileAndLeavesItUntouched) {
    testing::TempDir dir;
    const std::string garbage(8192, 'x');
    std::ofstream(dir.path() / "orlive.db", std::ios::binary) << garbage;
    auto db = Database::open_in(dir.path());
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("left untouched"), std::string::npos) << db.error().message;
    EXPECT_EQ(read_all(dir.path() / "orlive.db"), garbage);
}

TEST(Database, RefusesADatabaseFromANewerVersion) {
    testing::TempDir dir;
    {
        auto db = Database::open_in(dir.path());
        ASSERT_TRUE(db.ok());
        (*db)->sql().exec("PRAGMA user_version = 99");
    }
    auto db = Database::open_in(dir.path());
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("newer than this ORLive"), std::string::npos);
}

TEST(Database, RefusesADataDirThatIsAFile) {
    testing::TempDir dir;
    std::ofstream(dir.path() / "file") << "x";
    auto db = Database::open_in(dir.path() / "file");
    ASSERT_FALSE(db.ok());
    EXPECT_NE(db.error().message.find("not a directory"), std::string::npos);
}

}  // namespace
}  // namespace orlive
