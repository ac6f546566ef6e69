#include "core/base/listen_address.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>

#include <charconv>

namespace orlive {

bool ListenAddress::is_loopback() const { return host == "::1" || host.rfind("127.", 0) == 0; }

bool ListenAddress::is_wildcard() const { return host == "0.0.0.0" || host == "::"; }

std::string ListenAddress::to_string() const {
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Result<ListenAddress> parse_listen_address(std::string_view text) {
    const std::string shown(text);
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos)
        return make_error("listen address '" + shown + "' needs ADDR:PORT, e.g. 127.0.0.1:8080");
    std::string_view host = text.substr(0, colon);
    const std::string_view port_text = text.substr(colon + 1);
    const bool bracketed = host.size() >= 2 && host.front() == '[' && host.back() == ']';
    if (bracketed) host = host.substr(1, host.size() - 2);
    ListenAddress address;
    address.host = std::string(host);
    unsigned char bytes[sizeof(in6_addr)];
    const bool numeric = bracketed ? inet_pton(AF_INET6, address.host.c_str(), bytes) == 1
                                   : inet_pton(AF_INET, address.host.c_str(), bytes) == 1;
    if (!numeric)
        return make_error("listen address '" + shown + "': the address must be numeric IPv4 or [IPv6]");
    auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), address.port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || address.port < 1 || address.port > 65535)
        return make_error("listen address '" + shown + "': the port must be a number from 1 to 65535");
    return address;
}

std::optional<std::string> first_lan_ipv4() {
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0) return std::nullopt;
    std::optional<std::string> found;
    for (ifaddrs* entry = list; entry && !found; entry = entry->ifa_next) {
        if (!entry->ifa_addr || entry->ifa_addr->sa_family != AF_INET) continue;
        if ((entry->ifa_flags & IFF_UP) == 0 || (entry->ifa_flags & IFF_LOOPBACK) != 0) continue;
        char text[INET_ADDRSTRLEN];
        const auto* v4 = reinterpret_cast<const sockaddr_in*>(entry->ifa_addr);
        if (inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text)) found = text;
    }
    freeifaddrs(list);
    return found;
}

std::optional<std::string> gallery_url(const ListenAddress& listen) {
    if (!listen.is_loopback() && !listen.is_wildcard()) return "http://" + listen.to_string() + "/";
    auto lan = first_lan_ipv4();
    if (!lan) return std::nullopt;
    return "http://" + *lan + ":" + std::to_string(listen.port) + "/";
}

}  // namespace orlive
