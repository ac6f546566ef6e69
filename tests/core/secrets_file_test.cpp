// The secrets file ("secrets_file"): merged into the accounts on load, every mistake a clear
// error that names no secret, an unreadable file a flag (the kiosk beside orlive-sync), and
// save_settings splitting the credentials out of the settings file.
#include "core/compose/secrets_file.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "core/compose/settings.h"
#include "test_support.h"

namespace orlive {
namespace {

void write(const std::filesystem::path& file, const std::string& text) { std::ofstream(file) << text; }

std::string read(const std::filesystem::path& file) {
    std::ifstream in(file);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Account mastodon(const std::string& name, const std::string& token) {
    Account account;
    account.name = name;
    account.kind = AccountKind::Mastodon;
    account.base_url = "https://x.social";
    account.access_token = token;
    return account;
}

const char* kSplitSettings = R"({"secrets_file": "secrets.json", "accounts": [
    {"name": "main", "kind": "mastodon", "base_url": "https://example.social"},
    {"name": "team", "kind": "webhook", "format": "json"}]})";

TEST(SecretsFile, ItsValuesAreMergedIntoTheNamedAccounts) {
    testing::TempDir dir;
    write(dir.path() / "config.json", kSplitSettings);
    write(dir.path() / "secrets.json", R"({"accounts": {"main": {"access_token": "tok-1"},
        "team": {"url": "http://127.0.0.1:9/hook"}}})");
    auto settings = load_settings(dir.path() / "config.json", false);
    ASSERT_TRUE(settings.ok()) << settings.error().message;
    EXPECT_TRUE(settings->secrets_readable);
    EXPECT_EQ(settings->secrets_file, "secrets.json");
    ASSERT_EQ(settings->accounts.size(), 2u);
    EXPECT_EQ(settings->accounts[0].access_token, "tok-1");
    EXPECT_EQ(settings->accounts[1].url, "http://127.0.0.1:9/hook");
}

TEST(SecretsFile, SecretsLeftInTheSettingsFileStillWork) {
    testing::TempDir dir;
    write(dir.path() / "config.json", R"({"secrets_file": "secrets.json", "accounts": [
        {"name": "main", "kind": "mastodon", "base_url": "https://example.social", "access_token": "inline"}]})");
    auto missing = load_settings(dir.path() / "config.json", false);  // no secrets file yet
    ASSERT_TRUE(missing.ok()) << missing.error().message;
    EXPECT_EQ(missing->accounts[0].access_token, "inline");
    write(dir.path() / "secrets.json", R"({"accounts": {"main": {"access_token": "apart"}}})");
    auto both = load_settings(dir.path() / "config.json", false);
    ASSERT_TRUE(both.ok()) << both.error().message;
    EXPECT_EQ(both->accounts[0].access_token, "apart");  // the secrets file wins
}

TEST(SecretsFile, AMissingSecretNamesTheAccountKeyAndFile) {
    testing::TempDir dir;
    write(dir.path() / "config.json", kSplitSettings);
    write(dir.path() / "secrets.json", R"({"accounts": {"main": {"access_token": "tok-1"}}})");
    auto settings = load_settings(dir.path() / "config.json", false);
    ASSERT_FALSE(settings.ok());
    EXPECT_NE(settings.error().message.find("account 'team' has no \"url\""), std::string::npos)
        << settings.error().message;
    EXPECT_NE(settings.error().message.find("secrets.json"), std::string::npos);
}

