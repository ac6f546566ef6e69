// What the platforms answer, read as pure functions over the body text: every field typed and
// checked, nothing thrown. A field of the wrong type (`url: null`, `max_characters: "lots"`,
// `accessJwt: 42`) reads as missing, and a caller that needs it fails that one delivery with a
// reason. Kept apart from the publishers so libFuzzer can drive them (tests/fuzz). Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/compose/length_limits.h"
#include "sync/publisher.h"

namespace orlive {

struct MastodonLimits {  // the instance's, as its configuration says; Mastodon's defaults until read
    std::size_t max_characters = kMastodonDefaultMaxCharacters;
    std::size_t characters_reserved_per_url = kMastodonCharactersPerUrl;
};

// Followers' replies read per thread and poll, and the largest answer taken for one (a
// thread's whole reply tree is one answer; Mastodon's own cap is 4,096 descendants).
inline constexpr std::size_t kMaxRepliesPerThread = 5000;
inline constexpr std::size_t kMaxThreadResponseBytes = 16u << 20;
// Platforms that list replies a page at a time (Facebook, X, Threads): how many pages one
// poll reads at the most, so a hostile or broken cursor cannot keep it asking for ever.
inline constexpr int kMaxReplyPages = 50;

// --- Mastodon
// GET /api/v2/instance: configuration.statuses limits; `defaults` for anything missing or odd.
MastodonLimits parse_mastodon_limits(std::string_view body, MastodonLimits defaults);
// A status (POST /api/v1/statuses): its id (string, or a number) and url/uri; nothing without an id.
std::optional<RemoteRef> parse_mastodon_status(std::string_view body);
// verify_credentials: the account id, empty when there is none.
std::string parse_mastodon_account_id(std::string_view body);
// GET /api/v1/accounts/:id/statuses: the status that replies to `parent_id` with exactly `text`
// (its HTML read back as plain text). An Error when the list is unreadable.
Result<std::optional<RemoteRef>> find_mastodon_status(std::string_view body, const std::string& parent_id,
                                                      const std::string& text);
// Status HTML (<p>, <br>, links around hashtags and URLs) back to the text we sent; named and
// numeric character references decoded (a bad one becomes U+FFFD).
std::string mastodon_plain_text(std::string_view html);
// GET /api/v1/statuses/:id/context: the public and unlisted descendants not written by
// `our_account_id`, each with an id, its in_reply_to_id, the author's acct and the plain text.
// At most `max_replies`, oldest first (by id). An Error when the answer is not a context object.
Result<std::vector<FollowerReply>> parse_mastodon_context(std::string_view body, const std::string& our_account_id,
                                                          std::size_t max_replies = kMaxRepliesPerThread);

// --- Bluesky (AT Protocol)
struct BlueskySession {
    std::string access_jwt;
    std::string refresh_jwt;
    std::string did;
};
// createSession: nothing unless accessJwt and did are non-empty strings.
std::optional<BlueskySession> parse_bluesky_session(std::string_view body);
// refreshSession: new tokens, nothing unless accessJwt is a non-empty string (refreshJwt kept
// from `current` when absent).
std::optional<BlueskySession> parse_bluesky_refresh(std::string_view body, const BlueskySession& current);
// createRecord/putRecord: uri and cid, nothing unless both are non-empty strings.
std::optional<RemoteRef> parse_bluesky_record(std::string_view body, const std::string& rkey);
// app.bsky.feed.getPostThread: every post in the reply tree (threadViewPost.replies, walked
// without recursion) not written by `our_did`, with its uri and cid, the uri it replies to
// (record.reply.parent), the author's handle and record.text. Not-found and blocked entries are
// skipped. At most `max_replies`, oldest first (by the record's createdAt). An Error when the
// answer has no thread.
Result<std::vector<FollowerReply>> parse_bluesky_thread(std::string_view body, const std::string& our_did,
                                                        std::size_t max_replies = kMaxRepliesPerThread);
// An XRPC error's name ("ExpiredToken"), empty when there is none.
std::string parse_xrpc_error_name(std::string_view body);

// --- Webhooks
// Discord (?wait=true): the message id, empty when there is none.
std::string parse_discord_message_id(std::string_view body);

}  // namespace orlive
