// RFC 3986 percent-encoding: every byte but the unreserved ALPHA / DIGIT / "-" / "." / "_" / "~"
// becomes %XX with upper-case hex. This is exactly what RFC 5849 (OAuth 1.0a) section 3.6
// asks for, and it is also a valid application/x-www-form-urlencoded value. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace orlive {

std::string percent_encode(std::string_view value);
// %XX decoded (and '+' as a space when `plus_is_space`, as in form bodies); a broken escape
// stays as it is.
std::string percent_decode(std::string_view text, bool plus_is_space);
// name=value&name=value, each side percent-encoded, in the order given.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace orlive
