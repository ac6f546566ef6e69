// account_fields() is what save_settings writes and what `orlivectl account` lists and asks for,
// so it must name exactly the keys the settings loader requires, for every kind.
#include <map>

#include "core/compose/settings.h"
#include "test_support.h"

namespace orlive {
namespace {

constexpr AccountKind kAllKinds[] = {AccountKind::Mastodon, AccountKind::Bluesky, AccountKind::Webhook,
                                     AccountKind::Facebook, AccountKind::X,       AccountKind::Threads};

// Every key of `kind` filled: URLs with an https:// URL, the webhook format with a valid one.
Account filled(AccountKind kind) {
    Account blank;
    blank.kind = kind;
    std::map<std::string, std::string> values;
    for (const auto& [key, value] : account_fields(blank)) values[key] = "v-" + key;
    for (const char* url : {"base_url", "service", "url", "graph_base", "api_base"})
        if (values.count(url)) values[url] = "https://example.org/" + std::string(url);
    if (values.count("format")) values["format"] = "discord";
    values["name"] = "a";
    values["kind"] = account_kind_name(kind);
    std::string json = "{\"accounts\": [{";
    for (const auto& [key, value] : values) json += "\"" + key + "\": \"" + value + "\",";
    json.back() = '}';
    auto parsed = parse_settings(json + "]}");
    EXPECT_TRUE(parsed.ok()) << account_kind_name(kind) << ": " << parsed.error().message;
    return parsed.ok() ? parsed->accounts.front() : blank;
}

TEST(AccountFields, EveryKindRoundTripsThroughSaveAndLoad) {
    testing::TempDir dir;
    Settings settings;
    for (AccountKind kind : kAllKinds) {
        settings.accounts.push_back(filled(kind));
        settings.accounts.back().name = account_kind_name(kind);
    }
    ASSERT_TRUE(save_settings(settings, dir.path() / "config.json").ok());
    auto loaded = load_settings(dir.path() / "config.json", false);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    ASSERT_EQ(loaded->accounts.size(), settings.accounts.size());
    for (std::size_t i = 0; i < settings.accounts.size(); ++i)
        EXPECT_EQ(account_fields(loaded->accounts[i]), account_fields(settings.accounts[i]));
}

TEST(AccountFields, SecretsAreTheCredentialsOfEachKind) {
    const std::map<AccountKind, std::vector<std::string>> expected = {
        {AccountKind::Mastodon, {"access_token"}},
        {AccountKind::Bluesky, {"app_password"}},
        {AccountKind::Webhook, {"url"}},
        {AccountKind::Facebook, {"page_access_token"}},
        {AccountKind::X, {"consumer_key", "consumer_secret", "access_token", "access_token_secret"}},
        {AccountKind::Threads, {"access_token"}}};
    for (AccountKind kind : kAllKinds) {
        std::vector<std::string> secrets;
        for (const auto& [key, value] : account_fields(filled(kind)))
            if (is_account_secret_key(key)) secrets.push_back(key);
        EXPECT_EQ(secrets, expected.at(kind)) << account_kind_name(kind);
    }
}

}  // namespace
}  // namespace orlive
