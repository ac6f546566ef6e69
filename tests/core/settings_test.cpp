#include "core/compose/settings.h"

#include "core/audit/pin_hash.h"

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

#include <sys/stat.h>

namespace orlive {
namespace {

TEST(Settings, SavedSettingsReadBackAndAreMode0600) {
    testing::TempDir dir;
    Settings settings;
    settings.undo_seconds = 7;
    settings.hospital_name = "Riverside General";
    settings.default_hashtags = {"MedEd"};
    settings.compliance_pin = "2468";
    settings.admin_pin = "1357";
    settings.accounts = {Account{"main", AccountKind::Mastodon, "https://x.social", "tok", "", "", "", "", ""}};
    const auto file = dir.path() / "conf" / "config.json";
    ASSERT_TRUE(save_settings(settings, file).ok());
    struct stat info {};
    ASSERT_EQ(stat(file.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    auto loaded = load_settings(file, false);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->undo_seconds, 7);
    EXPECT_EQ(loaded->hospital_name, "Riverside General");
    // Saved PINs come back as hashes only.
    EXPECT_TRUE(loaded->compliance_pin.empty());
    EXPECT_TRUE(pin_matches(loaded->compliance_pin_secret(), "2468"));
    EXPECT_TRUE(pin_matches(loaded->admin_pin_secret(), "1357"));
    ASSERT_EQ(loaded->accounts.size(), 1u);
    EXPECT_EQ(loaded->accounts[0].access_token, "tok");
}

}  // namespace
}  // namespace orlive
