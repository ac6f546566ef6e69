// The secrets file (settings key "secrets_file"): the accounts' credentials apart from the rest
// of the settings, so a process that must not hold them (the kiosk, beside the orlive-sync
// service) cannot read them. Its form: {"accounts": {"<account>": {"<secret key>": "…"}}}, only
// keys is_account_secret_key() names, only accounts the settings file has. Messages name files,
// accounts and keys, never a value (the JSON parser's own words quote text, so they are dropped).
#pragma once

#include <filesystem>
#include <string>

#include "core/base/result.h"
#include "core/compose/settings.h"

namespace orlive {

// Reads `file` into `settings.accounts` (its values win over the settings file's own). Missing:
// no secrets yet. Present but not readable for lack of permission: Ok with
// settings.secrets_readable = false and nothing merged. Anything else wrong: an error.
Status merge_secrets_file(Settings& settings, const std::filesystem::path& file);

// After a merge: every account holds every secret of its kind (a webhook's url is checked as
// an endpoint too). Not called when the secrets could not be read.
Status check_account_secrets(const Settings& settings, const std::filesystem::path& file);

// The secrets file's text for `settings.accounts` (accounts without secrets left out).
Result<std::string> secrets_file_text(const Settings& settings);

// The member holding `key` of `account`'s kind ("access_token" of a Mastodon account);
// nullptr when its kind has no such key.
std::string* account_value(Account& account, const std::string& key);

}  // namespace orlive
