#include "core/base/listen_address.h"

#include <gtest/gtest.h>

namespace orlive {
namespace {

TEST(ListenAddress, ParsesNumericAddressesAndPorts) {
    auto v4 = parse_listen_address("127.0.0.1:8080");
    ASSERT_TRUE(v4.ok());
    EXPECT_EQ(v4->host, "127.0.0.1");
    EXPECT_EQ(v4->port, 8080);
    EXPECT_TRUE(v4->is_loopback());
    auto v6 = parse_listen_address("[::1]:9000");
    ASSERT_TRUE(v6.ok());
    EXPECT_EQ(v6->host, "::1");
    EXPECT_TRUE(v6->is_loopback());
    EXPECT_EQ(v6->to_string(), "[::1]:9000");
    auto any = parse_listen_address("0.0.0.0:80");
    ASSERT_TRUE(any.ok());
    EXPECT_TRUE(any->is_wildcard());
    EXPECT_FALSE(any->is_loopback());
}

TEST(ListenAddress, RefusesWhatIsNotAddrPort) {
    for (const char* bad : {"", "8080", "localhost:8080", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:65536",
                            "127.0.0.1:80x", "::1:8080", "[127.0.0.1]:80", "10.0.0.256:80"})
        EXPECT_FALSE(parse_listen_address(bad).ok()) << bad;
}

TEST(ListenAddress, GalleryUrlIsTheListenAddressWhenItIsReal) {
    EXPECT_EQ(gallery_url(parse_listen_address("10.1.2.3:8080").value()),
              std::optional<std::string>("http://10.1.2.3:8080/"));
    // Loopback: the machine's LAN address, if it has one, never the loopback one.
    auto lan = gallery_url(parse_listen_address("127.0.0.1:8080").value());
    if (lan) {
        EXPECT_EQ(lan->find("127."), std::string::npos);
        EXPECT_NE(lan->find(":8080/"), std::string::npos);
    }
}

}  // namespace
}  // namespace orlive
