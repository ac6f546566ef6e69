#include "sync/platform_error.h"

#include <nlohmann/json.hpp>

#include "core/base/utf8.h"

namespace orlive {

namespace {

constexpr std::size_t kMaxLength = 200;

// Valid UTF-8 (a platform may answer in any bytes), control characters as spaces, and cut on a
// character boundary: the text is stored and later printed as JSON by `queue --json`.
std::string printable_excerpt(const std::string& text) {
    std::string out = repair_utf8(text);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
    }
    if (out.size() <= kMaxLength) return out;
    return utf8_prefix(out, kMaxLength) + "…";
}

}  // namespace

std::string platform_error_text(const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object()) {
        std::string text;
        for (const char* key : {"error", "message", "error_description"}) {
            auto it = json.find(key);
            if (it == json.end() || !it->is_string()) continue;
            if (!text.empty()) text += ": ";
            text += it->get<std::string>();
        }
        if (!text.empty()) return printable_excerpt(text);
    }
    return body.empty() ? std::string() : "unexpected reply: " + printable_excerpt(body);
}

}  // namespace orlive
