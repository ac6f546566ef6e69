// Posts and deliveries as values: what the outbox stores and the screens show. No database
// types here (the outbox's functions are in core/store/outbox.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"

namespace orlive {

// pending: inside the undo window. queued: released for delivery (or shown in the local feed).
// held: redacted, waiting for the coordinator to send it as shown or discard it.
// blocked: the consent policy refused it. cancelled: undone, discarded or consent withdrawn.
enum class PostState { Pending, Queued, Held, Blocked, Cancelled };
std::string_view post_state_name(PostState state);
std::optional<PostState> parse_post_state(std::string_view text);

enum class PostKind { Milestone, Text, HospitalStatus };
std::string_view post_kind_name(PostKind kind);
PostKind parse_post_kind(std::string_view text);  // the schema's CHECK allows only the three names

struct NewPost {
    std::optional<std::int64_t> case_id;
    PostKind kind = PostKind::Milestone;
    std::string milestone_id;
    std::string text;
    PostState state = PostState::Pending;
    std::string reason;
    int redactions = 0;
    TimeMs created_at = 0;
    TimeMs release_at = 0;
    std::optional<std::int64_t> answers_question;  // a follower's question this post answers
};

struct DeliveryRecord {
    std::int64_t id = 0;
    std::string account;
    std::string state;  // pending | queued | sending | sent | failed | cancelled
    int attempts = 0;
    std::string last_error;
    std::string remote_id;
    std::string remote_uri;
    std::string deletion;  // sent posts of a withdrawn case: pending | deleted | failed; else empty
    std::string deletion_error;  // why the platform refused to delete it (deletion failed)
};

struct PostRecord {
    std::int64_t id = 0;
    std::optional<std::int64_t> case_id;
    PostKind kind = PostKind::Milestone;
    std::string milestone_id;
    std::string text;
    PostState state = PostState::Pending;
    std::string reason;
    int redactions = 0;
    TimeMs created_at = 0;
    TimeMs release_at = 0;
    std::vector<DeliveryRecord> deliveries;
};

struct QueueStats {
    int pending = 0;      // posts in their undo window
    int held = 0;         // posts waiting for the coordinator's decision
    int unsent = 0;       // deliveries queued or sending
    int failed = 0;       // deliveries that need a person
};

}  // namespace orlive
