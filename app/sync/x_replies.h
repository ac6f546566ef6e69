// Typed reader for followers' replies on X: one page of GET /2/tweets/search/recent
// ?query=conversation_id:{root} with tweet.fields=author_id,conversation_id,referenced_tweets
// and expansions=author_id (the authors in includes.users). Pure; never throws; ids are given
// only when safe in a request path; text is untrusted (the question store sanitises it).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"
#include "sync/publisher.h"

namespace orlive {

struct XRepliesPage {
    std::vector<FollowerReply> replies;  // newest first, as X lists them
    std::string newest_id;               // meta.newest_id: the since_id of the next poll
    std::string next_token;              // meta.next_token: the next (older) page; empty on the last
};

// Every tweet on the page not written by `our_user_id`, with in_reply_to its replied_to
// reference, author "@username" (the author id when includes.users does not name it) and the
// text with X's entities undone. No "data" is an empty page (result_count 0). An error when
// the body is not an object or data is not an array.
Result<XRepliesPage> parse_x_conversation(std::string_view body, const std::string& our_user_id);

}  // namespace orlive
