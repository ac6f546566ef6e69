// Builds one publisher per configured account, sharing the caller's HttpClient.
#pragma once

#include <vector>

#include "core/compose/settings.h"
#include "sync/http_client.h"
#include "sync/sync_engine.h"

namespace orlive {

std::vector<NamedPublisher> make_publishers(const Settings& settings, HttpClient& http, HttpTimeouts timeouts = {});

}  // namespace orlive
