#include "orlivectl/account_fields.h"

#include <algorithm>

namespace orlive::cli {

namespace {

std::vector<std::string> keys_of(AccountKind kind, bool secret) {
    Account blank;
    blank.kind = kind;
    std::vector<std::string> keys;
    for (const auto& [key, value] : account_fields(blank)) {
        (void)value;
        if (key != "name" && key != "kind" && is_account_secret_key(key) == secret) keys.push_back(key);
    }
    return keys;
}

}  // namespace

std::vector<std::string> public_keys(AccountKind kind) { return keys_of(kind, false); }
std::vector<std::string> secret_keys(AccountKind kind) { return keys_of(kind, true); }

std::vector<std::pair<std::string, std::string>> public_fields(const Account& account) {
    auto fields = account_fields(account);
    std::erase_if(fields, [](const auto& field) { return is_account_secret_key(field.first); });
    return fields;
}

std::string flag_for(const std::string& key) {
    std::string flag = key;
    std::replace(flag.begin(), flag.end(), '_', '-');
    return flag;
}

std::string key_for(const std::string& flag) {
    std::string key = flag.rfind("--", 0) == 0 ? flag.substr(2) : flag;
    std::replace(key.begin(), key.end(), '-', '_');
    return key;
}

const Account* find_account(const Settings& settings, const std::string& name) {
    for (const Account& account : settings.accounts)
        if (account.name == name) return &account;
    return nullptr;
}

}  // namespace orlive::cli
