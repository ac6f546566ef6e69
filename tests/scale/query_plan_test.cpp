// The hot queries use their indexes: EXPLAIN QUERY PLAN for each, asserted on the plan text
// (never on time). The SQL is copied from app/core (outbox.cpp, redaction_log.cpp,
// case_store.cpp); when a query there changes, change it here too. The app never runs ANALYZE,
// so these plans, taken on a fresh schema, are the plans it runs at any size.
#include <string>
#include <vector>

#include <SQLiteCpp/Statement.h>

#include "core/store/database.h"
#include "test_support.h"

namespace orlive {
namespace {

std::string plan_of(Database& db, const std::string& sql) {
    SQLite::Statement explain(db.sql(), "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (explain.executeStep()) plan += explain.getColumn(3).getString() + "\n";
    return plan;
}

class QueryPlan : public ::testing::Test {
protected:
    void SetUp() override {
        auto opened = Database::open_in(dir_.path());
        ASSERT_TRUE(opened.ok()) << opened.error().message;
        db_ = std::move(opened.value());
    }
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

    testing::TempDir dir_;
    std::unique_ptr<Database> db_;
};

constexpr const char* kPostColumns =
    "id, case_id, kind, milestone_id, text, state, reason, redactions, created_at, release_at";

TEST_F(QueryPlan, FeedOfOneCaseUsesPostsByCase) {
    for (const char* order : {"DESC", "ASC"}) {
        expect_index(std::string("SELECT ") + kPostColumns + " FROM posts WHERE case_id = ? ORDER BY id " + order +
                         " LIMIT ? OFFSET ?",
                     "posts", "posts_by_case");
    }
}

TEST_F(QueryPlan, QueuePageWalksPostsInIdOrderWithoutSorting) {
    // OFFSET still steps over the rows before the page: deep pages cost more (see the report).
    for (const char* order : {"DESC", "ASC"})
        expect_rowid_walk(std::string("SELECT ") + kPostColumns + " FROM posts ORDER BY id " + order + " LIMIT ? OFFSET ?",
                          "posts");
}

TEST_F(QueryPlan, DeliveriesOfAPageOfPostsUsePostAccountKey) {
    expect_index("SELECT post_id, id, account, state, attempts, last_error, remote_id, remote_uri "
                 "FROM deliveries WHERE post_id BETWEEN ? AND ? ORDER BY post_id, account",
                 "deliveries", "sqlite_autoindex_deliveries_1");
}

// The partial index holds only pending posts (a few, for their undo window), so walking all of
// it, as the clock-jump guard (release_at > now + the longest window) needs, stays small.
TEST_F(QueryPlan, PendingReleaseUsesThePartialIndex) {
    const std::string pending = "state = 'pending' AND (release_at <= ? OR release_at > ?)";
    std::string plan = plan_of(*db_, "UPDATE posts SET state = 'queued' WHERE " + pending);
    EXPECT_EQ(plan, "SCAN posts USING INDEX posts_pending_release\n");
    expect_index("SELECT min(release_at) FROM posts WHERE state = 'pending'", "posts", "posts_pending_release");
    plan = plan_of(*db_, "UPDATE deliveries SET state = 'queued', updated_at = ? WHERE state = 'pending' "
                         "AND post_id IN (SELECT id FROM posts WHERE " + pending + ")");
    EXPECT_NE(plan.find("SEARCH deliveries USING INDEX deliveries_by_state"), std::string::npos) << plan;
    EXPECT_NE(plan.find("posts USING INDEX posts_pending_release"), std::string::npos) << plan;
    EXPECT_EQ(plan.find("SCAN deliveries"), std::string::npos) << plan;
}

TEST_F(QueryPlan, DeliveriesByStateUseTheStateIndex) {
    expect_index("SELECT coalesce(sum(state IN ('queued', 'sending')), 0), coalesce(sum(state = 'failed'), 0) "
                 "FROM deliveries WHERE state IN ('queued', 'sending', 'failed')",
                 "deliveries", "deliveries_by_state");
    // What a sender asks for: one account's deliverable rows, oldest post first.
    expect_index("SELECT id, post_id FROM deliveries WHERE state = 'queued' AND account = ? ORDER BY post_id LIMIT ?",
                 "deliveries", "deliveries_by_state");
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

TEST_F(QueryPlan, PostsOfOneLogEntryUseThePostIndex) {
    expect_index("SELECT seq FROM redaction_log WHERE post_id = ?", "redaction_log", "redaction_log_by_post");
}

}  // namespace
}  // namespace orlive

namespace orlive {
namespace {

TEST_F(QueryPlan, HeaderCountsOfPendingAndHeldPostsUseThePartialIndex) {
    expect_index("SELECT coalesce(sum(state = 'pending'), 0), coalesce(sum(state = 'held'), 0) FROM posts "
                 "WHERE state IN ('pending', 'held')",
                 "posts", "posts_open");
}

TEST_F(QueryPlan, TheLastSignOffUsesTheActionIndex) {
    expect_index("SELECT detail FROM redaction_log WHERE action = 'sign-off' ORDER BY seq DESC LIMIT 1",
                 "redaction_log", "redaction_log_by_action");
}

}  // namespace
}  // namespace orlive
