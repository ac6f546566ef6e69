// orlivectl account add|list|remove: the accounts of the settings file without editing JSON.
// Secrets come on stdin or from a file, never in argv (a process list shows it); a new account
// is checked by the settings loader itself and the file is written by save_settings (0600), so
// the command accepts exactly what the app accepts. `account test` is in account_test_command.cpp.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/base/json_dump.h"
#include "core/base/utf8.h"
#include "orlivectl/account_fields.h"
#include "orlivectl/commands.h"
#include "sync/delivery_queue.h"

namespace orlive::cli {

namespace {

using nlohmann::json;

int list_accounts(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "json"});
    if (!unknown.empty()) return usage_error("account list does not take " + unknown.front());
    if (args.words().size() != 2) return usage_error("account list takes no arguments");
    auto settings = context.settings();
    if (!settings) return fail(settings.error().message);
    json all = json::array();
    for (const Account& account : (*settings)->accounts) {
        json entry = json::object();
        std::string line = account.name + "\t" + account_kind_name(account.kind);
        for (const auto& [key, value] : public_fields(account)) {
            entry[key] = value;
            if (key != "name" && key != "kind") line += "\t" + key + "=" + value;
        }
        if (!args.has("json")) std::cout << line << "\n";
        all.push_back(std::move(entry));
    }
    if (args.has("json")) std::cout << dump_json(all) << "\n";
    return kExitOk;
}

// The secrets' JSON text: the whole of stdin, or the file --secrets-file names.
Result<std::string> read_secrets(const Args& args) {
    std::stringstream text;
    if (auto file = args.get("secrets-file")) {
        std::ifstream in(*file, std::ios::binary);
        if (!in) return make_error("cannot read the secrets file " + *file);
        text << in.rdbuf();
    } else {
        text << std::cin.rdbuf();
    }
    return text.str();
}

// A key is named in a message only when it looks like one: a token pasted in the wrong place
// (as a key) must not be echoed.
bool looks_like_key(const std::string& key) {
    return key.size() <= 32 && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
}

// The secrets object, holding exactly the secret keys of `kind`. Messages name keys, never
// values: the JSON parser's own message quotes the text it stopped at, so it is not passed on.
Result<json> parse_secrets(const std::string& text, AccountKind kind, const std::string& source) {
    if (auto utf8 = require_utf8(text, "the secrets " + source); !utf8) return utf8.error();
    json secrets = json::parse(text, nullptr, false);
    if (secrets.is_discarded() || !secrets.is_object())
        return make_error("the secrets " + source + " are not one JSON object like {\"" +
                          secret_keys(kind).front() + "\": \"...\"}");
    const std::vector<std::string> wanted = secret_keys(kind), flags = public_keys(kind);
    for (const auto& item : secrets.items()) {
        const std::string& key = item.key();
        if (std::find(wanted.begin(), wanted.end(), key) != wanted.end()) continue;
        const bool nameable = looks_like_key(key);
        const bool is_flag = std::find(flags.begin(), flags.end(), key) != flags.end();
        return make_error("the secrets " + source + " hold " + (nameable ? "\"" + key + "\"" : std::string("a key")) +
                          ", which is not a secret of --kind " + account_kind_name(kind) +
                          (is_flag ? " (give it as --" + flag_for(key) + ")" : ""));
    }
    for (const std::string& key : wanted)
        if (!secrets.contains(key)) return make_error("the secrets " + source + " lack \"" + key + "\"");
    return secrets;
}

// The new account as the settings file holds it, checked by the settings loader: the one
// place that knows what a valid account is (http:// only on loopback, formats, text).
Result<Account> build_account(const std::string& name, AccountKind kind, const Args& args, const json& secrets) {
    json entry = secrets;
    entry["name"] = name;
    entry["kind"] = account_kind_name(kind);
    for (const std::string& key : public_keys(kind)) entry[key] = *args.get(flag_for(key));
    std::string text;
    try {
        text = json{{"accounts", json::array({entry})}}.dump();
    } catch (const json::type_error&) {
        return make_error("account '" + name + "' holds text that is not valid UTF-8; nothing was written");
    }
    auto parsed = parse_settings(text);
    if (!parsed) return parsed.error();
    return parsed->accounts.front();
}

