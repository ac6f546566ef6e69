// Fuzzes what a Mastodon instance answers: any bytes as the body of /api/v2/instance, a status,
// verify_credentials, an account's statuses, a thread's context (followers' replies), an error; and as X-RateLimit-Reset. Each parser
// must return a typed value or nothing, never throw; ids must be safe in a request path.
#include <cstddef>
#include <cstdint>
#include <string>

#include "answer_checks.h"
#include "core/base/untrusted_text.h"
#include "sync/platform_answers.h"

namespace {

void check_id(const std::string& id) {
    orlive::fuzz::check_field(id, "id is valid UTF-8");
    for (char c : id) FUZZ_CHECK(c != '/' && c != '?' && c != '#' && c != ' ', "id is safe in a request path");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orlive;
    const std::string input(reinterpret_cast<const char*>(data), size);
    const MastodonLimits limits = parse_mastodon_limits(input, MastodonLimits{});
    FUZZ_CHECK(limits.max_characters > 0 && limits.max_characters <= 1'000'000, "max_characters in range");
    FUZZ_CHECK(limits.characters_reserved_per_url <= 1000, "characters_reserved_per_url in range");
    if (auto status = parse_mastodon_status(input)) {
        FUZZ_CHECK(!status->id.empty(), "a status has an id");
        check_id(status->id);
        fuzz::check_field(status->uri, "url is valid UTF-8");
    }
    check_id(parse_mastodon_account_id(input));
    auto found = find_mastodon_status(input, "", "Incision");
    if (found.ok() && found->has_value()) check_id((*found)->id);
    (void)mastodon_plain_text(input);
    if (auto replies = parse_mastodon_context(input, "1")) {
        for (const FollowerReply& reply : *replies) {
            check_id(reply.remote.id);
            check_id(reply.in_reply_to);
            const std::string text = sanitise_untrusted_text(reply.text);
            FUZZ_CHECK(is_valid_utf8(text), "a question's text is valid UTF-8 after sanitising");
            for (unsigned char c : text) FUZZ_CHECK(c >= 0x20 && c != 0x7f, "no control bytes in a question");
        }
    }
    fuzz::check_error_text(input);
    fuzz::check_failure(input, "Mastodon", parse_iso8601(input));
    return 0;
}
