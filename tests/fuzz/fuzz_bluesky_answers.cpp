// Fuzzes what an AT Protocol PDS answers: any bytes as the body of createSession,
// refreshSession, createRecord/putRecord, getPostThread (followers' replies), an XRPC error; and as RateLimit-Reset. Each parser
// must return a typed value or nothing, never throw.
#include <cstddef>
#include <cstdint>
#include <string>

#include "answer_checks.h"
#include "core/base/untrusted_text.h"
#include "sync/platform_answers.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace orlive;
    const std::string input(reinterpret_cast<const char*>(data), size);
    if (auto session = parse_bluesky_session(input)) {
        FUZZ_CHECK(!session->access_jwt.empty() && !session->did.empty(), "a session has a token and a DID");
        fuzz::check_field(session->access_jwt, "accessJwt is valid UTF-8");
        fuzz::check_field(session->refresh_jwt, "refreshJwt is valid UTF-8");
        fuzz::check_field(session->did, "did is valid UTF-8");
    }
    const BlueskySession current{"old-access", "old-refresh", "did:plc:x"};
    if (auto refreshed = parse_bluesky_refresh(input, current)) {
        FUZZ_CHECK(!refreshed->access_jwt.empty() && !refreshed->refresh_jwt.empty(), "refresh keeps tokens");
        FUZZ_CHECK(refreshed->did == current.did, "refresh keeps the DID");
    }
    if (auto record = parse_bluesky_record(input, "3kabc")) {
        FUZZ_CHECK(!record->uri.empty() && !record->cid.empty() && record->id == "3kabc", "a record has uri and cid");
        fuzz::check_field(record->uri, "uri is valid UTF-8");
    }
    fuzz::check_field(parse_xrpc_error_name(input), "XRPC error name is valid UTF-8");
    if (auto replies = parse_bluesky_thread(input, "did:plc:x")) {
        for (const FollowerReply& reply : *replies) {
            FUZZ_CHECK(reply.remote.uri.rfind("at://", 0) == 0 && !reply.remote.cid.empty(), "a reply has uri and cid");
            fuzz::check_field(reply.author, "handle is valid UTF-8");
            fuzz::check_field(sanitise_untrusted_text(reply.text), "a question's text is valid UTF-8");
        }
    }
    fuzz::check_error_text(input);
    fuzz::check_failure(input, "Bluesky", parse_unix_seconds(input));
    return 0;
}
