#include "sync/tid.h"

namespace orlive {

namespace {
constexpr const char* kAlphabet = "234567abcdefghijklmnopqrstuvwxyz";
}

std::string make_tid(std::int64_t micros_since_epoch, std::uint32_t clock_id) {
    const std::uint64_t value = ((static_cast<std::uint64_t>(micros_since_epoch) & ((1ULL << 53) - 1)) << 10) |
                                (clock_id & 0x3FFU);
    std::string out(13, '2');
    for (int i = 12; i >= 0; --i) out[static_cast<std::size_t>(i)] = kAlphabet[(value >> (5 * (12 - i))) & 31U];
    return out;
}

bool is_valid_tid(const std::string& text) {
    if (text.size() != 13) return false;
    // The first character carries the top bit, which must be zero.
    if (std::string("234567abcdefghij").find(text[0]) == std::string::npos) return false;
    return text.find_first_not_of(kAlphabet) == std::string::npos;
}

}  // namespace orlive
