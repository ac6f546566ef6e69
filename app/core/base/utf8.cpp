#include "core/base/utf8.h"

namespace orlive {

namespace {

// Length of the valid sequence starting at text[i], or 0 when it is not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) return 1;
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (lead >= 0xC2 && lead <= 0xDF) length = 2;
    else if (lead == 0xE0) length = 3, low = 0xA0;                   // no overlong forms
    else if (lead == 0xED) length = 3, high = 0x9F;                  // no surrogates
    else if (lead >= 0xE1 && lead <= 0xEF) length = 3;
    else if (lead == 0xF0) length = 4, low = 0x90;                   // no overlong forms
    else if (lead == 0xF4) length = 4, high = 0x8F;                  // nothing past U+10FFFF
    else if (lead >= 0xF1 && lead <= 0xF3) length = 4;
    else return 0;
    if (i + length > text.size()) return 0;
    if (byte(i + 1) < low || byte(i + 1) > high) return 0;
    for (std::size_t k = 2; k < length; ++k) {
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    }
    return length;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequence_length(text, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

Status require_utf8(std::string_view text, std::string_view what) {
    const auto bad = first_invalid_utf8(text);
    if (!bad) return Ok{};
    return make_error(std::string(what) + " is not valid UTF-8 text (byte " + std::to_string(*bad + 1) +
                      "); retype it, or save the file as UTF-8");
}

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t length = sequence_length(text, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
    return out;
}

std::string utf8_prefix(std::string_view text, std::size_t max_bytes) {
    std::string repaired = repair_utf8(text);
    if (repaired.size() <= max_bytes) return repaired;
    std::size_t cut = max_bytes;
    // Back up over continuation bytes to the start of the character that would be split.
    while (cut > 0 && (static_cast<unsigned char>(repaired[cut]) & 0xC0) == 0x80) --cut;
    repaired.resize(cut);
    return repaired;
}

}  // namespace orlive
