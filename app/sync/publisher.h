// Publisher: one platform account behind one small interface. The engine hands it one post (or
// one deletion) at a time and records the outcome; a publisher never touches the database.
// Threading: a publisher belongs to the one thread that runs its engine.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/outbox.h"

namespace orlive {

// Where an earlier post of the thread lives on the platform.
struct RemoteRef {
    std::string id;   // Mastodon status id, webhook message id
    std::string uri;  // Bluesky at:// uri, or a web URL
    std::string cid;  // Bluesky content id; on a Facebook reply-to-a-comment, the top-level
                      // comment it sits under (where an answer to it goes: one level of nesting)
    bool empty() const { return id.empty() && uri.empty(); }
};

// One delivery, claimed by the engine and marked `sending` before the first byte goes out.
struct OutgoingPost {
    std::int64_t delivery_id = 0;
    std::int64_t post_id = 0;
    std::optional<std::int64_t> case_id;
    std::string account;
    PostKind kind = PostKind::Milestone;
    std::string milestone_id;
    std::string text;
    TimeMs created_at = 0;
    int attempt = 1;                   // this attempt's number
    bool outcome_unknown = false;      // an earlier attempt may have arrived (crash, timeout)
    TimeMs previous_attempt_at = 0;    // when the row last changed before this claim (0: first)
    std::string idempotency_key;       // stable for the delivery row
    std::string record_key;            // Bluesky rkey (TID), chosen before the first attempt
    std::string record_created_at;     // Bluesky createdAt, identical on every attempt
    RemoteRef root;                    // the thread's first post; empty when this one starts it
    RemoteRef parent;                  // the post this one replies to (an answer: the follower's)
    std::optional<std::int64_t> answers_question;  // an answer to a follower, not part of the thread
    // Two-step platforms (Threads): the unpublished object made by an earlier attempt, and how
    // to keep a new one durably before the step that makes it public. Set by the engine.
    std::string draft_id;
    std::function<Status(const std::string& draft_id)> save_draft;
};

struct PublishOutcome {
    enum class Kind { Sent, Transient, Permanent };
    Kind kind = Kind::Transient;
    RemoteRef remote;                  // when Sent
    std::string error;                 // the platform's own words, never a secret
    std::optional<TimeMs> retry_at;    // the platform said when (Retry-After, rate-limit reset)
    bool account_wide = false;         // offline, rate-limited: pause the whole account
    bool no_answer = false;            // nothing came back at all: the account counts as offline
    std::optional<TimeMs> pause_until; // set even on success when the rate limit is used up
    bool needs_reauthorisation = false; // the token expired or was revoked: a person must sign in again

    static PublishOutcome sent(RemoteRef remote) {
        PublishOutcome o;
        o.kind = Kind::Sent;
        o.remote = std::move(remote);
        return o;
    }
    static PublishOutcome transient(std::string error) {
        PublishOutcome o;
        o.error = std::move(error);
        return o;
    }
    static PublishOutcome permanent(std::string error) {
        PublishOutcome o;
        o.kind = Kind::Permanent;
        o.error = std::move(error);
        return o;
    }
};

// A follower's reply to one of our posts, as a platform lists it (text already plain).
struct FollowerReply {
    RemoteRef remote;           // the follower's post: what an answer replies to
    std::string in_reply_to;    // the remote id of the post it replies to (ours, or another reply)
    std::string author;         // handle, untrusted
    std::string text;           // untrusted
};

struct RepliesOutcome {
    PublishOutcome status;      // Sent when the platform answered; otherwise why not
    std::vector<FollowerReply> replies;  // everyone's but our account's own
};

class Publisher {
public:
    virtual ~Publisher() = default;
    // Verifies credentials without posting. Webhooks cannot, and say so with Sent.
    virtual PublishOutcome check(TimeMs now) = 0;
    virtual PublishOutcome publish(const OutgoingPost& post, TimeMs now) = 0;
    // Deletes an earlier post. A post that is already gone counts as deleted.
    virtual PublishOutcome remove(const RemoteRef& remote, TimeMs now) = 0;
    // Followers' replies: the platform's name ("mastodon") when this publisher can read them,
    // empty when it cannot. fetch_replies lists every reply under a thread's first post.
    virtual std::string replies_platform() const { return {}; }
    virtual RepliesOutcome fetch_replies(const RemoteRef& root, TimeMs now) {
        (void)root;
        (void)now;
        return {PublishOutcome::permanent("this platform's replies are not read"), {}};
    }
};

}  // namespace orlive
