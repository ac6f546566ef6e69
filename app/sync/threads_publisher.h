// ThreadsPublisher: posts a case to Threads as one reply chain in Threads' two steps: a text
// container (POST /{version}/{user_id}/threads, media_type=TEXT, text, reply_to_id), kept on
// the delivery row before anything else, then POST /{version}/{user_id}/threads_publish with
// its creation_id. A retry with a kept container asks its status
// (GET /{version}/{container}?fields=status,id): PUBLISHED means the post is out, so its media
// id is found among the account's threads or replies and nothing is published again; FINISHED
// is published; ERROR or EXPIRED start a new container. 500 characters. Withdrawal deletes
// (DELETE /{version}/{media_id}). Token errors (190) need re-authorisation. Followers' replies
// are the case's first post's conversation (GET /{version}/{media_id}/conversation, every
// level, every page) less our own; an answer is a reply container (reply_to_id) on the
// follower's reply, published in the same two steps.
// Threading: one thread, like its HttpClient.
#pragma once

#include <optional>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/publisher.h"
#include "core/compose/length_limits.h"

namespace orlive {

class ThreadsPublisher final : public Publisher {
public:
    ThreadsPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts = {});

    PublishOutcome check(TimeMs now) override;
    PublishOutcome publish(const OutgoingPost& post, TimeMs now) override;
    PublishOutcome remove(const RemoteRef& remote, TimeMs now) override;
    std::string replies_platform() const override { return "threads"; }
    RepliesOutcome fetch_replies(const RemoteRef& root, TimeMs now) override;

private:
    HttpRequest request(const std::string& method, const std::string& path) const;
    HttpRequest form(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields) const;
    // The container's status ("PUBLISHED", "FINISHED", ...); "GONE" when Threads does not know it.
    Result<std::string> container_status(const std::string& container, TimeMs now, std::optional<PublishOutcome>& failed);
    Result<std::string> create_container(const OutgoingPost& post, TimeMs now, std::optional<PublishOutcome>& failed);
    PublishOutcome publish_container(const std::string& container, TimeMs now);
    // The published media of `post` among the account's latest threads or replies.
    PublishOutcome find_published(const OutgoingPost& post, TimeMs now);

    std::string graph_base_;
    std::string version_;
    std::string user_id_;
    std::string token_;
    std::string username_;  // from GET /me, to know our own replies even without is_reply_owned_by_me
    HttpClient& http_;
    HttpTimeouts timeouts_;
};

}  // namespace orlive
