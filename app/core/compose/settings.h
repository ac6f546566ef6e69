// Settings (README, "The contract": "Settings file"): undo window, hospital identity and the accounts
// posts go to. Loaded once; plain data afterwards. Secrets stay in memory only and are never
// part of an error message.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace orlive {

enum class AccountKind { Mastodon, Bluesky, Webhook, Facebook, X, Threads };

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
    // facebook and threads (Graph APIs): base URL and version, e.g. "v21.0"
    std::string graph_base;
    std::string api_version;
    std::string page_id;            // facebook
    std::string page_access_token;  // facebook
    std::string user_id;            // threads (access_token holds its token)
    // x (OAuth 1.0a user context; access_token holds the user's token)
    std::string api_base;
    std::string consumer_key;
    std::string consumer_secret;
    std::string access_token_secret;
};

// "mastodon", "bluesky", "webhook", "facebook", "x", "threads" (CONTRACT.md `platform`).
const char* account_kind_name(AccountKind kind);
// The reverse of account_kind_name: "mastodon" → Mastodon; nothing for any other word.
std::optional<AccountKind> account_kind_named(std::string_view name);
// For people: "Mastodon", "Bluesky", "webhook", "Facebook Page", "X", "Threads".
const char* account_display_name(AccountKind kind);

// One account as its settings-file keys and values: "name", "kind", then every key of its kind
// (empty values included), secrets too. The one list of which keys a kind has.
std::vector<std::pair<std::string, std::string>> account_fields(const Account& account);
// The keys that hold a credential (a webhook's URL is one: it alone lets anyone post). Listing
// and logging leave them out.
bool is_account_secret_key(const std::string& key);

struct Settings {
    int undo_seconds = 10;
    std::string hospital_name;
    std::vector<std::string> default_hashtags;  // without '#'
    std::vector<Account> accounts;               // empty: local feed only
    // PINs: a hash (pin_hash.h) as `orlivectl pin set` and the wizard write it; an old file's
    // plain 4-8 digits still work (and `migration_notes` says to migrate). Empty: not set, the
    // compliance screen stays locked / settings and quitting the kiosk are not guarded.
    std::string compliance_pin;                  // plain, from an old file
    std::string admin_pin;                       // plain, from an old file
    std::string compliance_pin_hash;
    std::string admin_pin_hash;
    std::vector<std::string> migration_notes;    // one line each, for stderr: nothing secret
    const std::string& compliance_pin_secret() const {
        return compliance_pin_hash.empty() ? compliance_pin : compliance_pin_hash;
    }
    const std::string& admin_pin_secret() const { return admin_pin_hash.empty() ? admin_pin : admin_pin_hash; }
    std::string audit_syslog;                    // "udp://HOST:PORT" | "tcp://HOST:PORT"; empty: no witness
    float ui_scale = 0.0f;                       // 0: from the screen size and the monitor's content scale
    std::string gallery_listen;                  // "ADDR:PORT" for orlivectl serve; empty: 127.0.0.1:8080
    // "secrets_file" (secrets_file.h): the accounts' credentials live in a file of their own that
    // only the delivering service's user reads. As written in the settings (relative: to the
    // settings file's directory); empty: every secret is in the settings file itself.
    std::string secrets_file;
    // False when the secrets file exists but this process may not read it (the kiosk beside the
    // orlive-sync service): accounts keep their names and kinds, their secrets stay empty, and
    // this process must not deliver.
    bool secrets_readable = true;
};

// A missing file is "no accounts, local feed only" when `missing_is_default`, else an error.
// With "secrets_file", that file's secrets are merged into the accounts (secrets_file.h).
Result<Settings> load_settings(const std::filesystem::path& file, bool missing_is_default);
// The text alone: with "secrets_file" set, accounts may lack their secrets (not checked here).
Result<Settings> parse_settings(const std::string& json_text);
// Writes the settings atomically, creating the directory, mode 0600; an existing file keeps its
// owner and group when root writes it. With `secrets_file` set the secrets go to that file
// (0600, written first) and none into `file`, which then keeps its mode up to 0640 (the
// services' group reads it); refused when the secrets could not be read.
Status save_settings(const Settings& settings, const std::filesystem::path& file);
// The secrets file's path: `secrets_file` as given, a relative one beside `settings_file`.
std::filesystem::path secrets_file_path(const Settings& settings, const std::filesystem::path& settings_file);

// `orlivectl pin set`: stores a new hash of `pin` as "<which>_pin_hash" in the settings file,
// drops a plain "<which>_pin", keeps every other key as it was, and writes the file with mode
// 0600 (write_file_atomically). `which`: "compliance" or "admin". A missing file is created.
Status store_pin_hash(const std::filesystem::path& file, const std::string& which, const std::string& pin);

// http:// is accepted only for loopback hosts; https:// always.
Status check_endpoint_url(const std::string& url, const std::string& what);

}  // namespace orlive
