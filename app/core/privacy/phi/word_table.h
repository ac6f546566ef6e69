// WordTable: an immutable set of UTF-8 words (optionally with a rank each) kept as one string
// blob plus sorted offsets, searched by binary search. It replaces node-based sets for the
// filter's big lists: one allocation per table instead of one per word, so loading is faster
// and the resident size smaller. Built once, then const lookups are safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orlive {

class WordTable {
public:
    static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

    // Adds a word with its rank; the first rank given for a word is kept.
    void add(std::string_view word, std::uint32_t rank = 0);
    // Sorts and removes duplicates. Call once after the last add(), before any lookup.
    void freeze();

    bool contains(std::string_view word) const { return rank(word) != kAbsent; }
    std::uint32_t rank(std::string_view word) const;
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        std::uint32_t rank = 0;
    };
    std::string_view at(const Entry& e) const { return std::string_view(blob_).substr(e.offset, e.length); }

    std::string blob_;
    std::vector<Entry> entries_;
};

}  // namespace orlive
