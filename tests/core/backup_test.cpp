#include "core/store/backup.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/case_store.h"
#include "core/store/outbox.h"
#include "core/audit/redaction_log.h"
#include "test_support.h"

namespace orlive {
namespace {

namespace fs = std::filesystem;

std::unique_ptr<Database> open_dir(const fs::path& dir) {
    auto opened = Database::open_in(dir);
    EXPECT_TRUE(opened.ok()) << opened.error().message;
    return opened.ok() ? std::move(opened.value()) : nullptr;
}

// A held post with one redacted span: a post row, its delivery and a log entry, one transaction.
void add_post(Database& db, int n) {
    const std::string original = "Call 555-201-" + std::to_string(1000 + n);
    std::vector<PhiSpan> spans = {{5, original.size(), PhiCategory::Phone, "phone-us", false}};
    NewPost post;
    post.text = apply_redactions(original, spans);
    post.state = PostState::Held;
    post.redactions = 1;
    auto id = enqueue_post(db, post, {"main"},
                           log_entries_for_spans(original, spans, log_action::kRedacted, db.device_key(), 1000 + n));
    ASSERT_TRUE(id.ok()) << id.error().message;
}

std::int64_t count(Database& db, const char* table) {
    return db.sql().execAndGet(std::string("SELECT count(*) FROM ") + table).getInt64();
}

void expect_log_intact(Database& db) {
    auto report = verify_log(db);
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_TRUE(report->intact) << report->problem;
}

class BackupTest : public ::testing::Test {
protected:
    void SetUp() override {
        db = open_dir(live.path());
        for (int n = 0; n < 3; ++n) add_post(*db, n);
    }
    testing::TempDir live;
    testing::TempDir elsewhere;
    std::unique_ptr<Database> db;
};

TEST_F(BackupTest, ABackupRestoredIntoAnEmptyDirVerifiesWithTheSameKey) {
    const fs::path file = elsewhere.path() / "orlive.backup";
    auto written = write_backup(*db, file);
    ASSERT_TRUE(written.ok()) << written.error().message;
    EXPECT_EQ(written->posts, 3);
    EXPECT_EQ(written->log_entries, 3);
    EXPECT_EQ(fs::status(file).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
    EXPECT_FALSE(fs::exists(file.string() + "-wal"));

    const fs::path fresh = elsewhere.path() / "fresh";
    auto restored = restore_backup(fresh, file);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_FALSE(restored->key_replaced);
    auto copy = open_dir(fresh);
    EXPECT_EQ(count(*copy, "posts"), 3);
    EXPECT_EQ(copy->device_key().hmac_hex("x"), db->device_key().hmac_hex("x"));
    expect_log_intact(*copy);
    EXPECT_FALSE(copy->sql().tableExists("orlive_backup"));  // the key stays out of the database
}

TEST_F(BackupTest, ABackupNeverHoldsPatientDetails) {
    CaseStart start;
    start.procedure_id = "tka";
    start.patient.names = {"Zebulon Quarternight"};
    start.patient.mrn = "MRN-77441-SECRET";
    ASSERT_TRUE(start_case(*db, start, 1000).ok());
    const fs::path file = elsewhere.path() / "b.orlive";
    ASSERT_TRUE(write_backup(*db, file).ok());
    std::ifstream in(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(bytes.find("MRN-77441-SECRET"), std::string::npos);
    EXPECT_EQ(bytes.find("Quarternight"), std::string::npos);
    EXPECT_EQ((*active_case(*db))->patient.mrn, "MRN-77441-SECRET") << "the live case keeps them";
}

TEST_F(BackupTest, RestoreRefusesFilesThatAreNotOrliveBackupsAndChangesNothing) {
    const fs::path text = elsewhere.path() / "notes.txt";
    std::ofstream(text) << "not a database\n";
    const fs::path empty_db = elsewhere.path() / "other.db";
    { SQLite::Database other(empty_db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); other.exec("CREATE TABLE t (x)"); }
    const fs::path fresh = elsewhere.path() / "fresh";
    for (const fs::path& file : {text, empty_db, live.path() / "orlive.db", elsewhere.path() / "missing"}) {
        auto refused = restore_backup(fresh, file);
        ASSERT_FALSE(refused.ok()) << file;
        EXPECT_NE(refused.error().message.find(file.string()), std::string::npos) << refused.error().message;
        EXPECT_FALSE(fs::exists(fresh / "device.key")) << file;
    }
    auto raw = restore_backup(fresh, live.path() / "orlive.db");
    EXPECT_NE(raw.error().message.find("orlivectl backup"), std::string::npos) << raw.error().message;
}

TEST_F(BackupTest, ANewerSchemaIsRefused) {
    const fs::path file = elsewhere.path() / "orlive.backup";
    ASSERT_TRUE(write_backup(*db, file).ok());
    { SQLite::Database edit(file.string(), SQLite::OPEN_READWRITE); edit.exec("PRAGMA user_version = 99"); }
    auto refused = inspect_backup(file);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("newer ORLive"), std::string::npos) << refused.error().message;
}

TEST_F(BackupTest, BackupWillNotOverwriteAFileThatIsNotABackup) {
    const fs::path text = elsewhere.path() / "precious.txt";
    std::ofstream(text) << "keep me\n";
    EXPECT_FALSE(write_backup(*db, text).ok());
    std::ifstream in(text);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "keep me");
}

// The app keeps its connection open throughout; it sees the restored database and can go on
// appending to the log with the same key.
TEST_F(BackupTest, RestoreWhileAnotherConnectionIsOpenKeepsTheCurrentDatabaseAside) {
    const fs::path file = elsewhere.path() / "orlive.backup";
    ASSERT_TRUE(write_backup(*db, file).ok());
    add_post(*db, 3);
    add_post(*db, 4);

    auto restored = restore_backup(live.path(), file);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->restored.posts, 3);
    EXPECT_EQ(count(*db, "posts"), 3);
    add_post(*db, 5);
    expect_log_intact(*db);

