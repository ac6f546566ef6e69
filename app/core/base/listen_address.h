// Where a server listens ("ADDR:PORT", IPv4 or [IPv6]) and the address others reach it at.
// The gallery binds loopback unless a person asked for more (gallery_listen, --listen).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace orlive {

struct ListenAddress {
    std::string host;  // numeric: "127.0.0.1", "0.0.0.0", "::1" (no brackets)
    int port = 0;

    bool is_loopback() const;    // 127.0.0.0/8 or ::1
    bool is_wildcard() const;    // 0.0.0.0 or ::
    std::string to_string() const;  // "127.0.0.1:8080", "[::1]:8080"
};

inline constexpr const char* kDefaultGalleryListen = "127.0.0.1:8080";

// Accepts a numeric IPv4 or bracketed IPv6 address and a port 1-65535; nothing else.
Result<ListenAddress> parse_listen_address(std::string_view text);

// The machine's first non-loopback IPv4 address that is up, if any (for the kiosk's QR code).
std::optional<std::string> first_lan_ipv4();

// The URL students open: the listen address when it is a real one; for loopback or a
// wildcard, the machine's LAN IPv4 with the port (nullopt when the machine has none).
std::optional<std::string> gallery_url(const ListenAddress& listen);

}  // namespace orlive