TEST(SecretsFile, UnknownAccountsForeignKeysAndBadShapesAreClearErrors) {
    testing::TempDir dir;
    write(dir.path() / "config.json", kSplitSettings);
    const auto load_with = [&](const std::string& secrets) {
        write(dir.path() / "secrets.json", secrets);
        auto loaded = load_settings(dir.path() / "config.json", false);
        return loaded.ok() ? std::string() : loaded.error().message;
    };
    const std::string ok = R"("main": {"access_token": "tok-1"}, "team": {"url": "https://h/x"})";
    ASSERT_EQ(load_with("{\"accounts\": {" + ok + "}}"), "");  // positive control
    EXPECT_NE(load_with("{\"accounts\": {" + ok + R"(, "ghost": {"access_token": "tok-9"}}})")
                  .find("names account 'ghost', which the settings file does not have"),
              std::string::npos);
    EXPECT_NE(load_with(R"({"accounts": {"main": {"access_token": "t", "base_url": "https://e.social"}}})")
                  .find("\"base_url\" of account 'main' is not a secret of a mastodon account"),
              std::string::npos);
    // A token pasted as a key is not echoed.
    const std::string pasted = load_with(R"({"accounts": {"main": {"Zq9-s3cr3t-token": "x"}}})");
    EXPECT_NE(pasted.find("a key of account 'main'"), std::string::npos) << pasted;
    EXPECT_EQ(pasted.find("s3cr3t"), std::string::npos);
    EXPECT_NE(load_with(R"({"accounts": {"main": {"access_token": 5}}})").find("must be non-empty text"),
              std::string::npos);
    const std::string broken = load_with(R"({"accounts": {"main": {"access_token": "s3cr3t-tok)");
    EXPECT_NE(broken.find("is not one JSON object"), std::string::npos);
    EXPECT_EQ(broken.find("s3cr3t"), std::string::npos);  // the parser's words quote the text
    EXPECT_NE(load_with(std::string("{\"accounts\": {") + R"("main": {"access_token": "t"}, "team": {"url": "http://e.org/h"})" + "}}")
                  .find("account 'team' url must use https://"),
              std::string::npos);
}

// Root reads anything, so the check runs in a child that gave up root (or as the user here).
TEST(SecretsFile, AFileThisUserMayNotReadLoadsWithoutSecretsAndAFlag) {
    testing::TempDir dir;
    write(dir.path() / "config.json", kSplitSettings);
    write(dir.path() / "secrets.json", R"({"accounts": {"main": {"access_token": "tok-1"}}})");
    ASSERT_EQ(::chmod((dir.path() / "secrets.json").c_str(), 0600), 0);
    ASSERT_EQ(::chmod(dir.path().c_str(), 0755), 0);
    ASSERT_EQ(::chmod((dir.path() / "config.json").c_str(), 0644), 0);
    const auto check = [&]() -> int {
        auto settings = load_settings(dir.path() / "config.json", false);
        if (!settings.ok()) return 10;
        if (settings->secrets_readable) return 11;
        if (settings->accounts.size() != 2 || !settings->accounts[0].access_token.empty()) return 12;
        return save_settings(*settings, dir.path() / "config.json").ok() ? 13 : 0;  // would lose them
    };
    if (::geteuid() != 0) {
        ASSERT_EQ(::chmod((dir.path() / "secrets.json").c_str(), 0000), 0);
        EXPECT_EQ(check(), 0);
        return;
    }
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(9);
        ::_exit(check());
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    auto as_root = load_settings(dir.path() / "config.json", false);  // positive control
    EXPECT_FALSE(as_root.ok());  // root reads it: "team" lacks its url
}

TEST(SecretsFile, SaveSettingsPutsEverySecretInTheSecretsFileOnly) {
    testing::TempDir dir;
    Settings settings;
    settings.secrets_file = "secrets.json";
    settings.accounts = {mastodon("main", "tok-123")};
    Account hook;
    hook.name = "team";
    hook.url = "https://hooks.example/abc-secret";
    hook.format = "json";
    settings.accounts.push_back(hook);
    ASSERT_TRUE(save_settings(settings, dir.path() / "config.json").ok());
    const std::string config = read(dir.path() / "config.json"), secrets = read(dir.path() / "secrets.json");
    EXPECT_EQ(config.find("tok-123"), std::string::npos);
    EXPECT_EQ(config.find("abc-secret"), std::string::npos);
    EXPECT_NE(config.find("\"secrets_file\": \"secrets.json\""), std::string::npos);
    EXPECT_NE(secrets.find("tok-123"), std::string::npos);
    struct stat info{};
    ASSERT_EQ(::stat((dir.path() / "secrets.json").c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    auto loaded = load_settings(dir.path() / "config.json", false);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    EXPECT_EQ(loaded->accounts[0].access_token, "tok-123");
    EXPECT_EQ(loaded->accounts[1].url, "https://hooks.example/abc-secret");
}

// Root rewriting an admin's files keeps who owns them and how readable they are (at most 0640).
TEST(SecretsFile, RewritingKeepsOwnerGroupAndAtMost0640) {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root to own files as another user";
    testing::TempDir dir;
    Settings settings;
    settings.secrets_file = "secrets.json";
    settings.accounts = {mastodon("main", "tok-123")};
    const auto config = dir.path() / "config.json", secrets = dir.path() / "secrets.json";
    write(config, "{}");
    write(secrets, R"({"accounts": {}})");
    ASSERT_EQ(::chown(config.c_str(), 0, 65534), 0);
    ASSERT_EQ(::chmod(config.c_str(), 0644), 0);
    ASSERT_EQ(::chown(secrets.c_str(), 65534, 65534), 0);
    ASSERT_EQ(::chmod(secrets.c_str(), 0640), 0);
    ASSERT_TRUE(save_settings(settings, config).ok());
    struct stat info{};
    ASSERT_EQ(::stat(config.c_str(), &info), 0);
    EXPECT_EQ(info.st_gid, 65534u);
    EXPECT_EQ(info.st_mode & 0777, 0640u);
    ASSERT_EQ(::stat(secrets.c_str(), &info), 0);
    EXPECT_EQ(info.st_uid, 65534u);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
}

}  // namespace
}  // namespace orlive
