// PIN hashes, the lockout that survives a restart, and the review screen's idle lock.
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "core/audit/compliance_desk.h"
#include "core/audit/pin_hash.h"
#include "core/audit/pin_lock.h"
#include "core/compose/settings.h"
#include "test_support.h"

namespace orlive {
namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

TEST(PinHash, IsSaltedSelfDescribingAndMatchesOnlyThePin) {
    auto a = hash_pin("2468", 2000);
    auto b = hash_pin("2468", 2000);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_NE(*a, *b) << "two hashes of one PIN differ by their salt";
    EXPECT_EQ(a->rfind("pbkdf2-sha256$2000$", 0), 0u) << *a;
    EXPECT_TRUE(is_pin_hash(*a));
    EXPECT_TRUE(pin_matches(*a, "2468"));
    EXPECT_FALSE(pin_matches(*a, "2469"));
    EXPECT_FALSE(pin_matches(*a, ""));
    EXPECT_EQ(a->find("2468"), std::string::npos);
    // An old file's plain PIN still works; nothing matches an empty one.
    EXPECT_TRUE(pin_matches("2468", "2468"));
    EXPECT_FALSE(pin_matches("2468", "24680"));
    EXPECT_FALSE(pin_matches("", ""));
    EXPECT_FALSE(is_pin_hash("pbkdf2-sha256$2000$zz$00"));
}

TEST(PinLock, TheLockoutSurvivesARestart) {
    testing::TempDir dir;
    auto db = Database::open_in(dir.path());
    ASSERT_TRUE(db.ok());
    auto hash = hash_pin("1357", 2000);
    ASSERT_TRUE(hash.ok());
    const TimeMs now = 1'800'000'000'000;
    {
        PinLock lock(*hash, db->get(), "admin");
        for (int i = 0; i < PinLock::kMaxAttempts - 1; ++i) EXPECT_FALSE(lock.check("0000", now).ok());
    }
    PinLock restarted(*hash, db->get(), "admin");  // a new process, same database
    EXPECT_EQ(restarted.failed_attempts(), PinLock::kMaxAttempts - 1);
    EXPECT_FALSE(restarted.check("0000", now).ok());
    PinLock again(*hash, db->get(), "admin");
    auto locked = again.check("1357", now + 1000);
    ASSERT_FALSE(locked.ok()) << "the right PIN must not work during a lockout, even after a restart";
    EXPECT_NE(locked.error().message.find("try again"), std::string::npos);
    EXPECT_TRUE(again.check("1357", now + PinLock::kLockoutMs + 1).ok());
    // Another PIN's count is its own.
    PinLock compliance(*hash, db->get(), "compliance");
    EXPECT_EQ(compliance.failed_attempts(), 0);
}

TEST(ComplianceDesk, LocksAfterTwoMinutesUntouched) {
    testing::TempDir dir;
    auto db = Database::open_in(dir.path());
    ASSERT_TRUE(db.ok());
    ManualClock clock{1'800'000'000'000};
    ComplianceDesk desk(**db, "2468", clock);
    ASSERT_TRUE(desk.unlock("2468").ok());
    clock.advance_ms(ComplianceDesk::kIdleLockMs - 1000);
    EXPECT_FALSE(desk.lock_if_idle());
    ASSERT_TRUE(desk.verify().ok());  // a touch restarts the two minutes
    clock.advance_ms(ComplianceDesk::kIdleLockMs - 1000);
    EXPECT_FALSE(desk.lock_if_idle());
    EXPECT_TRUE(desk.view().unlocked);
    clock.advance_ms(1000);
    EXPECT_TRUE(desk.lock_if_idle());
    EXPECT_FALSE(desk.view().unlocked);
}

TEST(Settings, PinSetStoresOnlyAHashWithMode0600AndKeepsTheRest) {
    testing::TempDir dir;
    const auto file = dir.path() / "config.json";
    {
        std::ofstream out(file);
        out << R"({"undo_seconds": 7, "compliance_pin": "864213", "audit_syslog": "tcp://127.0.0.1:6514"})";
    }
    auto old = parse_settings(slurp(file));
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(old->migration_notes.size(), 1u) << "a plain PIN is flagged for migration";
    EXPECT_TRUE(pin_matches(old->compliance_pin_secret(), "864213"));

    ASSERT_TRUE(store_pin_hash(file, "compliance", "97531"));
    const std::string text = slurp(file);
    EXPECT_EQ(text.find("864213"), std::string::npos);
    EXPECT_EQ(text.find("97531"), std::string::npos);
    struct stat info {};
    ::stat(file.c_str(), &info);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    auto loaded = load_settings(file, false);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_TRUE(loaded->migration_notes.empty());
    EXPECT_EQ(loaded->undo_seconds, 7);
    EXPECT_EQ(loaded->audit_syslog, "tcp://127.0.0.1:6514");
    EXPECT_TRUE(pin_matches(loaded->compliance_pin_secret(), "97531"));
    EXPECT_FALSE(pin_matches(loaded->compliance_pin_secret(), "864213"));
    EXPECT_FALSE(store_pin_hash(file, "compliance", "12a4"));
    EXPECT_FALSE(parse_settings(R"({"admin_pin_hash": "2468"})").ok()) << "a hash field holding a PIN is refused";
}

}  // namespace
}  // namespace orlive
