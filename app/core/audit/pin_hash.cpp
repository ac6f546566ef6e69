#include "core/audit/pin_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <optional>
#include <vector>

#include "core/base/hex.h"

namespace orlive {

namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

std::optional<std::vector<unsigned char>> from_hex(const std::string& hex) {
    if (hex.empty() || hex.size() % 2 != 0) return std::nullopt;
    std::vector<unsigned char> out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        auto nibble = [](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            return -1;
        };
        int high = nibble(hex[i]), low = nibble(hex[i + 1]);
        if (high < 0 || low < 0) return std::nullopt;
        out.push_back(static_cast<unsigned char>(high * 16 + low));
    }
    return out;
}

struct ParsedHash {
    int iterations = 0;
    std::vector<unsigned char> salt;
    std::vector<unsigned char> hash;
};

std::optional<ParsedHash> parse(const std::string& text) {
    const std::string prefix = std::string(kPinHashScheme) + "$";
    if (text.rfind(prefix, 0) != 0) return std::nullopt;
    const std::size_t a = prefix.size();
    const std::size_t b = text.find('$', a);
    if (b == std::string::npos) return std::nullopt;
    const std::size_t c = text.find('$', b + 1);
    if (c == std::string::npos) return std::nullopt;
    const std::string count = text.substr(a, b - a);
    if (count.empty() || count.size() > 8 || count.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    ParsedHash parsed;
    parsed.iterations = std::stoi(count);
    auto salt = from_hex(text.substr(b + 1, c - b - 1));
    auto hash = from_hex(text.substr(c + 1));
    if (parsed.iterations < 1000 || !salt || !hash || hash->size() != kHashBytes) return std::nullopt;
    parsed.salt = std::move(*salt);
    parsed.hash = std::move(*hash);
    return parsed;
}

std::array<unsigned char, kHashBytes> derive(const std::string& pin, const std::vector<unsigned char>& salt,
                                             int iterations) {
    std::array<unsigned char, kHashBytes> out{};
    PKCS5_PBKDF2_HMAC(pin.data(), static_cast<int>(pin.size()), salt.data(), static_cast<int>(salt.size()),
                      iterations, EVP_sha256(), static_cast<int>(out.size()), out.data());
    return out;
}

}  // namespace

bool is_valid_pin(const std::string& pin) {
    return pin.size() >= 4 && pin.size() <= 8 && pin.find_first_not_of("0123456789") == std::string::npos;
}

Result<std::string> hash_pin(const std::string& pin, int iterations) {
    std::vector<unsigned char> salt(kSaltBytes);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return make_error("cannot hash the PIN: no secure random numbers available");
    const auto hash = derive(pin, salt, iterations);
    return std::string(kPinHashScheme) + "$" + std::to_string(iterations) + "$" + to_hex(salt.data(), salt.size()) +
           "$" + to_hex(hash.data(), hash.size());
}

bool is_pin_hash(const std::string& text) { return parse(text).has_value(); }

bool pin_matches(const std::string& stored, const std::string& pin) {
    if (auto parsed = parse(stored)) {
        const auto hash = derive(pin, parsed->salt, parsed->iterations);
        return CRYPTO_memcmp(hash.data(), parsed->hash.data(), kHashBytes) == 0;
    }
    // A plain PIN from an old settings file: compare every byte whatever the lengths.
    unsigned difference = stored.size() == pin.size() ? 0u : 1u;
    for (std::size_t i = 0; i < stored.size(); ++i)
        difference |= static_cast<unsigned char>(stored[i] ^ (i < pin.size() ? pin[i] : '\0'));
    return !stored.empty() && difference == 0;
}

}  // namespace orlive
