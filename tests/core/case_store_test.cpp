#include "core/store/case_store.h"

#include <SQLiteCpp/Database.h>

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

}  // namespace
}  // namespace orlive
