// Typed readers for followers' replies in Meta's Graph listings: a Facebook Page post's comment
// stream (GET /{post}/comments?filter=stream) and a Threads post's flattened conversation
// (GET /{media}/conversation). Pure functions of the body; they never throw, every id they give
// is safe in a request path, and the text is passed on as the platform wrote it (untrusted; the
// question store sanitises it). Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "sync/publisher.h"

namespace orlive {

// One page of a listing: the followers' replies on it, oldest first as asked, and the cursor of
// the next page (paging.cursors.after, given only while paging.next says there is one).
struct GraphRepliesPage {
    std::vector<FollowerReply> replies;
    std::string next_after;
};

// Facebook comments {"data":[{id, message, from{id,name}, parent{id}}], "paging":…} on the Page
// post `root_id`. The Page's own comments (from.id == page_id) and comments whose author cannot
// be read (no from: a token without Page access) are left out; a question to ourselves is
// worse than a missed one. in_reply_to is parent.id, else the root post. A reply to a comment
// keeps that comment in remote.cid: Facebook nests comments one level deep, so an answer to it
// goes on that top-level comment.
Result<GraphRepliesPage> parse_facebook_comments(std::string_view body, const std::string& page_id,
                                                 const std::string& root_id);

// Threads conversation {"data":[{id, text, username, replied_to{id}, is_reply_owned_by_me}],
// "paging":…}. Replies owned by us (is_reply_owned_by_me, or `our_username` when known) are left
// out; in_reply_to is replied_to.id.
Result<GraphRepliesPage> parse_threads_conversation(std::string_view body, const std::string& our_username);

// GET /me?fields=id,username (Threads): the username, empty when there is none.
std::string parse_threads_username(std::string_view body);

}  // namespace orlive
