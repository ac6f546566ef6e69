#include "sync/publisher_factory.h"

#include "sync/bluesky_publisher.h"
#include "sync/facebook_publisher.h"
#include "sync/mastodon_publisher.h"
#include "sync/threads_publisher.h"
#include "sync/webhook_publisher.h"
#include "sync/x_publisher.h"

namespace orlive {

std::vector<NamedPublisher> make_publishers(const Settings& settings, HttpClient& http, HttpTimeouts timeouts) {
    std::vector<NamedPublisher> publishers;
    for (const Account& account : settings.accounts) {
        std::unique_ptr<Publisher> publisher;
        switch (account.kind) {
            case AccountKind::Mastodon: publisher = std::make_unique<MastodonPublisher>(account, http, timeouts); break;
            case AccountKind::Webhook: publisher = std::make_unique<WebhookPublisher>(account, http, timeouts); break;
            case AccountKind::Bluesky: publisher = std::make_unique<BlueskyPublisher>(account, http, timeouts); break;
            case AccountKind::Facebook: publisher = std::make_unique<FacebookPublisher>(account, http, timeouts); break;
            case AccountKind::X: publisher = std::make_unique<XPublisher>(account, http, timeouts); break;
            case AccountKind::Threads: publisher = std::make_unique<ThreadsPublisher>(account, http, timeouts); break;
        }
        if (publisher) publishers.push_back({account.name, std::move(publisher)});
    }
    return publishers;
}

}  // namespace orlive
