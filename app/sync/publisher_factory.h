// Builds one publisher per configured account, sharing the caller's HttpClient.
#pragma once

#include <vector>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/sync_engine.h"

namespace orlive {

// The base URL of the account's platform (a webhook's own URL).
std::string account_endpoint(const Account& account);

std::vector<NamedPublisher> make_publishers(const Settings& settings, HttpClient& http, HttpTimeouts timeouts = {});

}  // namespace orlive
