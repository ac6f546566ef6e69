// The hot queries use their indexes: EXPLAIN QUERY PLAN for each, asserted on the plan text
// (never on time). The outbox's and the delivery queue's statements are read from the code
// (outbox_sql, DeliveryQueue::k...Sql), so a changed query is tested as it now runs. The
// consent-withdrawal and redaction-log statements are still copies of case_store.cpp,
// redaction_log.cpp and compliance_desk.cpp: change them here with the code. The app never
// runs ANALYZE, so these plans, taken on a fresh schema, are the plans it runs at any size.
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/database.h"
#include "core/store/outbox.h"
#include "sync/delivery_queue.h"
#include "test_support.h"

namespace orlive {
namespace {

std::string plan_of(Database& db, const std::string& sql) {
    SQLite::Statement explain(db.sql(), "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (explain.executeStep()) plan += explain.getColumn(3).getString() + "\n";
    return plan;
}

// A fresh schema in memory: the plans are the same as on a file of any size (no ANALYZE).
class QueryPlan : public ::testing::Test {
protected:
    // The plan searches `table` through `index` and sorts nothing in a temporary b-tree.
    void expect_index(const std::string& sql, const std::string& table, const std::string& index) {
        const std::string plan = plan_of(*db_, sql);
        EXPECT_NE(plan.find("SEARCH " + table + " USING"), std::string::npos) << sql << "\n" << plan;
        EXPECT_NE(plan.find(index), std::string::npos) << sql << "\nwants " << index << "\n" << plan;
        EXPECT_EQ(plan.find("SCAN " + table), std::string::npos) << sql << "\n" << plan;
        EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << sql << "\n" << plan;
    }
    // A walk in rowid order that LIMIT stops early: SCAN with no sort step. Used only where
    // the query has a LIMIT and orders by the table's rowid alias.
    void expect_rowid_walk(const std::string& sql, const std::string& table) {
        const std::string plan = plan_of(*db_, sql);
        EXPECT_NE(sql.find(" LIMIT "), std::string::npos) << sql;
        EXPECT_EQ(plan, "SCAN " + table + "\n") << sql;
    }

    std::unique_ptr<Database> db_ = testing::memory_database();
};

PostQuery feed_query(std::optional<std::int64_t> case_id, bool newest_first) {
    PostQuery query;
    query.case_id = case_id;
    query.newest_first = newest_first;
    return query;
}

TEST_F(QueryPlan, FeedOfOneCaseUsesPostsByCase) {
    for (bool newest_first : {true, false}) {
        expect_index(outbox_sql::list_posts(feed_query(1, newest_first)), "posts", "posts_by_case");
    }
}

TEST_F(QueryPlan, QueuePageWalksPostsInIdOrderWithoutSorting) {
    // OFFSET still steps over the rows before the page: deep pages cost more (see the report).
    for (bool newest_first : {true, false})
        expect_rowid_walk(outbox_sql::list_posts(feed_query(std::nullopt, newest_first)), "posts");
}

TEST_F(QueryPlan, DeliveriesOfAPageOfPostsUsePostAccountKey) {
    // The query names deliveries `d` (it joins their remote deletions), and the plan says so.
    expect_index(outbox_sql::kDeliveriesOfPosts, "d", "sqlite_autoindex_deliveries_1");
}

// The partial index holds only pending posts (a few, for their undo window), so walking all of
// it, as the clock-jump guard (release_at > now + the longest window) needs, stays small.
TEST_F(QueryPlan, PendingReleaseUsesThePartialIndex) {
    EXPECT_EQ(plan_of(*db_, outbox_sql::kAnyDue), "SCAN posts USING INDEX posts_pending_release\n");
    EXPECT_EQ(plan_of(*db_, outbox_sql::kReleasePosts), "SCAN posts USING INDEX posts_pending_release\n");
    expect_index(outbox_sql::kNextRelease, "posts", "posts_pending_release");
    const std::string plan = plan_of(*db_, outbox_sql::kReleaseDeliveries);
    EXPECT_NE(plan.find("SEARCH deliveries USING INDEX deliveries_by_state"), std::string::npos) << plan;
    EXPECT_NE(plan.find("posts USING INDEX posts_pending_release"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("SCAN deliveries"), std::string::npos) << plan;
}

// The UNDO and review bars read the few open posts through their partial indexes.
TEST_F(QueryPlan, TheUndoAndReviewBarsUseThePartialIndexes) {
    const std::string undo = plan_of(*db_, outbox_sql::kNewestUndoable);
    EXPECT_NE(undo.find("posts_pending_release"), std::string::npos) << undo;
    EXPECT_EQ(undo.find("SCAN posts\n"), std::string::npos) << undo;
    const std::string held = plan_of(*db_, outbox_sql::kOldestHeld);
    EXPECT_NE(held.find("posts_open"), std::string::npos) << held;
    EXPECT_EQ(held.find("SCAN posts\n"), std::string::npos) << held;
}

TEST_F(QueryPlan, QueueCountsUseTheStateIndexes) {
    expect_index(outbox_sql::kQueueStatsDeliveries, "deliveries", "deliveries_by_state");
    expect_index(outbox_sql::kQueueStatsPosts, "posts", "posts_open");
}

// What the sender runs for every claim and every wake-up: one account's lane heads, found
// through the account's index, with the "earlier post of the case still out" check searched
// by key, never a scan of all deliveries.
TEST_F(QueryPlan, ClaimNextAndNextDueForSearchTheAccountsDeliveries) {
    for (const char* sql : {DeliveryQueue::kClaimNextSql, DeliveryQueue::kNextDueForSql}) {
        const std::string plan = plan_of(*db_, sql);
        EXPECT_EQ(plan.find("SCAN d\n"), std::string::npos) << sql << "\n" << plan;
        EXPECT_EQ(plan.find("SCAN e\n"), std::string::npos) << sql << "\n" << plan;
        EXPECT_EQ(plan.find("SCAN deliveries\n"), std::string::npos) << sql << "\n" << plan;
        EXPECT_NE(plan.find("SEARCH d USING"), std::string::npos) << sql << "\n" << plan;
        EXPECT_NE(plan.find("SEARCH e USING"), std::string::npos) << sql << "\n" << plan;
    }
}

TEST_F(QueryPlan, ConsentWithdrawalTouchesOnlyTheCase) {
    const std::string plan = plan_of(*db_,
        "UPDATE deliveries SET state = 'cancelled', updated_at = ?, last_error = 'consent withdrawn' "
        "WHERE state IN ('pending', 'queued', 'failed') AND post_id IN (SELECT id FROM posts WHERE case_id = ?)");
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << plan;
    EXPECT_NE(plan.find("posts_by_case"), std::string::npos) << plan;
}

TEST_F(QueryPlan, LogBySeqAndByTimeUseTheKeyAndTheTimeIndex) {
    const std::string columns = "seq, at, case_id, post_id, category, rule, action, span_start, span_end, "
                                "span_hmac, detail, prev_hash, hash";
    for (const char* order : {"ASC", "DESC"}) {
        expect_index("SELECT " + columns + " FROM redaction_log WHERE seq > ? ORDER BY seq " + order + " LIMIT ?",
                     "redaction_log", "INTEGER PRIMARY KEY");
    }
    expect_index("SELECT hash FROM redaction_log WHERE seq = ?", "redaction_log", "INTEGER PRIMARY KEY");
    expect_rowid_walk("SELECT seq, hash FROM redaction_log ORDER BY seq DESC LIMIT 1", "redaction_log");
    // A time window (the compliance screen's "today", export's --since) walks the log by seq
    // from its end and LIMIT stops it; SQLite prefers the key over the time index here. Fine
    // for the screen (newest first: the window is at the end); export verifies the whole
    // chain first anyway, so it is linear by design (see the report's log figures).
    for (const char* order : {"ASC", "DESC"}) {
        const std::string plan = plan_of(*db_, "SELECT " + columns +
                                                   " FROM redaction_log WHERE seq > ? AND at >= ? AND at < ? "
                                                   "ORDER BY seq " + order + " LIMIT ?");
        EXPECT_EQ(plan, "SEARCH redaction_log USING INTEGER PRIMARY KEY (rowid>?)\n");
    }
}

TEST_F(QueryPlan, TheLastSignOffUsesTheActionIndex) {
    expect_index("SELECT detail FROM redaction_log WHERE action = 'sign-off' ORDER BY seq DESC LIMIT 1",
                 "redaction_log", "redaction_log_by_action");
}

}  // namespace
}  // namespace orlive
