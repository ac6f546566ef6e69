// orlivectl questions / answer / hide: followers' replies to a case's thread, answered through
// the same pipeline as `post --text` and out as a reply on the question's own platform only.
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/base/json_dump.h"
#include "core/base/time_format.h"
#include "core/base/undo_window.h"
#include "core/compose/post_pipeline.h"
#include "core/store/question_store.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

using nlohmann::json;

namespace {

Result<std::int64_t> parse_id(const std::string& text, const std::string& what) {
    try {
        std::size_t used = 0;
        long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return static_cast<std::int64_t>(id);
    } catch (const std::exception&) {
    }
    return make_error(what + " must be a positive number, got '" + text + "'");
}

// Exactly the contract's keys (CONTRACT.md, "Followers' questions").
json question_to_json(const QuestionRecord& q) {
    return {{"id", q.id},
            {"case_id", q.case_id},
            {"account", q.account},
            {"platform", q.platform},
            {"remote_id", q.remote_id},
            {"author", q.author},
            {"text", q.text},
            {"received_at", format_iso8601_utc(q.received_at)},
            {"reply_to_post", q.reply_to_post ? json(*q.reply_to_post) : json(nullptr)},
            {"state", question_state_name(q.state)}};
}

void print_question(const QuestionRecord& q) {
    std::cout << "#" << q.id << " " << question_state_name(q.state) << " case " << q.case_id << " " << q.author
              << " on " << q.platform << " (" << q.account << ")";
    if (q.reply_to_post) std::cout << ", replying to post " << *q.reply_to_post;
    std::cout << " " << format_iso8601_utc(q.received_at) << "\n    " << q.text << "\n";
}

}  // namespace

int run_questions(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "json", "case"});
    if (!unknown.empty()) return usage_error("questions does not take " + unknown.front());
    if (args.words().size() != 1) return usage_error("questions takes no arguments (use --case ID)");
    std::optional<std::int64_t> case_id;
    if (auto only = args.get("case")) {
        auto id = parse_id(*only, "--case");
        if (!id) return usage_error(id.error().message);
        case_id = *id;
    }
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto questions = list_questions(**db, case_id);
    if (!questions) return fail(questions.error().message);
    if (!args.has("json")) {
        for (const QuestionRecord& q : *questions) print_question(q);
        return kExitOk;
    }
    json all = json::array();
    for (const QuestionRecord& q : *questions) all.push_back(question_to_json(q));
    std::cout << dump_json(all, 2) << "\n";
    return kExitOk;
}

int run_answer(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "text", "undo-seconds"});
    if (!unknown.empty()) return usage_error("answer does not take " + unknown.front());
    if (args.words().size() != 2) return usage_error("answer needs one question id: answer QUESTION_ID --text TEXT");
    auto id = parse_id(args.words()[1], "question id");
    if (!id) return usage_error(id.error().message);
    PostRequest request;
    request.answers_question = *id;
    request.free_text = args.get("text").value_or("");
    if (request.free_text.empty()) return usage_error("answer needs --text TEXT");
    if (!read_undo_seconds(args, request)) {
        return usage_error("--undo-seconds must be a whole number from 0 to " + std::to_string(kMaxUndoSeconds));
    }
    return post_request(context, request);
}

int run_hide(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config"});
    if (!unknown.empty()) return usage_error("hide does not take " + unknown.front());
    if (args.words().size() != 2) return usage_error("hide needs one question id");
    auto id = parse_id(args.words()[1], "question id");
    if (!id) return usage_error(id.error().message);
    auto db = context.database();
    if (!db) return fail(db.error().message);
    if (auto hidden = hide_question(**db, *id, context.clock().now_ms()); !hidden) return fail(hidden.error().message);
    std::cout << "question " << *id << ": hidden\n";
    return kExitOk;
}

}  // namespace orlive::cli
