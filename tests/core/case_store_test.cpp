#include "core/store/case_store.h"
#include "core/store/retention.h"

#include <fstream>
#include <iterator>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/consent_change.h"
#include "core/store/outbox.h"
#include "test_support.h"

namespace orlive {
namespace {

class CaseStoreTest : public testing::DatabaseTest {
protected:
};

TEST_F(CaseStoreTest, OneActiveCaseAtATime) {
    CaseStart start;
    start.procedure_id = "tka";
    start.patient.names = {"José Muñoz"};
    start.staff = {"Dr. Rivera"};
    auto first = start_case(*db, start, 1000);
    ASSERT_TRUE(first.ok()) << first.error().message;
    auto second = start_case(*db, start, 2000);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().message.find("still active"), std::string::npos);

    auto active = active_case(*db);
    ASSERT_TRUE(active.ok() && active->has_value());
    EXPECT_EQ((*active)->patient.names[0], "José Muñoz");
    EXPECT_EQ((*active)->started_at, 1000);

    EXPECT_TRUE(end_active_case(*db, 5000).ok());
    EXPECT_FALSE(active_case(*db)->has_value());
    EXPECT_FALSE(end_active_case(*db, 6000).ok());
    EXPECT_TRUE(start_case(*db, start, 7000).ok());
}

TEST_F(CaseStoreTest, FullConsentNeedsAReleaseReference) {
    CaseStart start;
    start.procedure_id = "tka";
    start.consent = Consent::Full;
    auto refused = start_case(*db, start, 1);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("release reference"), std::string::npos);
    start.release_ref = "REL-2026-0142";
    EXPECT_TRUE(start_case(*db, start, 1).ok());
}

TEST_F(CaseStoreTest, RejectsABadDateOfBirth) {
    CaseStart start;
    start.procedure_id = "tka";
    start.patient.dob = "03/04/1950";
    EXPECT_FALSE(start_case(*db, start, 1).ok());
}

TEST_F(CaseStoreTest, WithdrawingConsentCancelsEveryUnsentPostAtOnce) {
    CaseStart start;
    start.procedure_id = "tka";
    start.consent = Consent::Deidentified;
    auto case_id = start_case(*db, start, 1000);
    ASSERT_TRUE(case_id.ok());
    NewPost post;
    post.case_id = *case_id;
    post.text = "x";
    post.created_at = 1000;
    post.release_at = 1000;
    post.state = PostState::Queued;
    auto queued = enqueue_post(*db, post, {"main"});
    post.state = PostState::Pending;
    post.release_at = 99000;
    auto pending = enqueue_post(*db, post, {"main"});
    post.state = PostState::Queued;
    auto sent = enqueue_post(*db, post, {"main"});
    db->sql().exec("UPDATE deliveries SET state = 'sent' WHERE post_id = " + std::to_string(*sent));

    auto cancelled = change_consent(*db, Consent::None, "", 2000);
    ASSERT_TRUE(cancelled.ok()) << cancelled.error().message;
    EXPECT_EQ(*cancelled, 2);
    EXPECT_EQ((*find_post(*db, *queued))->state, PostState::Cancelled);
    EXPECT_EQ((*find_post(*db, *pending))->deliveries[0].state, "cancelled");
    EXPECT_EQ((*find_post(*db, *sent))->state, PostState::Queued) << "already sent: not ours to cancel here";
    EXPECT_EQ((*active_case(*db))->consent, Consent::None);
}


class ConsentCaseTest : public CaseStoreTest {
protected:
    Result<std::int64_t> full_case() {
        CaseStart start;
        start.procedure_id = "tka";
        start.consent = Consent::Full;
        start.release_ref = "REL-9";
        return start_case(*db, start, 1000);
    }
    static NewPost queued_post(std::int64_t case_id) {
        NewPost post;
        post.case_id = case_id;
        post.text = "Ana says hi";
        post.created_at = 1000;
        post.release_at = 1000;
        post.state = PostState::Queued;
        return post;
    }
};

