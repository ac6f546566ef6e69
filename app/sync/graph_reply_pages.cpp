#include "sync/graph_reply_pages.h"

#include "sync/graph_api.h"
#include "sync/percent_encoding.h"
#include "sync/platform_answers.h"
#include "sync/retry_policy.h"

namespace orlive {

RepliesOutcome fetch_graph_replies(HttpClient& http, const GraphReplyListing& listing, const RemoteRef& root,
                                   TimeMs now) {
    RepliesOutcome outcome;
    outcome.status = PublishOutcome::sent(root);
    std::string after;
    for (int page = 0; page < kMaxReplyPages; ++page) {
        HttpRequest request = listing.request(after.empty() ? listing.path
                                                            : listing.path + "&after=" + percent_encode(after));
        request.max_response_bytes = kMaxThreadResponseBytes;
        auto response = http.perform(request);
        if (!response) return {transport_outcome(response.error()), {}};
        if (response->status != 200) return {graph_failure(*response, listing.platform, now), {}};
        auto read = listing.read(response->body);
        if (!read) return {PublishOutcome::transient(listing.platform + " listed the replies unreadably"), {}};
        for (FollowerReply& reply : read->replies) {
            if (outcome.replies.size() == kMaxRepliesPerThread) break;
            outcome.replies.push_back(std::move(reply));
        }
        // A throttled app hears so in the usage headers of a success too: wait before the next poll.
        if (auto regain = graph_regain_access_at(*response, now)) outcome.status.pause_until = regain;
        after = read->next_after;
        if (after.empty() || outcome.replies.size() == kMaxRepliesPerThread) break;
    }
    return outcome;
}

}  // namespace orlive
