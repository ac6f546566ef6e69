#include "core/settings.h"

#include <fstream>

#include "test_support.h"

namespace orlive {
namespace {

TEST(Settings, MissingDefaultFileMeansLocalFeedOnly) {
    testing::TempDir dir;
    auto settings = load_settings(dir.path() / "config.json", true);
    ASSERT_TRUE(settings.ok());
    EXPECT_TRUE(settings->accounts.empty());
    EXPECT_EQ(settings->undo_seconds, 10);
    EXPECT_FALSE(load_settings(dir.path() / "config.json", false).ok());
}

TEST(Settings, ParsesTheContractExample) {
    auto settings = parse_settings(R"({
      "undo_seconds": 5,
      "accounts": [
        {"name": "main", "kind": "mastodon", "base_url": "https://example.social", "access_token": "tok"},
        {"name": "sky", "kind": "bluesky", "service": "https://example.pds", "identifier": "or.example.org", "app_password": "pw"},
        {"name": "team", "kind": "webhook", "url": "http://127.0.0.1:9/hook", "format": "slack"}
      ]})");
    ASSERT_TRUE(settings.ok()) << settings.error().message;
    EXPECT_EQ(settings->undo_seconds, 5);
    ASSERT_EQ(settings->accounts.size(), 3u);
    EXPECT_EQ(settings->accounts[1].kind, AccountKind::Bluesky);
    EXPECT_EQ(settings->accounts[2].format, "slack");
}

TEST(Settings, PlainHttpOnlyForLoopback) {
    EXPECT_TRUE(check_endpoint_url("http://localhost:8080", "x").ok());
    EXPECT_TRUE(check_endpoint_url("http://127.0.0.1/api", "x").ok());
    EXPECT_TRUE(check_endpoint_url("http://[::1]:80/", "x").ok());
    EXPECT_FALSE(check_endpoint_url("http://example.social", "x").ok());
    EXPECT_FALSE(check_endpoint_url("http://127.0.0.1.evil.example/", "x").ok());
    EXPECT_FALSE(check_endpoint_url("ftp://example.social", "x").ok());
}

TEST(Settings, ErrorsNameTheProblemButNeverTheSecret) {
    auto settings = parse_settings(R"({"accounts": [
        {"name": "main", "kind": "mastodon", "base_url": "http://example.social", "access_token": "s3cr3t-token"}]})");
    ASSERT_FALSE(settings.ok());
    EXPECT_NE(settings.error().message.find("account 'main' base_url must use https://"), std::string::npos);
    EXPECT_EQ(settings.error().message.find("s3cr3t"), std::string::npos);

    EXPECT_FALSE(parse_settings(R"({"undo_seconds": -1})").ok());
    EXPECT_FALSE(parse_settings(R"({"accounts": [{"name": "a", "kind": "myspace"}]})").ok());
    EXPECT_FALSE(parse_settings(R"({"accounts": [
        {"name": "a", "kind": "webhook", "url": "https://h/x", "format": "json"},
        {"name": "a", "kind": "webhook", "url": "https://h/y", "format": "json"}]})").ok());
    EXPECT_FALSE(parse_settings("{not json").ok());
}

// Found by fuzz_settings: a number too large for a double threw past the parse_error handler,
// and one too large for an int wrapped into the 0..300 range (2^32 + 10 read as 10).
TEST(Settings, OutOfRangeNumbersAreErrorsNotCrashesOrWrapArounds) {
    auto huge = parse_settings(R"({"undo_seconds": 1e999})");
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().message.find("not valid JSON"), std::string::npos);
    EXPECT_FALSE(parse_settings(R"({"undo_seconds": 4294967306})").ok());
    EXPECT_FALSE(parse_settings(R"({"undo_seconds": 18446744073709551615})").ok());
    EXPECT_FALSE(parse_settings(R"({"undo_seconds": 10.5})").ok());
}

}  // namespace
}  // namespace orlive