TEST_F(ConsentCaseTest, WithdrawalReachesACaseThatHasEnded) {
    auto case_id = full_case();
    ASSERT_TRUE(case_id.ok());
    NewPost post = queued_post(*case_id);
    auto queued = enqueue_post(*db, post, {"main"});
    auto sent = enqueue_post(*db, post, {"main"});
    db->sql().exec("UPDATE deliveries SET state = 'sent', remote_id = 'r1' WHERE post_id = " + std::to_string(*sent));
    ASSERT_TRUE(end_active_case(*db, 1500).ok());
    EXPECT_FALSE(change_consent(*db, Consent::None, "", 2000).ok()) << "no active case: needs its id";

    auto changed = change_consent(*db, ConsentChange{*case_id, Consent::None, ""}, 2000);
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_EQ(changed->cancelled, 1);
    EXPECT_EQ((*find_post(*db, *queued))->state, PostState::Cancelled);
    EXPECT_EQ((*find_post(*db, *sent))->deliveries[0].deletion, "pending");
    EXPECT_EQ((*find_case(*db, *case_id))->consent, Consent::None);
    EXPECT_FALSE(change_consent(*db, ConsentChange{*case_id + 7, Consent::None, ""}, 2000).ok());
}

TEST_F(ConsentCaseTest, DowngradeFromFullHoldsEveryUnsentPost) {
    auto case_id = full_case();
    ASSERT_TRUE(case_id.ok());
    NewPost post = queued_post(*case_id);
    auto queued = enqueue_post(*db, post, {"main", "team"});
    auto sent = enqueue_post(*db, post, {"main"});
    db->sql().exec("UPDATE deliveries SET state = 'sent' WHERE post_id = " + std::to_string(*sent));

    auto changed = change_consent(*db, ConsentChange{std::nullopt, Consent::Deidentified, ""}, 2000);
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_EQ(changed->held, 1);
    auto held = *find_post(*db, *queued);
    EXPECT_EQ(held->state, PostState::Held);
    for (const DeliveryRecord& d : held->deliveries) EXPECT_EQ(d.state, "pending");
    EXPECT_EQ((*find_post(*db, *sent))->state, PostState::Queued) << "already out everywhere";
}

TEST_F(CaseStoreTest, PatientDetailsAreErasedADayAfterTheCaseEndsLeavingNoBytes) {
    CaseStart start;
    start.procedure_id = "tka";
    start.patient.names = {"Zebulon Quarternight"};
    start.patient.mrn = "MRN-77441-SECRET";
    auto case_id = start_case(*db, start, 1000);
    ASSERT_TRUE(case_id.ok());
    db->sql().execAndGet("PRAGMA wal_checkpoint(TRUNCATE)");
    // As on an SQLite built without SECURE_DELETE on by default: the purge must turn it on.
    db->sql().execAndGet("PRAGMA secure_delete = OFF");
    ASSERT_TRUE(end_active_case(*db, 2000).ok());
    auto early = purge_expired_case_data(*db, 2000 + kPatientDetailsKeptMs - 1);
    ASSERT_TRUE(early.ok());
    EXPECT_EQ(*early, 0);
    EXPECT_EQ((*find_case(*db, *case_id))->patient.mrn, "MRN-77441-SECRET");

    auto purged = purge_expired_case_data(*db, 2000 + kPatientDetailsKeptMs);
    ASSERT_TRUE(purged.ok()) << purged.error().message;
    EXPECT_EQ(*purged, 1);
    EXPECT_TRUE((*find_case(*db, *case_id))->patient.names.empty());
    const std::filesystem::path file = dir.path() / "orlive.db";
    for (const auto& path : {file, std::filesystem::path(file.string() + "-wal")}) {
        const std::string bytes = testing::file_bytes(path);
        EXPECT_EQ(bytes.find("MRN-77441-SECRET"), std::string::npos) << path;
        EXPECT_EQ(bytes.find("Quarternight"), std::string::npos) << path;
    }
    EXPECT_EQ(db->sql().execAndGet("PRAGMA secure_delete").getInt(), 0) << "the connection's own setting is kept";
}

}  // namespace
}  // namespace orlive
