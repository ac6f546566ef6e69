// Settings: the JSON file's reading (checked field by field), writing and PIN hashes.
// [SECTION] URL and account parsing (parse_account, check_endpoint_url)
// [SECTION] parse_settings, load_settings (merging the secrets file), secrets_file_path
// [SECTION] account kinds' names and keys (account_fields), save_settings (splitting the
//           secrets out when "secrets_file" is set), store_pin_hash
#include "core/compose/settings.h"

#include <cstdio>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "core/audit/audit_witness.h"
#include "core/audit/pin_hash.h"
#include "core/base/config_file.h"
#include "core/base/json_int.h"
#include "core/base/listen_address.h"
#include "core/base/undo_window.h"
#include "core/base/utf8.h"
#include "core/compose/secrets_file.h"

namespace orlive {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string host_of(const std::string& url, std::size_t scheme_end) {
    std::size_t start = scheme_end;
    std::size_t end = url.find_first_of("/?#", start);
    std::string authority = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (auto at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
    if (!authority.empty() && authority.front() == '[') {
        auto close = authority.find(']');
        return close == std::string::npos ? std::string() : authority.substr(1, close - 1);
    }
    return authority.substr(0, authority.find(':'));
}

// localhost, ::1 or a dotted IPv4 address in 127.0.0.0/8 (not "127.0.0.1.example.com").
bool is_loopback_host(const std::string& host) {
    if (host == "localhost" || host == "::1") return true;
    int octets[4];
    char extra = 0;
    if (std::sscanf(host.c_str(), "%d.%d.%d.%d%c", &octets[0], &octets[1], &octets[2], &octets[3], &extra) != 4)
        return false;
    for (int octet : octets) {
        if (octet < 0 || octet > 255) return false;
    }
    return octets[0] == 127 && host.find_first_not_of("0123456789.") == std::string::npos;
}

Result<std::string> required_string(const json& object, const char* key, const std::string& where) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get<std::string>().empty()) {
        return make_error(where + ": \"" + key + "\" is required");
    }
    return it->get<std::string>();
}

// `secrets_elsewhere`: the settings name a secrets file, so a secret key may be missing here
// (load_settings merges that file and checks every secret is there).
Result<Account> parse_account(const json& entry, std::size_t index, bool secrets_elsewhere) {
    std::string where = "account #" + std::to_string(index + 1);
    if (!entry.is_object()) return make_error(where + " must be an object");
    auto name = required_string(entry, "name", where);
    if (!name) return name.error();
    where = "account '" + *name + "'";
    auto kind = required_string(entry, "kind", where);
    if (!kind) return kind.error();

    Account account;
    account.name = *name;
    auto take = [&](const char* key, std::string& into) -> Status {
        if (secrets_elsewhere && is_account_secret_key(key) && !entry.contains(key)) return Ok{};
        auto value = required_string(entry, key, where);
        if (!value) return value.error();
        into = std::move(value.value());
        return Ok{};
    };
    if (*kind == "mastodon") {
        account.kind = AccountKind::Mastodon;
        if (auto s = take("base_url", account.base_url); !s) return s.error();
        if (auto s = take("access_token", account.access_token); !s) return s.error();
        if (auto s = check_endpoint_url(account.base_url, where + " base_url"); !s) return s.error();
    } else if (*kind == "bluesky") {
        account.kind = AccountKind::Bluesky;
        if (auto s = take("service", account.service); !s) return s.error();
        if (auto s = take("identifier", account.identifier); !s) return s.error();
        if (auto s = take("app_password", account.app_password); !s) return s.error();
        if (auto s = check_endpoint_url(account.service, where + " service"); !s) return s.error();
    } else if (*kind == "webhook") {
        account.kind = AccountKind::Webhook;
        if (auto s = take("url", account.url); !s) return s.error();
        if (auto s = take("format", account.format); !s) return s.error();
        static const std::set<std::string> formats = {"slack", "teams", "discord", "json"};
        if (!formats.count(account.format))
            return make_error(where + ": \"format\" must be slack, teams, discord or json");
        if (!account.url.empty())
            if (auto s = check_endpoint_url(account.url, where + " url"); !s) return s.error();
    } else if (*kind == "facebook") {
        account.kind = AccountKind::Facebook;
        for (auto [key, into] : {std::pair{"graph_base", &account.graph_base}, {"api_version", &account.api_version},
                                 {"page_id", &account.page_id}, {"page_access_token", &account.page_access_token}})
            if (auto s = take(key, *into); !s) return s.error();
        if (auto s = check_endpoint_url(account.graph_base, where + " graph_base"); !s) return s.error();
    } else if (*kind == "x") {
        account.kind = AccountKind::X;
        for (auto [key, into] : {std::pair{"api_base", &account.api_base}, {"consumer_key", &account.consumer_key},
                                 {"consumer_secret", &account.consumer_secret}, {"access_token", &account.access_token},
                                 {"access_token_secret", &account.access_token_secret}})
            if (auto s = take(key, *into); !s) return s.error();
        if (auto s = check_endpoint_url(account.api_base, where + " api_base"); !s) return s.error();
    } else if (*kind == "threads") {
        account.kind = AccountKind::Threads;
        for (auto [key, into] : {std::pair{"graph_base", &account.graph_base}, {"api_version", &account.api_version},
                                 {"user_id", &account.user_id}, {"access_token", &account.access_token}})
            if (auto s = take(key, *into); !s) return s.error();
        if (auto s = check_endpoint_url(account.graph_base, where + " graph_base"); !s) return s.error();
    } else {
        return make_error(where + ": \"kind\" must be mastodon, bluesky, webhook, facebook, x or threads");
    }
    return account;
}