// Usage checks of `account add`: one NAME, a known --kind, exactly the flags of that kind.
Result<AccountKind> add_usage(const Args& args) {
    if (args.words().size() != 3) return make_error("account add needs one NAME (see the flags in --help)");
    auto kind = account_kind_named(args.get("kind").value_or(""));
    if (!kind) return make_error("account add needs --kind mastodon|bluesky|webhook|facebook|x|threads");
    std::set<std::string> known = {"data-dir", "config", "kind", "secrets-stdin", "secrets-file"};
    for (const std::string& key : public_keys(*kind)) {
        if (!args.has(flag_for(key)))
            return make_error("account add --kind " + std::string(account_kind_name(*kind)) + " needs --" +
                              flag_for(key));
        known.insert(flag_for(key));
    }
    auto unknown = args.unknown(known);
    if (!unknown.empty() && is_account_secret_key(key_for(unknown.front())))
        return make_error(unknown.front() + " is a secret: give it in the JSON object on stdin, never as an argument");
    if (!unknown.empty())
        return make_error("account add --kind " + std::string(account_kind_name(*kind)) + " does not take " +
                          unknown.front());
    if (args.has("secrets-stdin") && args.has("secrets-file"))
        return make_error("give the secrets either on stdin or with --secrets-file, not both");
    return *kind;
}

int add_account(CommandContext& context, const Args& args) {
    auto kind = add_usage(args);
    if (!kind) return usage_error(kind.error().message);
    const std::string& name = args.words()[2];
    // Created when missing, as `pin set` does: this may be the first thing an admin configures.
    auto settings = load_settings(context.config_file(), true);
    if (!settings) return fail(settings.error().message);
    if (find_account(*settings, name))
        return fail("an account named '" + name + "' exists already; nothing was written");
    auto text = read_secrets(args);
    if (!text) return fail(text.error().message);
    const std::string source = args.has("secrets-file") ? "in " + *args.get("secrets-file") : "on stdin";
    auto secrets = parse_secrets(*text, *kind, source);
    if (!secrets) return fail(secrets.error().message + "; nothing was written");
    auto account = build_account(name, *kind, args, *secrets);
    if (!account) return fail(account.error().message + "; nothing was written");
    settings->accounts.push_back(std::move(account.value()));
    if (auto saved = save_settings(*settings, context.config_file()); !saved) return fail(saved.error().message);
    std::cout << "account " << name << " (" << account_kind_name(*kind) << ") added to "
              << context.config_file().string();
    if (!settings->secrets_file.empty())
        std::cout << ", its secrets to " << secrets_file_path(*settings, context.config_file()).string();
    std::cout << "\n";
    return kExitOk;
}

int remove_account(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "force"});
    if (!unknown.empty()) return usage_error("account remove does not take " + unknown.front());
    if (args.words().size() != 3) return usage_error("account remove needs one NAME");
    const std::string& name = args.words()[2];
    auto loaded = context.settings();
    if (!loaded) return fail(loaded.error().message);
    if (!find_account(**loaded, name)) return fail("no account is named '" + name + "'");
    auto db = context.database();
    if (!db) return fail(db.error().message);
    // The engine leaves a removed account's rows untouched (they go out only if an account of
    // that name comes back), so removing one with posts still owed would strand them unseen.
    auto stranded = DeliveryQueue(**db).stranded_count(name);
    if (!stranded) return fail(stranded.error().message);
    if (*stranded > 0 && !args.has("force"))
        return fail("account '" + name + "' still has " + std::to_string(*stranded) +
                    " unsent deliveries or deletions (orlivectl queue shows them); send them with "
                    "'orlivectl sync --once', give them up with 'orlivectl discard-delivery POST_ID --account " +
                    name + "', or remove it anyway with --force; nothing was changed");
    Settings next = **loaded;
    std::erase_if(next.accounts, [&](const Account& account) { return account.name == name; });
    if (auto saved = save_settings(next, context.config_file()); !saved) return fail(saved.error().message);
    std::cout << "account " << name << " removed from " << context.config_file().string() << "\n";
    if (*stranded > 0)
        std::cerr << "orlivectl: " << *stranded << " unsent deliveries or deletions of '" << name
                  << "' stay in the outbox untouched; they go out only if an account named '" << name
                  << "' is added again\n";
    return kExitOk;
}

}  // namespace

int run_account(CommandContext& context, const Args& args) {
    const auto& words = args.words();
    const std::string verb = words.size() > 1 ? words[1] : "";
    if (verb == "list") return list_accounts(context, args);
    if (verb == "add") return add_account(context, args);
    if (verb == "remove") return remove_account(context, args);
    if (verb == "test") return test_account(context, args);
    if (verb == "split-secrets") return split_secrets(context, args);
    return usage_error("account needs: list | add NAME --kind KIND ... | test NAME | remove NAME | split-secrets");
}

}  // namespace orlive::cli
