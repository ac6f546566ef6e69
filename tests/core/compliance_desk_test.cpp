#include "core/audit/compliance_desk.h"

#include <fstream>

#include "test_support.h"

namespace orlive {
namespace {

class ComplianceDeskTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (HasFatalFailure()) return;
        LogEntry entry;
        entry.at = clock.now_ms();
        entry.action = log_action::kRedacted;
        entry.category = "NAME";
        ASSERT_TRUE(append_log(*db, {entry, entry, entry}).ok());
    }
    ManualClock clock{1'800'000'000'000};
};

TEST_F(ComplianceDeskTest, LockedItShowsNothingOfTheLog) {
    ComplianceDesk desk(*db, "2468", clock);
    ComplianceView view = desk.view();
    EXPECT_FALSE(view.unlocked);
    EXPECT_TRUE(view.rows.empty());
    EXPECT_FALSE(desk.export_csv().ok());
    EXPECT_FALSE(desk.sign_off_through(3).ok());
}

TEST_F(ComplianceDeskTest, TheRightPinUnlocksAndVerifies) {
    ComplianceDesk desk(*db, "2468", clock);
    ASSERT_TRUE(desk.unlock("2468").ok());
    ComplianceView view = desk.view();
    ASSERT_EQ(view.rows.size(), 4u);
    EXPECT_EQ(view.rows.front().stored.entry.action, "review-opened") << "opening the review is audited";
    ASSERT_TRUE(view.verify);
    EXPECT_TRUE(view.verify->intact);
    desk.lock();
    EXPECT_TRUE(desk.view().rows.empty());
}

TEST_F(ComplianceDeskTest, RepeatedWrongPinsLockItOutForFiveMinutes) {
    ComplianceDesk desk(*db, "2468", clock);
    for (int i = 1; i < ComplianceDesk::kMaxAttempts; ++i) {
        auto wrong = desk.unlock("1111");
        ASSERT_FALSE(wrong.ok());
        EXPECT_NE(wrong.error().message.find("attempts left"), std::string::npos);
    }
    EXPECT_FALSE(desk.unlock("1111").ok());
    LogQuery failures;
    failures.action = "pin-failed";
    EXPECT_EQ(query_log(*db, failures)->size(), 5u) << "every wrong PIN is audited";
    auto locked = desk.unlock("2468");
    ASSERT_FALSE(locked.ok()) << "the right PIN must not work during the lockout";
    EXPECT_NE(locked.error().message.find("try again in 5:00"), std::string::npos) << locked.error().message;
    clock.advance_ms(ComplianceDesk::kLockoutMs);
    EXPECT_TRUE(desk.unlock("2468").ok());
}

TEST_F(ComplianceDeskTest, NoPinConfiguredNeverUnlocks) {
    ComplianceDesk desk(*db, "", clock);
    EXPECT_FALSE(desk.unlock("").ok());
    EXPECT_FALSE(desk.unlock("0000").ok());
}

TEST_F(ComplianceDeskTest, SignOffIsLoggedAndExportWritesTheSealedLog) {
    ComplianceDesk desk(*db, "2468", clock);
    ASSERT_TRUE(desk.unlock("2468").ok());
    ASSERT_TRUE(desk.sign_off_through(3).ok());
    EXPECT_EQ(desk.view().last_signed_off, 3);
    auto path = desk.export_csv();
    ASSERT_TRUE(path.ok()) << path.error().message;
    std::ifstream in(*path);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(content.find("sign-off"), std::string::npos);
    EXPECT_NE(content.find("# sealed head: entry 5"), std::string::npos);
}

TEST_F(ComplianceDeskTest, FiltersNarrowTheRows) {
    ComplianceDesk desk(*db, "2468", clock);
    ASSERT_TRUE(desk.unlock("2468").ok());
    LogFilter filter;
    filter.action = "sign-off";
    desk.set_filter(filter);
    EXPECT_TRUE(desk.view().rows.empty());
    filter.action.clear();
    filter.category = "NAME";
    desk.set_filter(filter);
    EXPECT_EQ(desk.view().rows.size(), 3u);
}

}  // namespace
}  // namespace orlive