// The PINs: hashes from `orlivectl pin set`, or plain digits from an older file (flagged).
Status parse_pins(const json& root, Settings& settings) {
    for (const char* key : {"compliance_pin", "admin_pin"}) {
        const bool admin = std::string(key) == "admin_pin";
        const std::string hash_key = std::string(key) + "_hash";
        if (root.contains(hash_key)) {
            const json& hash = root[hash_key];
            if (!hash.is_string() || !is_pin_hash(hash.get<std::string>()))
                return make_error("\"" + hash_key + "\" is not a PIN hash written by 'orlivectl pin set'");
            (admin ? settings.admin_pin_hash : settings.compliance_pin_hash) = hash.get<std::string>();
        }
        if (!root.contains(key)) continue;
        const json& pin = root[key];
        const std::string digits = pin.is_string() ? pin.get<std::string>() : std::string();
        if (!is_valid_pin(digits)) return make_error(std::string("\"") + key + "\" must be 4 to 8 digits, as text");
        (admin ? settings.admin_pin : settings.compliance_pin) = digits;
        settings.migration_notes.push_back(std::string("the settings file holds a plain \"") + key +
                                           "\": replace it with a hash, run: orlivectl pin set " +
                                           (admin ? "admin" : "compliance") + " (the PIN on stdin)");
    }
    return Ok{};
}

Status parse_accounts(const json& root, Settings& settings) {
    if (root.contains("accounts")) {
        if (!root["accounts"].is_array()) return make_error("\"accounts\" must be an array");
        std::set<std::string> names;
        for (std::size_t i = 0; i < root["accounts"].size(); ++i) {
            auto account = parse_account(root["accounts"][i], i, !settings.secrets_file.empty());
            if (!account) return account.error();
            if (!names.insert(account->name).second)
                return make_error("account name '" + account->name + "' is used twice");
            settings.accounts.push_back(std::move(account.value()));
        }
    }
    return Ok{};
}

}  // namespace

Status check_endpoint_url(const std::string& url, const std::string& what) {
    if (url.rfind("https://", 0) == 0) {
        if (host_of(url, 8).empty()) return make_error(what + " has no host");
        return Ok{};
    }
    if (url.rfind("http://", 0) == 0) {
        if (is_loopback_host(host_of(url, 7))) return Ok{};
        return make_error(what + " must use https:// (plain http:// is allowed only for loopback hosts)");
    }
    return make_error(what + " must start with https://");
}

