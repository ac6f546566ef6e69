// OAuth 1.0a signing against the worked example in X's "Creating a signature" documentation
// (docs.x.com, fundamentals/authentication/oauth-1-0a/creating-a-signature), and the
// percent-encoding and base-URL rules of RFC 5849 section 3.4.1 and 3.6.
#include <gtest/gtest.h>

#include "sync/oauth1.h"
#include "sync/percent_encoding.h"

namespace orlive {
namespace {

const OAuthParams kDocParams = {{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"},
                                {"include_entities", "true"},
                                {"oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"},
                                {"oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"},
                                {"oauth_signature_method", "HMAC-SHA1"},
                                {"oauth_timestamp", "1318622958"},
                                {"oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"},
                                {"oauth_version", "1.0"}};

TEST(OAuth1, BaseStringMatchesTheDocumentedExample) {
    EXPECT_EQ(oauth1_base_string("post", "https://api.x.com/1.1/statuses/update.json", kDocParams),
              "POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_"
              "key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_"
              "signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-"
              "GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%"
              "252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521");
}

TEST(OAuth1, SignatureMatchesTheDocumentedExample) {
    const std::string base = oauth1_base_string("POST", "https://api.x.com/1.1/statuses/update.json", kDocParams);
    EXPECT_EQ(oauth1_signature(base, "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                               "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"),
              "Ls93hJiZbQ3akF3HF3x1Bz8/zU4=");
}

TEST(OAuth1, TheHeaderSignsTheQueryAndTheFormButNotAJsonBody) {
    const OAuth1Credentials keys = {"xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                                    "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
                                    "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"};
    const std::string header = oauth1_authorization(
        "POST", "https://api.x.com/1.1/statuses/update.json?include_entities=true", keys,
        {{"status", "Hello Ladies + Gentlemen, a signed OAuth request!"}}, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
        1318622958);
    EXPECT_NE(header.find("oauth_signature=\"Ls93hJiZbQ3akF3HF3x1Bz8%2FzU4%3D\""), std::string::npos) << header;
    EXPECT_EQ(header.rfind("OAuth oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\", oauth_nonce=", 0), 0u) << header;
    const std::string without_form = oauth1_authorization(
        "POST", "https://api.x.com/1.1/statuses/update.json?include_entities=true", keys, {},
        "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958);
    EXPECT_EQ(without_form.find("Ls93hJiZbQ3akF3HF3x1Bz8"), std::string::npos);
}

TEST(OAuth1, PercentEncodingIsRfc3986) {
    EXPECT_EQ(percent_encode("Ladies + Gentlemen"), "Ladies%20%2B%20Gentlemen");
    EXPECT_EQ(percent_encode("An encoded string!"), "An%20encoded%20string%21");
    EXPECT_EQ(percent_encode("Dogs, Cats & Mice"), "Dogs%2C%20Cats%20%26%20Mice");
    EXPECT_EQ(percent_encode("☃"), "%E2%98%83");
    EXPECT_EQ(percent_encode("-._~*'()"), "-._~%2A%27%28%29");
}

TEST(OAuth1, BaseUrlLowersSchemeAndHostAndDropsDefaultPortsAndQuery) {
    EXPECT_EQ(oauth1_base_url("HTTPS://API.X.com:443/2/Tweets?a=b#f"), "https://api.x.com/2/Tweets");
    EXPECT_EQ(oauth1_base_url("http://Example.COM:80/r%20v/X?id=123"), "http://example.com/r%20v/X");
    EXPECT_EQ(oauth1_base_url("http://127.0.0.1:8080/2/tweets"), "http://127.0.0.1:8080/2/tweets");
}

TEST(OAuth1, ParametersWithTheSameNameSortByValue) {
    const std::string base = oauth1_base_string("GET", "http://example.com/", {{"a", "2"}, {"a", "1"}, {"Z", "x"}});
    EXPECT_EQ(base, "GET&http%3A%2F%2Fexample.com%2F&Z%3Dx%26a%3D1%26a%3D2");
}

}  // namespace
}  // namespace orlive
