// Text into HTML: every character that could open markup or end an attribute is escaped, so
// a post's text is shown as text wherever it lands (text content or a quoted attribute).
#pragma once

#include <string>
#include <string_view>

namespace orlive {

std::string html_escape(std::string_view text);

}  // namespace orlive
