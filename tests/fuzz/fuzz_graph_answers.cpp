// Fuzzes what Meta's Graph APIs answer (Facebook Pages, Threads): any bytes as an object's id,
// a Threads container's status, a listing of posts or comments, followers' replies (a Facebook
// post's comment stream, a Threads conversation, /me's username), an error, and as the
// X-Business-Use-Case-Usage / X-App-Usage headers. Never a throw, ids safe in a request path,
// never a wait past the one-hour cap.
#include <cstddef>
#include <cstdint>
#include <string>

#include "answer_checks.h"
#include "sync/graph_answers.h"
#include "sync/graph_api.h"
#include "sync/graph_replies.h"

namespace {

void check_id(const std::string& id) {
    FUZZ_CHECK(orlive::is_path_safe_id(id), "a Graph id is safe in a request path");
    for (char c : id) FUZZ_CHECK(c != '/' && c != '?' && c != '#' && c != '&' && c != ' ', "no path characters");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orlive;
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (auto id = parse_graph_id(input)) check_id(*id);
    if (auto status = parse_graph_status(input)) fuzz::check_field(*status, "container status is valid UTF-8");
    if (auto items = parse_graph_listing(input)) {
        for (const GraphItem& item : *items) {
            check_id(item.id);
            fuzz::check_field(item.text, "item text is valid UTF-8");
            fuzz::check_field(item.from_id, "item author is valid UTF-8");
        }
    }
    for (const std::string& ours : {std::string(), std::string("1001")}) {
        if (auto page = parse_facebook_comments(input, ours, "1001_1")) {
            fuzz::check_follower_replies(page->replies);
            fuzz::check_field(page->next_after, "the next cursor is valid UTF-8");
        }
        if (auto page = parse_threads_conversation(input, ours)) fuzz::check_follower_replies(page->replies);
    }
    fuzz::check_field(parse_threads_username(input), "a username is valid UTF-8");
    (void)parse_graph_error(input);
    (void)parse_graph_time(input);
    for (long status : {400L, 403L, 429L, 500L}) {
        HttpResponse response;
        response.status = status;
        response.body = input;
        response.headers["x-business-use-case-usage"] = input;
        response.headers["x-app-usage"] = input;
        if (auto at = graph_regain_access_at(response, fuzz::kNow)) {
            FUZZ_CHECK(*at <= fuzz::kNow + kMaxPlatformWaitMs, "regain access within the hour");
        }
        const PublishOutcome outcome = graph_failure(response, "Facebook", fuzz::kNow);
        FUZZ_CHECK(is_valid_utf8(outcome.error), "failure text is valid UTF-8");
        if (outcome.retry_at) FUZZ_CHECK(*outcome.retry_at <= fuzz::kNow + kMaxPlatformWaitMs, "retry within the hour");
    }
    fuzz::check_error_text(input);
    return 0;
}
