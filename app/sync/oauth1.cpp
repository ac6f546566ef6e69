#include "sync/oauth1.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>

#include "sync/percent_encoding.h"

namespace orlive {

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

}  // namespace

OAuthParams parse_query(const std::string& query) {
    OAuthParams params;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find('&', start);
        if (end == std::string::npos) end = query.size();
        const std::string pair = query.substr(start, end - start);
        if (!pair.empty()) {
            const std::size_t eq = pair.find('=');
            params.emplace_back(percent_decode(pair.substr(0, eq), true),
                                eq == std::string::npos ? std::string() : percent_decode(pair.substr(eq + 1), true));
        }
        start = end + 1;
    }
    return params;
}

std::string oauth1_base_url(const std::string& url) {
    std::string base = url.substr(0, url.find_first_of("?#"));
    const std::size_t scheme_end = base.find("://");
    if (scheme_end == std::string::npos) return base;
    const std::string scheme = lower(base.substr(0, scheme_end));
    const std::size_t path_start = base.find('/', scheme_end + 3);
    std::string authority = lower(base.substr(scheme_end + 3, path_start == std::string::npos
                                                                  ? std::string::npos
                                                                  : path_start - scheme_end - 3));
    const std::string path = path_start == std::string::npos ? "/" : base.substr(path_start);
    if ((scheme == "https" && authority.size() > 4 && authority.substr(authority.size() - 4) == ":443") ||
        (scheme == "http" && authority.size() > 3 && authority.substr(authority.size() - 3) == ":80"))
        authority = authority.substr(0, authority.rfind(':'));
    return scheme + "://" + authority + path;
}

std::string oauth1_base_string(const std::string& method, const std::string& base_url, OAuthParams params) {
    for (auto& [name, value] : params) {
        name = percent_encode(name);
        value = percent_encode(value);
    }
    std::sort(params.begin(), params.end());  // by encoded name, then encoded value
    std::string joined;
    for (const auto& [name, value] : params) {
        if (!joined.empty()) joined += '&';
        joined += name + "=" + value;
    }
    std::string upper = method;
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    return upper + "&" + percent_encode(base_url) + "&" + percent_encode(joined);
}

std::string oauth1_signature(const std::string& base_string, const std::string& consumer_secret,
                             const std::string& token_secret) {
    const std::string key = percent_encode(consumer_secret) + "&" + percent_encode(token_secret);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(base_string.data()), base_string.size(), digest, &length);
    unsigned char encoded[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
    const int written = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
    return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(std::max(written, 0)));
}

std::string oauth1_authorization(const std::string& method, const std::string& url, const OAuth1Credentials& keys,
                                 const OAuthParams& form, const std::string& nonce, long long timestamp) {
    OAuthParams oauth = {{"oauth_consumer_key", keys.consumer_key},
                         {"oauth_nonce", nonce},
                         {"oauth_signature_method", "HMAC-SHA1"},
                         {"oauth_timestamp", std::to_string(timestamp)},
                         {"oauth_token", keys.token},
                         {"oauth_version", "1.0"}};
    OAuthParams signed_params = oauth;
    const std::size_t query_start = url.find('?');
    if (query_start != std::string::npos) {
        const OAuthParams query = parse_query(url.substr(query_start + 1, url.find('#') - query_start - 1));
        signed_params.insert(signed_params.end(), query.begin(), query.end());
    }
    signed_params.insert(signed_params.end(), form.begin(), form.end());
    const std::string base = oauth1_base_string(method, oauth1_base_url(url), signed_params);
    oauth.emplace_back("oauth_signature", oauth1_signature(base, keys.consumer_secret, keys.token_secret));
    std::sort(oauth.begin(), oauth.end());
    std::string header = "OAuth ";
    for (std::size_t i = 0; i < oauth.size(); ++i) {
        if (i) header += ", ";
        header += percent_encode(oauth[i].first) + "=\"" + percent_encode(oauth[i].second) + "\"";
    }
    return header;
}

std::string oauth1_nonce() {
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char bytes[32];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        for (unsigned char& b : bytes) b = static_cast<unsigned char>(std::rand());
    }
    std::string nonce;
    for (unsigned char b : bytes) nonce += alphabet[b % 62];
    return nonce;
}

}  // namespace orlive
