#include "sync/question_poller.h"

#include <algorithm>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/store/question_store.h"
#include "sync/retry_policy.h"

namespace orlive {

namespace {

constexpr const char* kFollowedPostsSql =
    "SELECT p.case_id, d.post_id, d.remote_id, d.remote_uri, d.remote_cid, p.answers_question IS NOT NULL "
    "FROM deliveries d JOIN posts p ON p.id = d.post_id JOIN cases c ON c.id = p.case_id "
    "WHERE d.state = 'sent' AND d.account = ? AND c.withdrawn_at IS NULL "
    "AND (c.ended_at IS NULL OR c.ended_at > ?) "
    "AND NOT EXISTS (SELECT 1 FROM remote_deletions r WHERE r.delivery_id = d.id) "
    "ORDER BY p.case_id, d.post_id";

// Whatever a publisher throws while reading replies (a JSON type error, a bug) becomes a
// failed poll that backs off like any other, never an exception in the worker.
RepliesOutcome guarded_fetch(Publisher& publisher, const RemoteRef& root, TimeMs now) {
    try {
        return publisher.fetch_replies(root, now);
    } catch (const std::exception&) {
        return {PublishOutcome::permanent("reading the replies stopped unexpectedly"), {}};
    } catch (...) {
        return {PublishOutcome::permanent("reading the replies stopped unexpectedly"), {}};
    }
}

}  // namespace

Result<std::map<std::int64_t, std::vector<QuestionPoller::OurPost>>> QuestionPoller::followed_posts(
    const std::string& account, TimeMs now) {
    std::map<std::int64_t, std::vector<OurPost>> by_case;
    try {
        SQLite::Statement rows(db_.sql(), kFollowedPostsSql);
        rows.bind(1, account);
        rows.bind(2, static_cast<std::int64_t>(now - kFollowAfterEndMs));
        while (rows.executeStep()) {
            OurPost post;
            post.post_id = rows.getColumn(1).getInt64();
            post.remote = {rows.getColumn(2).getString(), rows.getColumn(3).getString(), rows.getColumn(4).getString()};
            post.answer = rows.getColumn(5).getInt() != 0;
            if (!post.remote.empty()) by_case[rows.getColumn(0).getInt64()].push_back(std::move(post));
        }
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read which threads to follow: ") + e.getErrorStr());
    }
    return by_case;
}

Result<int> QuestionPoller::poll_account(const std::string& account, Publisher& publisher, TimeMs now) {
    const std::string platform = publisher.replies_platform();
    if (platform.empty()) return 0;
    auto by_case = followed_posts(account, now);
    if (!by_case) return by_case.error();
    for (auto& [key, followed] : followed_) {
        if (key.first == account) followed.seen = by_case->count(key.second) > 0;
    }
    int fresh = 0;
    for (const auto& [case_id, posts] : *by_case) {
        Followed& followed = followed_[{account, case_id}];
        followed.seen = true;
        if (followed.next_at > now) continue;
        auto stored = poll_case(account, publisher, case_id, posts, now);
        if (!stored) return stored.error();
        fresh += *stored;
    }
    return fresh;
}

Result<int> QuestionPoller::poll_case(const std::string& account, Publisher& publisher, std::int64_t case_id,
                                      const std::vector<OurPost>& posts, TimeMs now) {
    auto root = std::find_if(posts.begin(), posts.end(), [](const OurPost& p) { return !p.answer; });
    Followed& followed = followed_[{account, case_id}];
    if (root == posts.end()) {  // only answers went out on this account: nothing to read under
        followed.next_at = now + kMaxIntervalMs;
        return 0;
    }
    RepliesOutcome outcome = guarded_fetch(publisher, root->remote, now);
    int fresh = 0;
    if (outcome.status.kind == PublishOutcome::Kind::Sent) {
        // One commit for the whole batch: a flood of replies costs one fsync, not one each.
        SQLite::Transaction transaction(db_.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        for (const FollowerReply& reply : outcome.replies) {
            auto ours = std::find_if(posts.begin(), posts.end(),
                                     [&](const OurPost& p) {
                                         return p.remote.id == reply.in_reply_to ||
                                                (!p.remote.uri.empty() && p.remote.uri == reply.in_reply_to);
                                     });
            if (ours == posts.end()) continue;  // a reply to another follower: not a question to us
            IncomingQuestion question{case_id, account, publisher.replies_platform(), reply.remote.id,
                                      reply.remote.uri, reply.remote.cid, reply.author, reply.text,
                                      ours->post_id, now};
            auto inserted = insert_question(db_, question);
            if (!inserted) return inserted.error();
            if (*inserted) ++fresh;
        }
        transaction.commit();
    }
    schedule(followed, outcome.status, fresh, now);
    return fresh;
}

void QuestionPoller::schedule(Followed& followed, const PublishOutcome& status, int fresh, TimeMs now) {
    // Something new: followers are talking, look again soon. Nothing (or a failure): back off.
    if (fresh > 0) followed.interval = kMinIntervalMs;
    TimeMs next = now + followed.interval;
    if (fresh == 0) followed.interval = std::min(followed.interval * 2, kMaxIntervalMs);
    if (status.kind != PublishOutcome::Kind::Sent && status.retry_at)
        next = std::max(next, cap_platform_wait(*status.retry_at, now));
    if (status.pause_until) next = std::max(next, cap_platform_wait(*status.pause_until, now));
    followed.next_at = next;
}

std::optional<TimeMs> QuestionPoller::next_poll_at(const std::string& account) const {
    std::optional<TimeMs> earliest;
    for (const auto& [key, followed] : followed_) {
        if (key.first != account || !followed.seen) continue;
        earliest = earliest ? std::min(*earliest, followed.next_at) : followed.next_at;
    }
    return earliest;
}

}  // namespace orlive
