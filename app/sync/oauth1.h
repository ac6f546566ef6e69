// OAuth 1.0a request signing (RFC 5849) with HMAC-SHA1, as the X API wants for user context.
// The signature covers the method, the base URL (scheme and host lower-case, default port
// left out, no query), and every query and form parameter plus the oauth_* ones, each
// percent-encoded (RFC 3986), sorted by name then value. A JSON body is not part of it.
// Pure functions apart from the nonce; thread-safe.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace orlive {

using OAuthParams = std::vector<std::pair<std::string, std::string>>;

struct OAuth1Credentials {
    std::string consumer_key;
    std::string consumer_secret;
    std::string token;
    std::string token_secret;
};

// "METHOD&enc(base url)&enc(sorted, encoded parameters)".
std::string oauth1_base_string(const std::string& method, const std::string& base_url, OAuthParams params);
// base64(HMAC-SHA1(enc(consumer secret) & enc(token secret), base string)).
std::string oauth1_signature(const std::string& base_string, const std::string& consumer_secret,
                             const std::string& token_secret);
// The Authorization header value for a request to `url` (its query is signed too);
// `form` holds an application/x-www-form-urlencoded body's fields, empty for JSON bodies.
std::string oauth1_authorization(const std::string& method, const std::string& url, const OAuth1Credentials& keys,
                                 const OAuthParams& form, const std::string& nonce, long long timestamp);
// A fresh random nonce (32 letters and digits).
std::string oauth1_nonce();

// The URL as OAuth signs it: scheme://host[:port]/path, lower-case scheme and host.
std::string oauth1_base_url(const std::string& url);
// The decoded name/value pairs of the URL's query, or of a form body.
OAuthParams parse_query(const std::string& query);

}  // namespace orlive
