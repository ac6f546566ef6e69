#include <iostream>

#include <nlohmann/json.hpp>

#include "core/store/outbox.h"
#include "core/compose/post_pipeline.h"
#include "core/base/json_dump.h"
#include "core/base/time_format.h"
#include "core/base/undo_window.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

using nlohmann::json;

namespace {

// `settings` names each account's platform; an account no longer configured has none.
json post_to_json(const PostRecord& post, const Settings* settings) {
    json deliveries = json::array();
    for (const DeliveryRecord& d : post.deliveries) {
        json delivery = {{"account", d.account}, {"state", d.state}, {"attempts", d.attempts},
                         {"last_error", d.last_error}, {"remote_id", d.remote_id}, {"remote_uri", d.remote_uri}};
        for (const Account& account : settings ? settings->accounts : std::vector<Account>{}) {
            if (account.name == d.account) delivery["platform"] = account_kind_name(account.kind);
        }
        if (!d.deletion.empty()) delivery["deletion"] = d.deletion;
        if (!d.deletion_error.empty()) delivery["deletion_error"] = d.deletion_error;
        deliveries.push_back(delivery);
    }
    return {{"id", post.id},
            {"case_id", post.case_id ? json(*post.case_id) : json(nullptr)},
            {"kind", post_kind_name(post.kind)},
            {"milestone", post.milestone_id},
            {"state", post_state_name(post.state)},
            {"text", post.text},
            {"redactions", post.redactions},
            {"reason", post.reason},
            {"created_at", format_iso8601_utc(post.created_at)},
            {"release_at", format_iso8601_utc(post.release_at)},
            {"deliveries", deliveries}};
}

Result<std::int64_t> parse_post_id(const std::string& text) {
    try {
        std::size_t used = 0;
        long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return static_cast<std::int64_t>(id);
    } catch (const std::exception&) {
    }
    return make_error("post id must be a positive number, got '" + text + "'");
}

}  // namespace

bool read_undo_seconds(const Args& args, PostRequest& request) {
    auto seconds = args.get("undo-seconds");
    if (!seconds) return true;
    try {
        std::size_t used = 0;
        int value = std::stoi(*seconds, &used);
        if (used != seconds->size() || value < 0 || value > kMaxUndoSeconds) return false;
        request.undo_seconds = value;
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

int post_request(CommandContext& context, const PostRequest& request) {
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto settings = context.settings();
    if (!settings) return fail(settings.error().message);
    auto catalog = context.catalog();
    if (!catalog) return fail(catalog.error().message);
    auto filter = context.filter();
    if (!filter) return fail(filter.error().message);
    PostPipeline pipeline(**db, **catalog, **filter, **settings, context.clock());
    auto outcome = pipeline.post(request);
    if (!outcome) return fail(outcome.error().message);
    json line = {{"id", outcome->id},
                 {"state", post_state_name(outcome->state)},
                 {"text", outcome->text},
                 {"redactions", outcome->redactions}};
    if (!outcome->reason.empty()) line["reason"] = outcome->reason;
    std::cout << dump_json(line) << "\n";
    // Stored and going out elsewhere; these deliveries are already failed with the reason.
    for (const std::string& refused : outcome->too_long) std::cerr << "orlivectl: warning: " << refused << "\n";
    return kExitOk;
}

int run_post(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "milestone", "note", "text", "undo-seconds", "field"});
    if (!unknown.empty()) return usage_error("post does not take " + unknown.front());
    PostRequest request;
    request.milestone_id = args.get("milestone").value_or("");
    request.note = args.get("note").value_or("");
    request.free_text = args.get("text").value_or("");
    if (request.milestone_id.empty() == request.free_text.empty() && !args.has("text"))
        return usage_error("post needs --milestone ID or --text TEXT");
    if (!request.milestone_id.empty() && args.has("text"))
        return usage_error("post takes --milestone or --text, not both");
    if (args.has("text") && request.free_text.empty()) return usage_error("--text must not be empty");
    if (!read_undo_seconds(args, request)) {
        return usage_error("--undo-seconds must be a whole number from 0 to " + std::to_string(kMaxUndoSeconds));
    }
    for (const std::string& field : args.all("field")) {
        auto eq = field.find('=');
        if (eq == std::string::npos || eq == 0) return usage_error("--field must be NAME=NUMBER");
        request.fields[field.substr(0, eq)] = field.substr(eq + 1);
    }

    return post_request(context, request);
}

int run_review(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config"});
    if (!unknown.empty()) return usage_error(args.words()[0] + " does not take " + unknown.front());
    if (args.words().size() != 2) return usage_error(args.words()[0] + " needs one post id");
    auto id = parse_post_id(args.words()[1]);
    if (!id) return usage_error(id.error().message);
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto settings = context.settings();
    if (!settings) return fail(settings.error().message);
    const std::string& verb = args.words()[0];
    const TimeMs now = context.clock().now_ms();
    Status status = verb == "approve" ? approve_held_post(**db, *id, now, (*settings)->undo_seconds * 1000LL)
                    : verb == "discard" ? discard_post(**db, *id, now)
                                        : undo_post(**db, *id, now);
    if (!status) return fail(status.error().message);
    std::cout << "post " << *id << ": " << verb << " done\n";
    return kExitOk;
}

int run_queue(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "json", "case"});
    if (!unknown.empty()) return usage_error("queue does not take " + unknown.front());
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto released = release_due_posts(**db, context.clock().now_ms());
    if (!released) return fail(released.error().message);
    // Only to name platforms: the queue is shown even when the settings do not load.
    auto settings = context.settings();
    const Settings* known = settings ? *settings : nullptr;
    json all = json::array();
    PostQuery query;
    query.newest_first = false;
    query.limit = 1000;
    if (auto only = args.get("case")) {
        auto id = parse_post_id(*only);
        if (!id) return usage_error("--case must be a case id");
        query.case_id = *id;
    }
    std::vector<PostRecord> page;
    do {
        auto posts = list_posts(**db, query);
        if (!posts) return fail(posts.error().message);
        page = std::move(posts.value());
        for (const PostRecord& post : page) {
            if (args.has("json")) {
                all.push_back(post_to_json(post, known));
                continue;
            }
            std::cout << "#" << post.id << " " << post_state_name(post.state) << " "
                      << (post.milestone_id.empty() ? "text" : post.milestone_id) << " "
                      << format_iso8601_utc(post.created_at) << "\n    " << post.text << "\n";
            if (!post.reason.empty()) std::cout << "    reason: " << post.reason << "\n";
            if (post.deliveries.empty()) std::cout << "    local feed only\n";
            for (const DeliveryRecord& d : post.deliveries) {
                std::cout << "    -> " << d.account << ": " << d.state << ", " << d.attempts << " attempt(s)";
                if (!d.last_error.empty()) std::cout << ", last error: " << d.last_error;
                if (!d.remote_id.empty()) std::cout << ", remote id " << d.remote_id;
                if (!d.deletion.empty()) std::cout << ", deletion " << d.deletion;
                std::cout << "\n";
            }
        }
        query.offset += query.limit;
    } while (static_cast<int>(page.size()) == query.limit);
    if (args.has("json")) std::cout << dump_json(all, 2) << "\n";
    return kExitOk;
}

}  // namespace orlive::cli
