// Settings (README, "The contract": "Settings file"): undo window, hospital identity and the accounts
// posts go to. Loaded once; plain data afterwards. Secrets stay in memory only and are never
// part of an error message.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/result.h"

namespace orlive {

enum class AccountKind { Mastodon, Bluesky, Webhook };
// "mastodon" | "bluesky" | "webhook", as the settings file and `queue --json` spell it.
const char* account_kind_name(AccountKind kind);

struct Account {
    std::string name;
    AccountKind kind = AccountKind::Webhook;
    // mastodon
    std::string base_url;
    std::string access_token;
    // bluesky
    std::string service;
    std::string identifier;
    std::string app_password;
    // webhook
    std::string url;
    std::string format;  // slack | teams | discord | json
};

struct Settings {
    int undo_seconds = 10;
    std::string hospital_name;
    std::vector<std::string> default_hashtags;  // without '#'
    std::vector<Account> accounts;               // empty: local feed only
    std::string compliance_pin;                  // 4-8 digits; empty: the compliance screen stays locked
    std::string admin_pin;                       // 4-8 digits; guards settings and quitting the kiosk
    float ui_scale = 0.0f;                       // 0: from the screen size and the monitor's content scale
};

// A missing file is "no accounts, local feed only" when `missing_is_default`, else an error.
Result<Settings> load_settings(const std::filesystem::path& file, bool missing_is_default);
Result<Settings> parse_settings(const std::string& json_text);
// Writes the settings (secrets included) atomically with mode 0600, creating the directory.
Status save_settings(const Settings& settings, const std::filesystem::path& file);

// http:// is accepted only for loopback hosts; https:// always.
Status check_endpoint_url(const std::string& url, const std::string& what);

}  // namespace orlive
