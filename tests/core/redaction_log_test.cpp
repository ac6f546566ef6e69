#include "core/audit/redaction_log.h"

#include <sys/stat.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/case_store.h"
#include "core/store/consent_change.h"
#include "core/store/outbox.h"
#include "test_support.h"

namespace orlive {
namespace {

class RedactionLogTest : public testing::DatabaseTest {
protected:
};

TEST_F(RedactionLogTest, TheDeviceKeyIsCreatedOnceWithMode0600) {
    struct stat info {};
    ASSERT_EQ(stat((dir.path() / "device.key").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    EXPECT_EQ(info.st_size, 32);
    auto again = Database::open_in(dir.path());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ((*again)->device_key().hmac_hex("x"), db->device_key().hmac_hex("x"));
}

TEST_F(RedactionLogTest, AKeyReadableByOthersIsRefused) {
    chmod((dir.path() / "device.key").c_str(), 0644);
    auto refused = Database::open_in(dir.path());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("chmod 600"), std::string::npos);
}

TEST_F(RedactionLogTest, PostEntriesAreWrittenWithThePostAndHoldOnlyFingerprints) {
    const std::string original = "Call Maria on 555-201-3344";
    std::vector<PhiSpan> spans = {{5, 10, PhiCategory::Name, "patient-name", true},
                                  {14, 26, PhiCategory::Phone, "phone-us", false}};
    NewPost post;
    post.text = apply_redactions(original, spans);
    post.state = PostState::Held;
    auto id = enqueue_post(*db, post, {"main"},
                           log_entries_for_spans(original, spans, log_action::kRedacted, db->device_key(), 1000));
    ASSERT_TRUE(id.ok());
    auto entries = query_log(*db, LogQuery{});
    ASSERT_TRUE(entries.ok());
    ASSERT_EQ(entries->size(), 2u);
    EXPECT_EQ((*entries)[0].entry.post_id, *id);
    EXPECT_EQ((*entries)[0].entry.span_hmac, db->device_key().hmac_hex("Maria"));
    EXPECT_EQ((*entries)[1].entry.category, "PHONE");
    EXPECT_EQ((*entries)[1].prev_hash, (*entries)[0].hash);

    auto report = verify_log(*db);
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->intact) << report->problem;
    EXPECT_EQ(report->entries, 2);
}

TEST_F(RedactionLogTest, ReviewDecisionsAndConsentChangesAreLogged) {
    CaseStart start;
    start.procedure_id = "tka";
    start.consent = Consent::Deidentified;
    auto case_id = start_case(*db, start, 1);
    NewPost post;
    post.case_id = *case_id;
    post.text = "[NAME] is well";
    post.state = PostState::Held;
    auto a = enqueue_post(*db, post, {});
    auto b = enqueue_post(*db, post, {});
    ASSERT_TRUE(approve_held_post(*db, *a, 2, 0).ok());
    ASSERT_TRUE(discard_post(*db, *b, 3).ok());
    ASSERT_TRUE(change_consent(*db, Consent::None, "", 4).ok());
    auto entries = query_log(*db, LogQuery{});
    ASSERT_EQ(entries->size(), 3u);
    EXPECT_EQ((*entries)[0].entry.action, "approved");
    EXPECT_EQ((*entries)[1].entry.action, "discarded");
    EXPECT_EQ((*entries)[2].entry.action, "consent-change");
    EXPECT_EQ((*entries)[2].entry.detail, "deidentified -> none; 1 unsent post(s) cancelled");
    EXPECT_TRUE(verify_log(*db)->intact);
}

TEST_F(RedactionLogTest, AnEditedEntryIsNamed) {
    LogEntry entry;
    entry.action = log_action::kSignOff;
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(append_log(*db, {entry}).ok());
    db->sql().exec("UPDATE redaction_log SET detail = 'x' WHERE seq = 3");
    auto report = verify_log(*db);
    EXPECT_FALSE(report->intact);
    EXPECT_NE(report->problem.find("entry 3 "), std::string::npos) << report->problem;
}

TEST_F(RedactionLogTest, QueriesFilterByActionCategoryAndTime) {
    for (int i = 0; i < 4; ++i) {
        LogEntry entry;
        entry.at = i * 1000;
        entry.action = i % 2 ? log_action::kRedacted : log_action::kSignOff;
        entry.category = i % 2 ? "NAME" : "";
        ASSERT_TRUE(append_log(*db, {entry}).ok());
    }
    LogQuery query;
    query.action = "redacted";
    EXPECT_EQ(query_log(*db, query)->size(), 2u);
    query = LogQuery{};
    query.since = 1000;
    query.until = 3000;
    EXPECT_EQ(query_log(*db, query)->size(), 2u);
    query = LogQuery{};
    query.newest_first = true;
    query.limit = 1;
    EXPECT_EQ(query_log(*db, query)->front().seq, 4);
}

}  // namespace
}  // namespace orlive