Result<Settings> parse_settings(const std::string& json_text) {
    // Checked before parsing so the message names the byte, not the JSON parser's state.
    if (auto utf8 = require_utf8(json_text, "the settings file"); !utf8) return utf8.error();
    json root;
    try {
        root = json::parse(json_text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e999
        return make_error(std::string("settings are not valid JSON: ") + e.what());
    }
    if (!root.is_object()) return make_error("settings must be a JSON object");

    Settings settings;
    if (root.contains("undo_seconds")) {
        const std::optional<int> undo = json_int(root["undo_seconds"]);
        if (!undo || *undo < 0 || *undo > kMaxUndoSeconds)
            return make_error("\"undo_seconds\" must be a whole number from 0 to " + std::to_string(kMaxUndoSeconds));
        settings.undo_seconds = *undo;
    }
    if (root.contains("hospital_name")) {
        if (!root["hospital_name"].is_string()) return make_error("\"hospital_name\" must be text");
        settings.hospital_name = root["hospital_name"].get<std::string>();
    }
    if (root.contains("hashtags")) {
        if (!root["hashtags"].is_array()) return make_error("\"hashtags\" must be an array of words");
        for (const json& tag : root["hashtags"]) {
            if (!tag.is_string() || tag.get<std::string>().empty())
                return make_error("every entry of \"hashtags\" must be a word");
            std::string word = tag.get<std::string>();
            if (word.front() == '#') word.erase(0, 1);
            settings.default_hashtags.push_back(word);
        }
    }
    if (root.contains("ui_scale")) {
        const json& scale = root["ui_scale"];
        if (!scale.is_number() || scale.get<double>() < 0.75 || scale.get<double>() > 2.5)
            return make_error("\"ui_scale\" must be a number from 0.75 to 2.5");
        settings.ui_scale = scale.get<float>();
    }
    if (root.contains("gallery_listen")) {
        const json& listen = root["gallery_listen"];
        if (!listen.is_string()) return make_error("\"gallery_listen\" must be text like \"0.0.0.0:8080\"");
        auto parsed = parse_listen_address(listen.get<std::string>());
        if (!parsed) return make_error("\"gallery_listen\": " + parsed.error().message);
        settings.gallery_listen = listen.get<std::string>();
    }
    if (root.contains("audit_syslog")) {
        const json& url = root["audit_syslog"];
        if (!url.is_string()) return make_error("\"audit_syslog\" must be udp://HOST:PORT or tcp://HOST:PORT");
        auto endpoint = parse_syslog_endpoint(url.get<std::string>());
        if (!endpoint) return endpoint.error();
        settings.audit_syslog = url.get<std::string>();
    }
    if (auto pins = parse_pins(root, settings); !pins) return pins.error();
    if (root.contains("secrets_file")) {
        const json& path = root["secrets_file"];
        if (!path.is_string() || path.get<std::string>().empty())
            return make_error("\"secrets_file\" must be the path of the accounts' secrets file, as text");
        settings.secrets_file = path.get<std::string>();
    }
    if (auto accounts = parse_accounts(root, settings); !accounts) return accounts.error();
    return settings;
}

Result<Settings> load_settings(const fs::path& file, bool missing_is_default) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        if (missing_is_default) return Settings{};
        return make_error("settings file " + file.string() + " does not exist");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error("cannot read settings file " + file.string());
    std::stringstream buffer;
    buffer << in.rdbuf();
    auto settings = parse_settings(buffer.str());
    if (!settings) return make_error(file.string() + ": " + settings.error().message);
    if (settings->secrets_file.empty()) return settings;
    const fs::path secrets = secrets_file_path(*settings, file);
    if (auto merged = merge_secrets_file(*settings, secrets); !merged) return merged.error();
    if (!settings->secrets_readable) return settings;  // this process runs without credentials
    if (auto complete = check_account_secrets(*settings, secrets); !complete)
        return make_error(file.string() + ": " + complete.error().message);
    return settings;
}

