// PIN hashes: what the settings file keeps instead of a PIN. PBKDF2-HMAC-SHA256 through
// OpenSSL with a 16-byte random salt, written as a self-describing string
//   pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX
// so the cost can rise later without breaking old files. kIterations is chosen so one check
// takes about 100 ms on the appliance (see README "PINs"): slow for a guesser with a copy of the
// file (4-8 digits are few), unnoticeable at the keypad. Plain functions, any thread.
#pragma once

#include <string>

#include "core/base/result.h"

namespace orlive {

inline constexpr int kPinHashIterations = 400000;
inline constexpr const char* kPinHashScheme = "pbkdf2-sha256";

// 4 to 8 ASCII digits.
bool is_valid_pin(const std::string& pin);
// A new salted hash of `pin` (error only when no secure random numbers are available).
Result<std::string> hash_pin(const std::string& pin, int iterations = kPinHashIterations);
// Whether `text` has the shape hash_pin writes (the settings loader refuses anything else).
bool is_pin_hash(const std::string& text);
// Whether `pin` matches `stored`: a hash, or (an old settings file) the plain PIN itself.
// Constant time in the PIN's content.
bool pin_matches(const std::string& stored, const std::string& pin);

}  // namespace orlive
