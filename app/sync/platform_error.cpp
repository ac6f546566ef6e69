#include "sync/platform_error.h"

#include <nlohmann/json.hpp>

namespace orlive {

namespace {

constexpr std::size_t kMaxLength = 200;

std::string printable_excerpt(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (out.size() >= kMaxLength) {
            out += "…";
            break;
        }
        out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
    }
    return out;
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
