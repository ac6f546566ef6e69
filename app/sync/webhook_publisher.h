// WebhookPublisher: posts to an incoming webhook in one of four shapes — slack {"text"},
// discord {"content"} (≤ 2,000 characters, ?wait=true to get the message id), teams (a
// Workflows webhook carrying an Adaptive Card) and json (ours, see README "Delivery").
// Webhooks have no idempotency: we still send an Idempotency-Key header and a delivery_key
// field for receivers that want to drop duplicates, but after an unknown outcome a retry may
// arrive twice. Messages cannot be deleted through a webhook. Threading: one thread.
#pragma once

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/publisher.h"

namespace orlive {

class WebhookPublisher final : public Publisher {
public:
    WebhookPublisher(const Account& account, HttpClient& http, HttpTimeouts timeouts = {});

    PublishOutcome check(TimeMs now) override;
    PublishOutcome publish(const OutgoingPost& post, TimeMs now) override;
    PublishOutcome remove(const RemoteRef& remote, TimeMs now) override;

    // The request body for a post, in this webhook's format.
    std::string payload(const OutgoingPost& post) const;

private:
    std::string url_;
    std::string format_;
    HttpClient& http_;
    HttpTimeouts timeouts_;
};

}  // namespace orlive
