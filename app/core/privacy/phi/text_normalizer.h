// TextNormalizer: the form of a text the detectors read. NFKC per character (full-width
// letters and digits become ASCII), other decimal digits become ASCII digits, zero-width
// characters, soft hyphens and bidi controls are dropped, and Cyrillic/Greek look-alike
// letters inside a Latin word are folded to Latin. Every byte of the result knows which bytes of
// the original it came from, so findings map back to the original text. Bidi controls and
// words mixing Latin with Cyrillic/Greek letters are reported: a text using them is held for a
// person to look at. Pure function; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orlive {

struct NormalizedText {
    std::string text;                     // what the detectors read
    std::vector<std::uint32_t> origin;    // per byte of text: start of its source in the original
    std::vector<std::uint32_t> origin_end;  // per byte of text: end of its source in the original
    struct Suspicious {
        std::size_t start = 0;  // original byte offsets
        std::size_t end = 0;
        const char* rule = "";  // "review-bidi-control", "review-mixed-script"
    };
    std::vector<Suspicious> suspicious;
    bool identity = true;  // text is the original unchanged (origin maps are then empty)

    // The original byte range of [start, end) in text.
    std::size_t original_start(std::size_t start) const { return identity ? start : origin[start]; }
    std::size_t original_end(std::size_t end) const { return identity ? end : origin_end[end - 1]; }
};

NormalizedText normalize_for_detection(std::string_view original);

}  // namespace orlive
