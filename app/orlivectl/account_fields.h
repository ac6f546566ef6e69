// What the `account` commands need to know of an account's keys, derived from account_fields()
// and is_account_secret_key() (settings.h) so no second list of them exists.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/compose/settings.h"

namespace orlive::cli {

// A kind's keys besides name and kind: those given as flags, and those only read as secrets.
std::vector<std::string> public_keys(AccountKind kind);
std::vector<std::string> secret_keys(AccountKind kind);
// name, kind and every key that is no secret, with its value: what may be shown.
std::vector<std::pair<std::string, std::string>> public_fields(const Account& account);
// "base_url" → "base-url", and back from "--base-url" (or "base-url").
std::string flag_for(const std::string& key);
std::string key_for(const std::string& flag);
const Account* find_account(const Settings& settings, const std::string& name);

}  // namespace orlive::cli
