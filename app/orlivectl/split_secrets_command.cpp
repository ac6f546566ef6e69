// orlivectl account split-secrets [--secrets-file PATH]: moves the accounts' secrets out of the
// settings file into a secrets file only the delivering service's user reads, and names it there
// ("secrets_file"). Idempotent: run again (the package's postinst does, on every upgrade), it
// finds nothing to move and writes nothing. Both files are written by save_settings, so they
// keep their owners and modes when root runs it.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "orlivectl/commands.h"

namespace orlive::cli {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Whether the settings file itself still holds any account secret (the loader has merged the
// secrets file by then, so the text is asked, not the loaded settings).
bool holds_secrets(const fs::path& config) {
    std::ifstream in(config, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const json root = json::parse(text.str(), nullptr, false);  // load_settings parsed it already
    if (!root.is_object() || !root.contains("accounts") || !root["accounts"].is_array()) return false;
    for (const json& account : root["accounts"]) {
        if (!account.is_object()) continue;
        for (const auto& item : account.items())
            if (is_account_secret_key(item.key())) return true;
    }
    return false;
}

}  // namespace

int split_secrets(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "secrets-file"});
    if (!unknown.empty()) return usage_error("account split-secrets does not take " + unknown.front());
    if (args.words().size() != 2) return usage_error("account split-secrets takes no arguments");
    const fs::path& config = context.config_file();
    auto loaded = load_settings(config, false);
    if (!loaded) return fail(loaded.error().message);
    Settings settings = std::move(loaded.value());
    std::error_code ec;
    const fs::path named = secrets_file_path(settings, config);
    const fs::path wanted = fs::absolute(args.get("secrets-file").value_or(
                                             named.empty() ? (config.parent_path() / "secrets.json").string()
                                                           : named.string()),
                                         ec);
    if (!named.empty() && fs::absolute(named, ec) != wanted)
        return fail(config.string() + " names the secrets file " + named.string() +
                    " already; give that path, or move the secrets by hand; nothing was changed");
    if (!settings.secrets_readable)
        return fail("this user may not read the secrets file " + named.string() +
                    "; run it as root; nothing was changed");
    if (!named.empty() && !holds_secrets(config)) {
        std::cout << "no secrets left in " << config.string() << "; they are in " << named.string() << "\n";
        return kExitOk;
    }
    if (named.empty()) settings.secrets_file = wanted.string();
    if (auto saved = save_settings(settings, config); !saved) return fail(saved.error().message);
    std::cout << "the secrets of " << settings.accounts.size() << " account(s) are in " << wanted.string() << "; "
              << config.string() << " holds none and names that file (\"secrets_file\")\n";
    return kExitOk;
}

}  // namespace orlive::cli
