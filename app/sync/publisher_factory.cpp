#include "sync/publisher_factory.h"

#include "sync/bluesky_publisher.h"
#include "sync/facebook_publisher.h"
#include "sync/mastodon_publisher.h"
#include "sync/threads_publisher.h"
#include "sync/webhook_publisher.h"
#include "sync/x_publisher.h"

namespace orlive {

// Where an account's server is: the URL the offline probe connects to.
std::string account_endpoint(const Account& account) {
    switch (account.kind) {
        case AccountKind::Mastodon: return account.base_url;
        case AccountKind::Bluesky: return account.service;
        case AccountKind::Webhook: return account.url;
        case AccountKind::Facebook:
        case AccountKind::Threads: return account.graph_base;
        case AccountKind::X: return account.api_base;
    }
    return {};
}

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
        if (!publisher) continue;
        const std::string url = account_endpoint(account);
        auto reachable = [&http, url, connect_ms = timeouts.connect_ms] { return http.reachable(url, connect_ms); };
        publishers.push_back({account.name, std::move(publisher), reachable});
    }
    return publishers;
}

}  // namespace orlive
