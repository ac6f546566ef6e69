// Fuzzes the settings parser: any bytes as the settings JSON. It must return settings or an
// error, never crash or throw, and settings it accepts must hold the limits it promises.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/compose/settings.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const auto settings = orlive::parse_settings(input);
    if (!settings.ok()) return 0;
    FUZZ_CHECK(settings->undo_seconds >= 0 && settings->undo_seconds <= 300, "undo_seconds is 0..300");
    for (const auto& account : settings->accounts) {
        FUZZ_CHECK(!account.name.empty(), "every account has a name");
        const std::string& endpoint = account.kind == orlive::AccountKind::Mastodon  ? account.base_url
                                      : account.kind == orlive::AccountKind::Bluesky ? account.service
                                                                                     : account.url;
        FUZZ_CHECK(orlive::check_endpoint_url(endpoint, "endpoint").ok(), "accepted endpoints are https or loopback");
    }
    return 0;
}
