// Reads a Graph reply listing (a Facebook post's comments, a Threads conversation) page by
// page: the first request, then the same with &after={cursor} while the platform says there is
// a next page, up to kMaxReplyPages pages and kMaxRepliesPerThread replies. The cursor is
// percent-encoded into our own URL; paging.next is never followed (it names a host and carries
// the token). A failed page fails the whole read, so a poll never stores half a thread and
// calls it done. Threading: the caller's, like its HttpClient.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "sync/graph_replies.h"
#include "sync/http_client.h"
#include "sync/publisher.h"

namespace orlive {

struct GraphReplyListing {
    std::string platform;                                       // "Facebook", for errors
    std::string path;                                           // the first page, with its query
    std::function<HttpRequest(const std::string& path)> request;  // a GET of `path`, authorised
    std::function<Result<GraphRepliesPage>(std::string_view body)> read;
};

RepliesOutcome fetch_graph_replies(HttpClient& http, const GraphReplyListing& listing, const RemoteRef& root,
                                   TimeMs now);

}  // namespace orlive
