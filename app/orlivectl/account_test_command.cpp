// orlivectl account test NAME: asks the platform whether the account's credentials work, with
// the same check the sync engine makes before delivering (Publisher::check), and posts nothing.
#include <exception>
#include <iostream>

#include "orlivectl/account_fields.h"
#include "orlivectl/commands.h"
#include "sync/curl_global.h"
#include "sync/http_client.h"
#include "sync/publisher_factory.h"

namespace orlive::cli {

namespace {

// The check, with anything a publisher throws turned into a failure (as the engine does).
PublishOutcome check_account(const Account& account, TimeMs now) {
    CurlGlobal curl;
    HttpClient http;
    Settings only;
    only.accounts = {account};
    std::vector<NamedPublisher> publishers = make_publishers(only, http);
    if (publishers.empty()) return PublishOutcome::permanent("no publisher for this kind of account");
    try {
        return publishers.front().publisher->check(now);
    } catch (const std::exception& e) {
        return PublishOutcome::transient(std::string("the check failed: ") + e.what());
    }
}

}  // namespace

int test_account(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config"});
    if (!unknown.empty()) return usage_error("account test does not take " + unknown.front());
    if (args.words().size() != 3) return usage_error("account test needs one NAME");
    const std::string& name = args.words()[2];
    auto settings = context.credentials();
    if (!settings) return fail(settings.error().message);
    const Account* account = find_account(**settings, name);
    if (!account) return fail("no account is named '" + name + "'");
    const PublishOutcome outcome = check_account(*account, context.clock().now_ms());
    const std::string platform = account_display_name(account->kind);
    if (outcome.kind == PublishOutcome::Kind::Sent) {
        // A webhook answers only by posting, so only its settings were checked.
        std::cout << name << ": ok ("
                  << (account->kind == AccountKind::Webhook
                          ? "settings valid; a webhook cannot be checked without posting to it"
                          : platform + " accepted the credentials")
                  << ")\n";
        return kExitOk;
    }
    // The publisher's words are the platform's or the transport's, never a secret (publisher.h).
    std::cerr << "orlivectl: " << name << " (" << platform << "): not ok: " << outcome.error
              << (outcome.needs_reauthorisation ? "; sign in again: a new token is needed" : "") << "\n";
    return kExitError;  // 1 is bad usage only (README, "Common flags")
}

}  // namespace orlive::cli
