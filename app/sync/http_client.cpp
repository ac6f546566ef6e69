#include "sync/http_client.h"

#include "orlive/version.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>

namespace orlive {

namespace {

constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

// Returning less than was offered makes curl abort the transfer (CURLE_WRITE_ERROR).
struct BodySink {
    std::string* body;
    std::size_t limit;
    bool overflowed = false;
};

struct HeaderSink {
    std::map<std::string, std::string>* headers;
    std::size_t seen = 0;
    bool overflowed = false;
};

size_t collect_body(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<BodySink*>(user);
    const std::size_t bytes = size * count;
    if (bytes > sink->limit - sink->body->size()) {
        sink->overflowed = true;
        return 0;
    }
    sink->body->append(data, bytes);
    return bytes;
}

size_t collect_header(char* data, size_t size, size_t count, void* user) {
    auto* sink = static_cast<HeaderSink*>(user);
    sink->seen += size * count;
    if (sink->seen > kMaxHeaderBytes) {
        sink->overflowed = true;
        return 0;
    }
    std::string line(data, size * count);
    auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
        std::string value = line.substr(colon + 1);
        auto first = value.find_first_not_of(" \t");
        auto last = value.find_last_not_of(" \t\r\n");
        value = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
        (*sink->headers)[name] = value;
    }
    return size * count;
}

}  // namespace

HttpClient::HttpClient() : curl_(curl_easy_init()) {}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

HttpResult HttpClient::perform(const HttpRequest& request) {
    CURL* curl = static_cast<CURL*>(curl_);
    if (!curl) return TransportFailure{TransportFailure::Kind::NoAnswer, "HTTP client could not be initialised"};
    curl_easy_reset(curl);  // keeps the connection cache: reuse across requests

    HttpResponse response;
    BodySink body{&response.body, request.max_response_bytes};
    HeaderSink head{&response.headers};
    struct curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) {
        headers = curl_slist_append(headers, (name + ": " + value).c_str());
    }
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (request.method == "GET") curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, request.connect_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, request.total_timeout_ms);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &head);
    static const std::string user_agent = std::string("ORLive/") + kVersion;
    curl_easy_setopt(curl, CURLOPT_USERAGENT, user_agent.c_str());

    CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (body.overflowed || head.overflowed) {
        return TransportFailure{TransportFailure::Kind::TooLarge,
                                "the server's answer was larger than " +
                                    std::to_string((body.overflowed ? request.max_response_bytes : kMaxHeaderBytes) / 1024) +
                                    " KiB; it was not read"};
    }
    if (code != CURLE_OK) {
        // curl_easy_strerror names the failure class only; it never echoes headers or body.
        return TransportFailure{TransportFailure::Kind::NoAnswer,
                                std::string("no answer from the server: ") + curl_easy_strerror(code)};
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

bool HttpClient::reachable(const std::string& url, long timeout_ms) {
    // Its own handle: the probe must not replace the connection perform() keeps alive.
    CURL* probe = curl_easy_init();
    if (probe == nullptr) return false;
    curl_easy_setopt(probe, CURLOPT_URL, url.c_str());
    curl_easy_setopt(probe, CURLOPT_CONNECT_ONLY, 1L);
    curl_easy_setopt(probe, CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
    curl_easy_setopt(probe, CURLOPT_TIMEOUT_MS, timeout_ms);
    curl_easy_setopt(probe, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(probe, CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode code = curl_easy_perform(probe);
    curl_easy_cleanup(probe);
    return code == CURLE_OK;
}

}  // namespace orlive