fs::path secrets_file_path(const Settings& settings, const fs::path& settings_file) {
    const fs::path given(settings.secrets_file);
    if (given.empty() || given.is_absolute() || !settings_file.has_parent_path()) return given;
    return settings_file.parent_path() / given;
}

}  // namespace orlive

namespace orlive {

const char* account_kind_name(AccountKind kind) {
    switch (kind) {
        case AccountKind::Mastodon: return "mastodon";
        case AccountKind::Bluesky: return "bluesky";
        case AccountKind::Webhook: return "webhook";
        case AccountKind::Facebook: return "facebook";
        case AccountKind::X: return "x";
        case AccountKind::Threads: return "threads";
    }
    return "webhook";
}

std::optional<AccountKind> account_kind_named(std::string_view name) {
    for (AccountKind kind : {AccountKind::Mastodon, AccountKind::Bluesky, AccountKind::Webhook, AccountKind::Facebook,
                             AccountKind::X, AccountKind::Threads})
        if (name == account_kind_name(kind)) return kind;
    return std::nullopt;
}

const char* account_display_name(AccountKind kind) {
    switch (kind) {
        case AccountKind::Mastodon: return "Mastodon";
        case AccountKind::Bluesky: return "Bluesky";
        case AccountKind::Webhook: return "webhook";
        case AccountKind::Facebook: return "Facebook Page";
        case AccountKind::X: return "X";
        case AccountKind::Threads: return "Threads";
    }
    return "webhook";
}

std::vector<std::pair<std::string, std::string>> account_fields(const Account& a) {
    std::vector<std::pair<std::string, std::string>> fields = {{"name", a.name}, {"kind", account_kind_name(a.kind)}};
    switch (a.kind) {
        case AccountKind::Mastodon:
            fields.insert(fields.end(), {{"base_url", a.base_url}, {"access_token", a.access_token}});
            break;
        case AccountKind::Bluesky:
            fields.insert(fields.end(),
                          {{"service", a.service}, {"identifier", a.identifier}, {"app_password", a.app_password}});
            break;
        case AccountKind::Webhook: fields.insert(fields.end(), {{"url", a.url}, {"format", a.format}}); break;
        case AccountKind::Facebook:
            fields.insert(fields.end(), {{"graph_base", a.graph_base}, {"api_version", a.api_version},
                                         {"page_id", a.page_id}, {"page_access_token", a.page_access_token}});
            break;
        case AccountKind::X:
            fields.insert(fields.end(), {{"api_base", a.api_base}, {"consumer_key", a.consumer_key},
                                         {"consumer_secret", a.consumer_secret}, {"access_token", a.access_token},
                                         {"access_token_secret", a.access_token_secret}});
            break;
        case AccountKind::Threads:
            fields.insert(fields.end(), {{"graph_base", a.graph_base}, {"api_version", a.api_version},
                                         {"user_id", a.user_id}, {"access_token", a.access_token}});
            break;
    }
    return fields;
}

bool is_account_secret_key(const std::string& key) {
    static const std::set<std::string> secrets = {"access_token", "app_password",    "url",
                                                  "page_access_token", "consumer_key", "consumer_secret",
                                                  "access_token_secret"};
    return secrets.count(key) > 0;
}

namespace {

// The settings file's JSON; the accounts' secrets only when no secrets file holds them.
Result<json> settings_json(const Settings& settings) {
    json root;
    root["undo_seconds"] = settings.undo_seconds;
    if (!settings.hospital_name.empty()) root["hospital_name"] = settings.hospital_name;
    if (!settings.default_hashtags.empty()) root["hashtags"] = settings.default_hashtags;
    // Only hashes are written: a plain PIN that reaches here is hashed first.
    for (bool admin : {false, true}) {
        const std::string& hash = admin ? settings.admin_pin_hash : settings.compliance_pin_hash;
        const std::string& plain = admin ? settings.admin_pin : settings.compliance_pin;
        const char* key = admin ? "admin_pin_hash" : "compliance_pin_hash";
        if (!hash.empty()) {
            root[key] = hash;
        } else if (!plain.empty()) {
            auto hashed = hash_pin(plain);
            if (!hashed) return hashed.error();
            root[key] = *hashed;
        }
    }
    if (settings.ui_scale > 0.0f) root["ui_scale"] = settings.ui_scale;
    if (!settings.audit_syslog.empty()) root["audit_syslog"] = settings.audit_syslog;
    if (!settings.gallery_listen.empty()) root["gallery_listen"] = settings.gallery_listen;
    if (!settings.secrets_file.empty()) root["secrets_file"] = settings.secrets_file;
    root["accounts"] = json::array();
    for (const Account& a : settings.accounts) {
        json entry = json::object();
        for (const auto& [key, value] : account_fields(a))
            if (settings.secrets_file.empty() || !is_account_secret_key(key)) entry[key] = value;
        root["accounts"].push_back(std::move(entry));
    }
    return root;
}

// A settings file holding secrets stays 0600 (README, `pin set`, `account add`); one whose
// secrets live in a secrets file may stay readable by the services' group (0640 root:orlive).
mode_t settings_file_max_mode(bool holds_secrets) { return holds_secrets ? 0600 : 0640; }

}  // namespace

Status save_settings(const Settings& settings, const fs::path& file) {
    const fs::path secrets = secrets_file_path(settings, file);
    if (!settings.secrets_file.empty() && !settings.secrets_readable)
        return make_error("cannot save the settings: this user may not read the secrets file " + secrets.string() +
                          ", so its secrets would be lost; run it as root or as the delivering service's user "
                          "(orlive-sync); nothing was written");
    auto root = settings_json(settings);
    if (!root) return root.error();
    std::string text;
    try {
        text = root->dump(2) + "\n";
    } catch (const json::type_error&) {  // invalid UTF-8 in a value: refuse rather than abort
        return make_error("the settings hold text that is not valid UTF-8; nothing was saved");
    }
    // Secrets first: a crash between the two writes leaves the files disagreeing on one account,
    // which load_settings names, and never a credential left in (or moved into) the readable file.
    if (!settings.secrets_file.empty()) {
        auto secrets_text = secrets_file_text(settings);
        if (!secrets_text) return secrets_text.error();
        auto written = replace_config_file(secrets, *secrets_text, 0600, 0600);
        if (!written) return make_error("cannot write the secrets file: " + written.error().message);
    }
    auto written = replace_config_file(file, text, 0600, settings_file_max_mode(settings.secrets_file.empty()));
    if (!written) return make_error("cannot write settings: " + written.error().message);
    return Ok{};
}

Status store_pin_hash(const fs::path& file, const std::string& which, const std::string& pin) {
    if (which != "compliance" && which != "admin") return make_error("pin set needs compliance or admin");
    if (!is_valid_pin(pin)) return make_error("a PIN is 4 to 8 digits");
    json root = json::object();
    std::error_code ec;
    if (fs::exists(file, ec)) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        root = json::parse(buffer.str(), nullptr, false);
        if (root.is_discarded() || !root.is_object())
            return make_error(file.string() + " is not a JSON object; fix it before setting a PIN");
    }
    auto hashed = hash_pin(pin);
    if (!hashed) return hashed.error();
    root[which + "_pin_hash"] = *hashed;
    root.erase(which + "_pin");
    if (auto checked = parse_settings(root.dump()); !checked) return make_error(file.string() + ": " + checked.error().message);
    auto written = replace_config_file(file, root.dump(2) + "\n", 0600, settings_file_max_mode(!root.contains("secrets_file")));
    if (!written) return make_error("cannot write settings: " + written.error().message);
    return Ok{};
}

}  // namespace orlive
