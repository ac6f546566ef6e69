// Fuzzes what the X API v2 answers: any bytes as {"data":{"id"}}, a user's tweets, a page of
// a conversation search (followers' replies), an error body (X's own words), and as
// x-rate-limit-reset. Never a throw, ids safe in a request path,
// never a wait past the one-hour cap.
#include <cstddef>
#include <cstdint>
#include <string>

#include "answer_checks.h"
#include "sync/graph_answers.h"
#include "sync/x_answers.h"
#include "sync/x_replies.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orlive;
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (auto id = parse_x_data_id(input)) FUZZ_CHECK(is_path_safe_id(*id), "an X id is safe in a request path");
    if (auto tweets = parse_x_tweets(input)) {
        for (const XTweet& tweet : *tweets) {
            FUZZ_CHECK(is_path_safe_id(tweet.id), "a tweet id is safe in a request path");
            fuzz::check_field(tweet.text, "tweet text is valid UTF-8");
            (void)x_comparable_text(tweet.text);
        }
    }
    if (auto page = parse_x_conversation(input, "2244994945")) {
        fuzz::check_follower_replies(page->replies);
        FUZZ_CHECK(page->newest_id.empty() || is_path_safe_id(page->newest_id), "since_id is safe in a query");
        FUZZ_CHECK(page->next_token.empty() || is_path_safe_id(page->next_token), "next_token is safe in a query");
    }
    (void)x_plain_text(input);
    const std::string words = x_error_text(input);
    FUZZ_CHECK(is_valid_utf8(words), "X error text is valid UTF-8");
    FUZZ_CHECK(words.size() <= 240, "X error text is cut short");
    (void)x_comparable_text(input);
    fuzz::check_failure(input, "X", parse_unix_seconds(input));
    return 0;
}
