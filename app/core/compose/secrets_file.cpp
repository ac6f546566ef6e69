#include "core/compose/secrets_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

#include <nlohmann/json.hpp>

#include "core/base/utf8.h"

namespace orlive {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::size_t kMaxSecretsBytes = 1 << 20;  // a few accounts' tokens: far less

enum class ReadOutcome { Read, Missing, Forbidden };

// open(2) rather than ifstream: the errno tells "no secrets yet" from "not for this user".
Result<ReadOutcome> read_small_file(const fs::path& file, std::string& into) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) return ReadOutcome::Missing;
    if (fd < 0 && (errno == EACCES || errno == EPERM)) return ReadOutcome::Forbidden;
    if (fd < 0) return make_error("cannot read the secrets file " + file.string() + ": " + std::strerror(errno));
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0 && into.size() <= kMaxSecretsBytes) into.append(buffer, n);
    const int saved_errno = errno;
    ::close(fd);
    if (n < 0) return make_error("cannot read the secrets file " + file.string() + ": " + std::strerror(saved_errno));
    if (into.size() > kMaxSecretsBytes)
        return make_error("the secrets file " + file.string() + " is larger than 1 MiB; it is not an ORLive secrets file");
    return ReadOutcome::Read;
}

Account* account_named(Settings& settings, const std::string& name) {
    for (Account& account : settings.accounts)
        if (account.name == name) return &account;
    return nullptr;
}

// A key is named in a message only when it looks like one: a token pasted in the wrong place
// (as a key) must not be echoed.
std::string describe_key(const std::string& key) {
    const bool nameable =
        key.size() <= 32 && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
    return nameable ? "\"" + key + "\"" : std::string("a key");
}

Status merge_account(Account& account, const json& secrets, const std::string& where) {
    if (!secrets.is_object()) return make_error(where + ": account '" + account.name + "' must be an object");
    for (const auto& item : secrets.items()) {
        const std::string& key = item.key();
        std::string* slot = account_value(account, key);
        if (!slot || !is_account_secret_key(key))
            return make_error(where + ": " + describe_key(key) + " of account '" + account.name +
                              "' is not a secret of a " + account_kind_name(account.kind) +
                              " account; only secrets belong here, the rest in the settings file");
        if (!item.value().is_string() || item.value().get<std::string>().empty())
            return make_error(where + ": \"" + key + "\" of account '" + account.name + "' must be non-empty text");
        *slot = item.value().get<std::string>();
    }
    return Ok{};
}

}  // namespace

std::string* account_value(Account& a, const std::string& key) {
    static const std::map<std::string, std::string Account::*> members = {
        {"base_url", &Account::base_url},       {"access_token", &Account::access_token},
        {"service", &Account::service},         {"identifier", &Account::identifier},
        {"app_password", &Account::app_password}, {"url", &Account::url},
        {"format", &Account::format},           {"graph_base", &Account::graph_base},
        {"api_version", &Account::api_version}, {"page_id", &Account::page_id},
        {"page_access_token", &Account::page_access_token}, {"user_id", &Account::user_id},
        {"api_base", &Account::api_base},       {"consumer_key", &Account::consumer_key},
        {"consumer_secret", &Account::consumer_secret}, {"access_token_secret", &Account::access_token_secret}};
    auto member = members.find(key);
    if (member == members.end()) return nullptr;
    // account_fields() is the one list of which keys a kind has.
    for (const auto& field : account_fields(a))
        if (field.first == key) return &(a.*(member->second));
    return nullptr;
}

Status merge_secrets_file(Settings& settings, const fs::path& file) {
    std::string text;
    auto outcome = read_small_file(file, text);
    if (!outcome) return outcome.error();
    if (*outcome == ReadOutcome::Missing) return Ok{};
    if (*outcome == ReadOutcome::Forbidden) {
        settings.secrets_readable = false;
        return Ok{};
    }
    const std::string where = "the secrets file " + file.string();
    if (auto utf8 = require_utf8(text, where); !utf8) return utf8.error();
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("accounts") || !root["accounts"].is_object())
        return make_error(where + " is not one JSON object like {\"accounts\": {\"NAME\": {\"access_token\": \"...\"}}}");
    for (const auto& item : root.items())
        if (item.key() != "accounts") return make_error(where + " holds " + describe_key(item.key()) + "; only \"accounts\" belongs there");
    for (const auto& item : root["accounts"].items()) {
        Account* account = account_named(settings, item.key());
        if (!account)
            return make_error(where + " names account '" + item.key() +
                              "', which the settings file does not have: add the account there or remove it here");
        if (auto merged = merge_account(*account, item.value(), where); !merged) return merged.error();
    }
    return Ok{};
}

Status check_account_secrets(const Settings& settings, const fs::path& file) {
    for (const Account& account : settings.accounts) {
        for (const auto& [key, value] : account_fields(account)) {
            if (!is_account_secret_key(key) || !value.empty()) continue;
            return make_error("account '" + account.name + "' has no \"" + key + "\": put it in the secrets file " +
                              file.string() + " (orlivectl account add writes it there)");
        }
        if (account.kind == AccountKind::Webhook)
            if (auto url = check_endpoint_url(account.url, "account '" + account.name + "' url"); !url) return url;
    }
    return Ok{};
}

Result<std::string> secrets_file_text(const Settings& settings) {
    json accounts = json::object();
    for (const Account& account : settings.accounts) {
        json secrets = json::object();
        for (const auto& [key, value] : account_fields(account))
            if (is_account_secret_key(key) && !value.empty()) secrets[key] = value;
        if (!secrets.empty()) accounts[account.name] = std::move(secrets);
    }
    try {
        return json{{"accounts", std::move(accounts)}}.dump(2) + "\n";
    } catch (const json::type_error&) {  // invalid UTF-8 in a value: refuse rather than abort
        return make_error("the secrets hold text that is not valid UTF-8; nothing was saved");
    }
}

}  // namespace orlive
