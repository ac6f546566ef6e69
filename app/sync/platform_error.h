// The platform's own words from an error body, made safe to store and show: JSON "error" (and
// "message"/"error_description" when present), else a short, printable excerpt of the body.
#pragma once

#include <string>

namespace orlive {

std::string platform_error_text(const std::string& body);

}  // namespace orlive
