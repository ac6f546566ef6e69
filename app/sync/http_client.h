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

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    long connect_timeout_ms = 5000;
    long total_timeout_ms = 20000;
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

class HttpClient {
public:
    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // An Error means no HTTP answer arrived (DNS, refused, reset, timeout); any status is a value.
    // Error messages never include request headers or bodies, where secrets live.
    Result<HttpResponse> perform(const HttpRequest& request);

private:
    void* curl_;  // CURL*, kept opaque so curl.h stays out of everyone's includes
};

}  // namespace orlive
