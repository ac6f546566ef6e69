// HttpClient: the one small HTTP interface every publisher uses, over libcurl. Keeps transport
// errors (no answer at all) apart from HTTP statuses (an answer). One client per thread; it
// reuses its connection between requests. curl_global_init must have run in main().
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/base/result.h"

namespace orlive {

// Larger answers are cut off and fail the request: no platform answer we read comes near it,
// and an endless body must not fill the device's memory.
constexpr std::size_t kMaxResponseBytes = 1 << 20;

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 20000;
    std::size_t max_response_bytes = kMaxResponseBytes;  // body; headers get a fixed 64 KiB
};

// What a publisher gives each request: connect, and the whole exchange.
struct HttpTimeouts {
    long connect_ms = 5000;
    long total_ms = 20000;
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names lower-cased
    std::string body;

    std::string header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        return it == headers.end() ? std::string() : it->second;
    }
};

// Why a request got no answer that can be read. Typed, so callers need not parse the message.
struct TransportFailure {
    enum class Kind {
        NoAnswer,  // DNS, refused, reset, timeout: the server (or the path to it) is not there
        TooLarge,  // it answered, but with more than max_response_bytes (or 64 KiB of headers)
    };
    Kind kind = Kind::NoAnswer;
    std::string message;  // names the failure class, never a header or body
};

using HttpResult = Result<HttpResponse, TransportFailure>;

class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // A TransportFailure when no readable answer arrived; any HTTP status is a value.
    // Its messages never include request headers or bodies, where secrets live.
    HttpResult perform(const HttpRequest& request);
    // Whether a connection to `url`'s host opens within `timeout_ms` (TCP, and TLS for https):
    // the cheap probe of an account that is offline. Sends no request.
    bool reachable(const std::string& url, long timeout_ms);

private:
    void* curl_;  // CURL*, kept opaque so curl.h stays out of everyone's includes
};

}  // namespace orlive
