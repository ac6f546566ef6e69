// Fuzzes what a webhook receiver answers: any bytes as Discord's message (?wait=true), as an
// error body, and as Retry-After / X-RateLimit-Reset. Never a throw, never a wait past the cap.
#include <cstddef>
#include <cstdint>
#include <string>

#include "answer_checks.h"
#include "sync/platform_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orlive;
    const std::string input(reinterpret_cast<const char*>(data), size);
    fuzz::check_field(parse_discord_message_id(input), "Discord message id is valid UTF-8");
    fuzz::check_error_text(input);
    fuzz::check_failure(input, "The webhook", parse_unix_seconds(input));
    if (auto when = parse_retry_after(input, fuzz::kNow)) {
        FUZZ_CHECK(*when <= fuzz::kNow + kMaxPlatformWaitMs, "Retry-After within the hour");
    }
    return 0;
}