    auto aside = inspect_backup(restored->set_aside);
    ASSERT_TRUE(aside.ok()) << aside.error().message;
    EXPECT_EQ(aside->posts, 5);
}

TEST_F(BackupTest, ABackupFromAnotherKeyWaitsUntilNoOtherProcessHasTheDatabaseOpen) {
    testing::TempDir other_dir;
    const fs::path file = elsewhere.path() / "other.backup";
    {
        auto other = open_dir(other_dir.path());
        add_post(*other, 9);
        ASSERT_TRUE(write_backup(*other, file).ok());
    }
    const RestoreOptions allowed{true};
    auto refused = restore_backup(live.path(), file, allowed);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("stop the app"), std::string::npos) << refused.error().message;
    EXPECT_EQ(count(*db, "posts"), 3);
    expect_log_intact(*db);

    db.reset();
    auto restored = restore_backup(live.path(), file, allowed);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_TRUE(restored->key_replaced);
    auto reopened = open_dir(live.path());
    EXPECT_EQ(count(*reopened, "posts"), 1);
    expect_log_intact(*reopened);
    EXPECT_EQ(reopened->sql().execAndGet("SELECT count(*) FROM redaction_log WHERE action = 'restore-other-key'").getInt(), 1)
        << "the key change must be in the log";
}

TEST_F(BackupTest, ABackupFromAnotherKeyIsRefusedUnlessAskedForAndChangesNothing) {
    testing::TempDir other_dir;
    const fs::path file = elsewhere.path() / "other.backup";
    {
        auto other = open_dir(other_dir.path());
        add_post(*other, 9);
        ASSERT_TRUE(write_backup(*other, file).ok());
    }
    db.reset();
    auto refused = restore_backup(live.path(), file);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("--other-device-key"), std::string::npos) << refused.error().message;
    auto reopened = open_dir(live.path());
    EXPECT_EQ(count(*reopened, "posts"), 3);
    expect_log_intact(*reopened);
    // Positive control: the same backup is restored into a device without a key yet.
    testing::TempDir fresh;
    auto restored = restore_backup(fresh.path() / "data", file);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_FALSE(restored->key_replaced);
}

// A child process writes posts (each a post, a delivery and a log entry in one transaction)
// while the parent takes backups; every backup must hold whole posts and a verifying log.
TEST_F(BackupTest, ABackupTakenWhileAnotherProcessWritesIsConsistent) {
    int started[2], stop[2];
    ASSERT_EQ(::pipe(started), 0);
    ASSERT_EQ(::pipe(stop), 0);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::fcntl(stop[0], F_SETFL, O_NONBLOCK);
        auto writer = Database::open_in(live.path());
        if (!writer) ::_exit(3);
        char byte = 0;
        for (int n = 100;; ++n) {
            const std::string original = "Call 555-201-" + std::to_string(n);
            std::vector<PhiSpan> spans = {{5, original.size(), PhiCategory::Phone, "phone-us", false}};
            NewPost post;
            post.text = apply_redactions(original, spans);
            post.state = PostState::Held;
            post.redactions = 1;
            auto entries = log_entries_for_spans(original, spans, log_action::kRedacted, (*writer)->device_key(), n);
            if (!enqueue_post(**writer, post, {"main", "team"}, entries)) ::_exit(4);
            if (n == 110 && ::write(started[1], "s", 1) != 1) ::_exit(5);
            if (::read(stop[0], &byte, 1) == 1) ::_exit(0);
        }
    }
    char byte = 0;
    ASSERT_EQ(::read(started[0], &byte, 1), 1);
    std::vector<fs::path> files;
    for (int i = 0; i < 3; ++i) {
        files.push_back(elsewhere.path() / ("during-" + std::to_string(i) + ".backup"));
        auto written = write_backup(*db, files.back());
        ASSERT_TRUE(written.ok()) << written.error().message;
    }
    ASSERT_EQ(::write(stop[1], "x", 1), 1);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);

    for (const fs::path& file : files) {
        const fs::path dir = elsewhere.path() / (file.stem().string() + "-restored");
        auto restored = restore_backup(dir, file);
        ASSERT_TRUE(restored.ok()) << file << ": " << restored.error().message;
        auto copy = open_dir(dir);
        EXPECT_GE(count(*copy, "posts"), 3 + 11);
        expect_log_intact(*copy);
        // Whole posts only: every post has its log entry and its deliveries.
        EXPECT_EQ(count(*copy, "posts"), count(*copy, "redaction_log"));
        EXPECT_EQ(copy->sql().execAndGet("SELECT count(*) FROM posts p WHERE (SELECT count(*) FROM deliveries d "
                                         "WHERE d.post_id = p.id) = 0").getInt64(), 0);
    }
}

}  // namespace
}  // namespace orlive
